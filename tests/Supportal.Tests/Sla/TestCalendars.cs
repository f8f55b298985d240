using Supportal.Sla;

namespace Supportal.Tests.Sla;

/// <summary>The business clocks the SLA unit tests count in.</summary>
internal static class TestCalendars
{
    public static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>The seeded Polish team calendar: Mon–Fri 08:00–16:00 Europe/Warsaw with Poland's holidays.</summary>
    public static readonly BusinessTime Office = new("Europe/Warsaw",
        Weekdays.Select(d => (d, new TimeOnly(8, 0), new TimeOnly(16, 0))), SlaSeed.Holidays.Select(h => h.Date));

    /// <summary>The office plus every Sunday all day (ending at midnight), so the 23- and 25-hour DST Sundays are working time.</summary>
    public static readonly BusinessTime WithSundays = new("Europe/Warsaw",
        Weekdays.Select(d => (d, new TimeOnly(8, 0), new TimeOnly(16, 0))).Append((DayOfWeek.Sunday, TimeOnly.MinValue, TimeOnly.MinValue)), []);
}
