using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Workspace;

namespace Supportal.Pages.Admin;

/// <summary>
/// The agents' groups (AGT-1): added here, members and calendar on each group's page. A group that tickets or
/// routing rules point at is not deleted: its tickets would lose their team and the rules their target.
/// </summary>
public sealed class GroupsModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Row(int Id, string Name, string Calendar, int Members, int Tickets, int Rules)
    {
        public bool InUse => Tickets > 0 || Rules > 0;
    }

    public IReadOnlyList<Row> Groups { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Calendars { get; private set; } = [];

    /// <summary>The group whose deletion is being confirmed (from ?delete=).</summary>
    public Row? Deleting { get; private set; }

    [BindProperty]
    public GroupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? delete)
    {
        await LoadAsync();
        if (delete is { } id && (Deleting = Groups.FirstOrDefault(g => g.Id == id)) is null)
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Input.Name?.Trim() ?? "";
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
        if (ModelState.IsValid && await db.Groups.AnyAsync(g => g.Name.ToLower() == name.ToLower()))
#pragma warning restore CA1304, CA1311, CA1862
            ModelState.AddModelError("Input.Name", localizer["Groups.Duplicate", name]);
        if (ModelState.IsValid && !await db.BusinessCalendars.AnyAsync(c => c.Id == Input.CalendarId))
            ModelState.AddModelError("Input.CalendarId", localizer["Validation.Required", localizer["Groups.Calendar"]]);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var group = new Group { Name = name, CalendarId = Input.CalendarId!.Value };
        db.Groups.Add(group);
        audit.Record(db, User, $"group added: {name}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Groups.Added", name].Value;
        return RedirectToPage("/Admin/Group", new { id = group.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await db.Groups.FindAsync(id) is not { } group)
            return NotFound();
        // Checked again on the post: a ticket may have been routed to the group since the confirmation showed.
        if (await db.Tickets.AnyAsync(t => t.GroupId == id) || await db.RoutingRules.AnyAsync(r => r.GroupId == id))
            return RedirectToPage(new { delete = id });
        db.Groups.Remove(group);
        audit.Record(db, User, $"group {id} deleted: {group.Name}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Groups.Deleted", group.Name].Value;
        return RedirectToPage(new { delete = (int?)null });
    }

    private async Task LoadAsync()
    {
        Calendars = await db.BusinessCalendars.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync();
        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new Row(g.Id, g.Name, g.Calendar.Name, g.Members.Count,
                db.Tickets.Count(t => t.GroupId == g.Id), db.RoutingRules.Count(r => r.GroupId == g.Id)))
            .ToListAsync();
    }
}
