using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Sla;

namespace Supportal.Pages.Admin;

/// <summary>
/// Business calendars (AGT-3): when a group's SLA clock runs. A new calendar starts with weekdays 08:00–16:00 so
/// it can count at once; hours and holidays are changed on its own page. One in use by a group is not deleted.
/// </summary>
public sealed class CalendarsModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Row(int Id, string Name, string TimeZone, bool AroundTheClock, int Holidays, int Groups);

    public IReadOnlyList<Row> Calendars { get; private set; } = [];

    /// <summary>The calendar whose deletion is being confirmed (from ?delete=).</summary>
    public Row? Deleting { get; private set; }

    [BindProperty]
    public CalendarInput Input { get; set; } = new() { TimeZone = "Europe/Warsaw" };

    public async Task<IActionResult> OnGetAsync(int? delete)
    {
        await LoadAsync();
        if (delete is { } id && (Deleting = Calendars.FirstOrDefault(c => c.Id == id)) is null)
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Input.Name?.Trim() ?? "";
        var zone = Input.ZoneId();
        if (ModelState.IsValid && zone is null)
            ModelState.AddModelError("Input.TimeZone", localizer["Calendars.ZoneUnknown", Input.TimeZone.Trim()]);
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
        if (ModelState.IsValid && await db.BusinessCalendars.AnyAsync(c => c.Name.ToLower() == name.ToLower()))
#pragma warning restore CA1304, CA1311, CA1862
            ModelState.AddModelError("Input.Name", localizer["Calendars.Duplicate", name]);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var calendar = new BusinessCalendar { Name = name, TimeZone = zone!, AroundTheClock = Input.AroundTheClock };
        calendar.Hours.AddRange(WeeklyHours.Week.Take(5)
            .Select(day => new BusinessHours { Day = day, Start = new(8, 0), End = new(16, 0) }));
        db.BusinessCalendars.Add(calendar);
        audit.Record(db, User, $"calendar added: {name} ({zone}{(Input.AroundTheClock ? ", 24/7" : "")})");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Calendars.Added", name].Value;
        return RedirectToPage("/Admin/Calendar", new { id = calendar.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await db.BusinessCalendars.FindAsync(id) is not { } calendar)
            return NotFound();
        // Checked again on the post: a group may have switched to this calendar since the confirmation showed.
        if (await db.Groups.AnyAsync(g => g.CalendarId == id))
            return RedirectToPage(new { delete = id });
        db.BusinessCalendars.Remove(calendar);
        audit.Record(db, User, $"calendar {id} deleted: {calendar.Name}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Calendars.Deleted", calendar.Name].Value;
        return RedirectToPage(new { delete = (int?)null });
    }

    private async Task LoadAsync() => Calendars = await db.BusinessCalendars.AsNoTracking().OrderBy(c => c.Name)
        .Select(c => new Row(c.Id, c.Name, c.TimeZone, c.AroundTheClock, c.Holidays.Count, db.Groups.Count(g => g.CalendarId == c.Id)))
        .ToListAsync();
}
