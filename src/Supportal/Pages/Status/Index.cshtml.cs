using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Platform;
using Supportal.Status;

namespace Supportal.Pages.Status;

/// <summary>
/// The public status page (STS-1): every service in its group with its current state and how it did over the last
/// 90 days, for anyone, signed in or not.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int Days = 90;

    public sealed record ServiceView(StatusService Service, UptimeReport Uptime);

    public sealed record GroupView(ServiceGroup Group, IReadOnlyList<ServiceView> Services);

    public IReadOnlyList<GroupView> Groups { get; private set; } = [];

    /// <summary>The worst current state of any service; null when there are none.</summary>
    public ServiceState? Worst { get; private set; }

    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var cancel = HttpContext.RequestAborted;
        var groups = await db.StatusGroups.AsNoTracking().Include(g => g.Services).ToListAsync(cancel);
        // Days are the support organisation's calendar days, the same for every reader, so one page fits all.
        var zone = LocalTime.PortalZone;
        var windowStart = Uptime.WindowStart(Now, Days, zone);
        // One query for every service's history in the window; the calculator clips what starts before it.
        var history = (await db.StatusIntervals.AsNoTracking()
                .Where(i => i.To == null || i.To > windowStart)
                .Select(i => new { i.ServiceId, i.From, i.To, i.State })
                .ToListAsync(cancel))
            .ToLookup(i => i.ServiceId, i => new StateSpan(i.From, i.To, i.State));

        Groups = [.. groups.Where(g => g.Services.Count > 0).OrderBy(g => g.Order).ThenBy(g => g.Id)
            .Select(g => new GroupView(g, [.. g.Services.OrderBy(s => s.Order).ThenBy(s => s.Id)
                .Select(s => new ServiceView(s, Uptime.Calculate(history[s.Id], s.CreatedAt, Now, Days, zone)))]))];
        Worst = groups.SelectMany(g => g.Services).Select(s => (ServiceState?)s.State).Max();
    }

    /// <summary>A share as a percentage with two decimals, rounded down so that a day with any outage never shows 100%.</summary>
    public static string Percent(double share) =>
        (Math.Floor(share * 10000) / 10000).ToString("P2", CultureInfo.CurrentCulture);

    public static string Icon(ServiceState state) => state switch
    {
        ServiceState.Operational => "check-circle-fill",
        ServiceState.UnderMaintenance => "tools",
        ServiceState.DegradedPerformance => "speedometer",
        ServiceState.PartialOutage => "exclamation-triangle-fill",
        _ => "x-octagon-fill",
    };
}
