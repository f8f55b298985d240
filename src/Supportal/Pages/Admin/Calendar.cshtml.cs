using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Sla;

namespace Supportal.Pages.Admin;

/// <summary>
/// One business calendar: name, time zone, around-the-clock switch and weekly hours saved together (the SLA clock
/// must never see half of a change), and its holidays, sorted by date.
/// </summary>
public sealed partial class CalendarModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record HolidayRow(int Id, DateOnly Date, string Name);

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int Groups { get; private set; }
    public CalendarInput Input { get; private set; } = new();
    public HolidayInput Holiday { get; private set; } = new();
    public IReadOnlyList<HolidayRow> Holidays { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] CalendarInput input)
    {
        var calendar = await db.BusinessCalendars.Include(c => c.Hours).FirstOrDefaultAsync(c => c.Id == id);
        if (calendar is null)
            return NotFound();
        // A version that is not a number (a tampered form) is refused as a stale one is.
        var garbled = ModelState.GetFieldValidationState("Input.Version") == ModelValidationState.Invalid;
        if (garbled)
            ModelState.AddModelError("", localizer["Calendars.ChangedMeanwhile"]);
        var name = input.Name?.Trim() ?? "";
        var zone = input.ZoneId();
        if (ModelState.IsValid && zone is null)
            ModelState.AddModelError("Input.TimeZone", localizer["Calendars.ZoneUnknown", input.TimeZone.Trim()]);
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
        if (ModelState.IsValid && await db.BusinessCalendars.AnyAsync(c => c.Name.ToLower() == name.ToLower() && c.Id != id))
#pragma warning restore CA1304, CA1311, CA1862
            ModelState.AddModelError("Input.Name", localizer["Calendars.Duplicate", name]);
        var hours = ParseHours(input);
        if (!ModelState.IsValid)
            return await RedisplayAsync(id, garbled ? () => KeepOverCurrent(input) : () => Input = input);

        audit.Record(db, User, $"calendar {id} changed: {name} ({zone}{(input.AroundTheClock ? ", 24/7" : "")}); "
            + string.Join("; ", hours.Select(d => $"{d.Key}: {WeeklyHours.Format(d.Value)}")));
        (calendar.Name, calendar.TimeZone, calendar.AroundTheClock) = (name, zone!, input.AroundTheClock);
        db.BusinessHours.RemoveRange(calendar.Hours);
        db.BusinessHours.AddRange(hours.SelectMany(d => d.Value.Select(r => new BusinessHours { CalendarId = id, Day = d.Key, Start = r.Start, End = r.End })));
        // Checked against the version the admin saw, not the one just read.
        db.Entry(calendar).Property(c => c.Version).OriginalValue = input.Version;
        if (!await TrySaveAsync())
            return await RedisplayAsync(id, () => KeepOverCurrent(input));
        TempData["StatusMessage"] = localizer["Calendars.Saved", name].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Each weekday's ranges; a problem is shown by that day's box. A calendar that is not 24/7 needs some hours.</summary>
    private Dictionary<DayOfWeek, List<(TimeOnly Start, TimeOnly End)>> ParseHours(CalendarInput input)
    {
        var week = new Dictionary<DayOfWeek, List<(TimeOnly Start, TimeOnly End)>>();
        for (var i = 0; i < WeeklyHours.Week.Length; i++)
        {
            var (ranges, problem) = WeeklyHours.Parse(input.Hours.ElementAtOrDefault(i));
            if (problem != WeeklyHours.Problem.None)
                ModelState.AddModelError($"Input.Hours[{i}]", localizer[$"Calendars.Hours{problem}", WeeklyHours.DayName(WeeklyHours.Week[i])]);
            week[WeeklyHours.Week[i]] = ranges;
        }
        if (!input.AroundTheClock && ModelState.IsValid && week.Values.All(r => r.Count == 0))
            ModelState.AddModelError("Input.Hours", localizer["Calendars.HoursNone"]);
        return week;
    }

    /// <summary>
    /// Saves unless someone changed the calendar meanwhile (its version moved on); then nothing is saved and the
    /// page says so above the forms.
    /// </summary>
    private async Task<bool> TrySaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", localizer["Calendars.ChangedMeanwhile"]);
            return false;
        }
    }

    /// <summary>
    /// The typed details over the calendar's current version, so saving them again is a deliberate choice; the hidden
    /// field would otherwise show the posted (stale or garbled) version and refuse every later save.
    /// </summary>
    private void KeepOverCurrent(CalendarInput input)
    {
        (input.Version, Input) = (Input.Version, input);
        ModelState.Remove("Input.Version");
    }

    private async Task<IActionResult> RedisplayAsync(int id, Action keepTyped)
    {
        await LoadAsync(id);
        keepTyped();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var calendar = await db.BusinessCalendars.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Name, c.TimeZone, c.AroundTheClock, c.Version, Groups = db.Groups.Count(g => g.CalendarId == c.Id) }).FirstOrDefaultAsync();
        if (calendar is null)
            return false;
        var hours = await db.BusinessHours.AsNoTracking().Where(h => h.CalendarId == id).Select(h => new { h.Day, h.Start, h.End }).ToListAsync();
        (Id, Name, Groups) = (id, calendar.Name, calendar.Groups);
        Input = new CalendarInput
        {
            Name = calendar.Name, TimeZone = calendar.TimeZone, AroundTheClock = calendar.AroundTheClock, Version = calendar.Version,
            Hours = WeeklyHours.Week.Select(day => (string?)WeeklyHours.Format(hours.Where(h => h.Day == day).Select(h => (h.Start, h.End)))).ToList(),
        };
        Holidays = await db.Holidays.AsNoTracking().Where(h => h.CalendarId == id).OrderBy(h => h.Date)
            .Select(h => new HolidayRow(h.Id, h.Date, h.Name)).ToListAsync();
        return true;
    }
}
