using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Data;
using Supportal.Platform;
using Supportal.Sla;

namespace Supportal.Pages;

/// <summary>How to reach support, and whether each team is open right now by its group's business calendar.</summary>
[AllowAnonymous]
public sealed class ContactModel(AppDbContext db, CalendarCache calendars, TimeProvider clock, IOptions<PortalOptions> portal) : PageModel
{
    /// <summary>Open now, by group id; a team whose group does not exist is shown with its hours only.</summary>
    public Dictionary<int, bool> OpenNow { get; } = [];

    public async Task OnGetAsync()
    {
        var ids = portal.Value.Teams.Where(t => t.GroupId is not null).Select(t => t.GroupId!.Value).ToList();
        var groups = await db.Groups.Where(g => ids.Contains(g.Id))
            .Select(g => new { g.Id, g.CalendarId, g.Calendar.Version }).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var group in groups)
            OpenNow[group.Id] = (await calendars.GetAsync(db, group.CalendarId, group.Version)).IsOpenAt(now);
    }
}
