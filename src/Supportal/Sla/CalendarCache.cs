using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Sla;

/// <summary>
/// The built <see cref="BusinessTime"/> of each calendar, shared by every request of this node. Every ticket change
/// counts its targets in its group's calendar, which admins change rarely: callers learn the calendar's current
/// <see cref="BusinessCalendar.Version"/> with the rest of their query, and the hours and holidays are read only when
/// this node has not built that version yet. An edit on any node raises the version in the edit's own save, so the
/// next use on every node rebuilds, without a timeout or a message between nodes.
/// </summary>
/// <remarks>
/// One entry per calendar, the newest version seen: a handful of calendars, never their history. A calendar read for a
/// version keeps returning the same instance while it is current, as <see cref="SlaTracker"/> compares clocks by reference.
/// </remarks>
public sealed class CalendarCache
{
    private readonly ConcurrentDictionary<int, (int Version, BusinessTime Time)> built = new();

    /// <summary>The calendar's clock at <paramref name="version"/> (or at a newer one, if it changed since the caller read it).</summary>
    public async Task<BusinessTime> GetAsync(AppDbContext db, int calendarId, int version, CancellationToken cancellationToken = default)
    {
        if (built.TryGetValue(calendarId, out var known) && known.Version == version)
            return known.Time;
        // The calendar's row (and so its version) is read before its hours and holidays, so what is kept is never
        // older than the version it is kept under; an edit committed in between only makes the next use rebuild.
        var calendar = await db.BusinessCalendars.AsNoTracking().Where(c => c.Id == calendarId)
            .Include(c => c.Hours).Include(c => c.Holidays).AsSplitQuery().SingleAsync(cancellationToken);
        var time = BusinessTime.From(calendar);
        // A request that read an older version meanwhile must not replace a newer one; of two that built the same
        // version at once, the first kept is the one both return.
        var kept = built.AddOrUpdate(calendarId, (calendar.Version, time), (_, old) => old.Version >= calendar.Version ? old : (calendar.Version, time));
        return kept.Version == calendar.Version ? kept.Time : time;
    }
}
