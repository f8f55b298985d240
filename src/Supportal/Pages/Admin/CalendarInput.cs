using System.ComponentModel.DataAnnotations;

namespace Supportal.Pages.Admin;

/// <summary>A calendar's name, time zone and whether it runs around the clock; on its own page also its weekly hours.</summary>
public sealed class CalendarInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Calendars.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), StringLength(64, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Calendars.TimeZone")]
    public string TimeZone { get; set; } = "";

    [Display(Name = "Calendars.AroundTheClock")]
    public bool AroundTheClock { get; set; }

    /// <summary>
    /// The calendar's version when the form was shown: a save over someone else's change since then is refused, so one
    /// admin's hours never silently undo another's.
    /// </summary>
    public int Version { get; set; }

    /// <summary>The working ranges of each weekday as typed ("08:00–12:00, 13:00–16:00"), Monday first.</summary>
    public List<string?> Hours { get; set; } = [];

    /// <summary>
    /// The zone as stored: an IANA id (a Windows id is translated, so the calendar works the same on every
    /// server); null when the id is not known to the system's time zone database.
    /// </summary>
    public string? ZoneId()
    {
        var id = TimeZone?.Trim() ?? "";
        if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            return null;
        return System.TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana) ? iana : id;
    }

    /// <summary>Zones offered as suggestions; any other IANA id may be typed.</summary>
    public static readonly string[] CommonZones =
    [
        "Europe/Warsaw", "Europe/London", "Europe/Dublin", "Europe/Berlin", "Europe/Paris", "Europe/Prague", "Europe/Kyiv",
        "Europe/Vilnius", "UTC", "America/New_York", "America/Chicago", "America/Los_Angeles", "America/Sao_Paulo",
        "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney",
    ];
}

/// <summary>A day off in a calendar.</summary>
public sealed class HolidayInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Calendars.HolidayDate")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Calendars.HolidayName")]
    public string Name { get; set; } = "";
}
