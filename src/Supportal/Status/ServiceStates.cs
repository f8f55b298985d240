using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Status;

/// <summary>
/// The one way a service's state changes: the open interval is closed at that instant and a new one opened, in the
/// caller's unit of work (the caller saves), so the current state and the history never disagree.
/// </summary>
public sealed class ServiceStates(AppDbContext db)
{
    /// <summary>A new service starts operational, its history with it.</summary>
    public void Add(StatusService service, DateTime at)
    {
        service.State = ServiceState.Operational;
        service.CreatedAt = at;
        db.StatusServices.Add(service);
        db.StatusIntervals.Add(new ServiceStateInterval { Service = service, State = ServiceState.Operational, From = at });
    }

    /// <summary>Moves a tracked service to <paramref name="state"/> at <paramref name="at"/>; nothing when it is in it already.</summary>
    public async Task SetAsync(StatusService service, ServiceState state, DateTime at, CancellationToken cancel = default)
    {
        if (service.State == state)
            return;
        // The open interval may be tracked and not saved yet (a service added or changed in this same unit of work).
        var open = db.StatusIntervals.Local.SingleOrDefault(i => (i.Service == service || i.ServiceId == service.Id && service.Id != 0) && i.To == null)
            ?? await db.StatusIntervals.SingleOrDefaultAsync(i => i.ServiceId == service.Id && i.To == null, cancel);
        open?.To = at;
        db.StatusIntervals.Add(new ServiceStateInterval { Service = service, State = state, From = at });
        service.State = state;
    }
}
