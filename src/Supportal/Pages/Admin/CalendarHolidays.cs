using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Supportal.Sla;

namespace Supportal.Pages.Admin;

/// <summary>A calendar's holidays: added one at a time (one per date) and removed.</summary>
public sealed partial class CalendarModel
{
    public async Task<IActionResult> OnPostAddHolidayAsync(int id, [FromForm(Name = "Holiday")] HolidayInput holiday)
    {
        if (await db.BusinessCalendars.FindAsync(id) is not { } calendar)
            return NotFound();
        if (ModelState.IsValid && await db.Holidays.Where(h => h.CalendarId == id && h.Date == holiday.Date).Select(h => h.Name).FirstOrDefaultAsync() is { } taken)
            ModelState.AddModelError("Holiday.Date", localizer["Calendars.HolidayTaken", holiday.Date!.Value.ToString("d", CultureInfo.CurrentCulture), taken]);
        if (!ModelState.IsValid)
            return await RedisplayAsync(id, () => Holiday = holiday);
        var name = holiday.Name.Trim();
        db.Holidays.Add(new Holiday { CalendarId = id, Date = holiday.Date!.Value, Name = name });
        audit.Record(db, User, $"calendar {id} holiday added: {holiday.Date:yyyy-MM-dd} {name}");
        if (!await TrySaveAsync())
            return await RedisplayAsync(id, () => Holiday = holiday);
        TempData["StatusMessage"] = localizer["Calendars.HolidayAdded", name, holiday.Date.Value.ToString("d", CultureInfo.CurrentCulture), calendar.Name].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveHolidayAsync(int id, int holidayId)
    {
        if (await db.BusinessCalendars.FindAsync(id) is not { } calendar)
            return NotFound();
        if (await db.Holidays.FirstOrDefaultAsync(h => h.Id == holidayId && h.CalendarId == id) is { } found)
        {
            db.Holidays.Remove(found);
            audit.Record(db, User, $"calendar {id} holiday removed: {found.Date:yyyy-MM-dd} {found.Name}");
            if (!await TrySaveAsync())
                return await RedisplayAsync(id, () => { });
            TempData["StatusMessage"] = localizer["Calendars.HolidayRemoved", found.Name, found.Date.ToString("d", CultureInfo.CurrentCulture), calendar.Name].Value;
        }
        return RedirectToPage(new { id });
    }
}
