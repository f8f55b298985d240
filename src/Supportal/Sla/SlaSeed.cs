using Supportal.Tickets;

namespace Supportal.Sla;

/// <summary>
/// What every installation starts with (admins change it later): the Polish team on weekdays 08:00–16:00
/// Warsaw time with Poland's public holidays, the English team around the clock, routing by language, and
/// targets for the two seeded service levels.
/// </summary>
internal static class SlaSeed
{
    public const int WarsawOfficeHours = 1, AroundTheClock = 2;
    public const int PolishTeam = 1, EnglishTeam = 2;

    public static readonly BusinessCalendar[] Calendars =
    [
        new() { Id = WarsawOfficeHours, Name = "Mon–Fri 08:00–16:00 (Europe/Warsaw)", TimeZone = "Europe/Warsaw" },
        new() { Id = AroundTheClock, Name = "24/7", TimeZone = "UTC", AroundTheClock = true },
    ];

    public static readonly BusinessHours[] Hours =
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select((day, i) => new BusinessHours { Id = i + 1, CalendarId = WarsawOfficeHours, Day = day, Start = new(8, 0), End = new(16, 0) })
            .ToArray();

    // Poland's public holidays (the Act on non-working days; Christmas Eve since 2025). Easter 2026 is 5 April,
    // 2027 28 March; Pentecost and Corpus Christi follow from it.
    private static readonly (string Date, string Name)[] PolishHolidays =
    [
        ("2026-01-01", "Nowy Rok"), ("2026-01-06", "Trzech Króli"), ("2026-04-05", "Wielkanoc"), ("2026-04-06", "Poniedziałek Wielkanocny"),
        ("2026-05-01", "Święto Pracy"), ("2026-05-03", "Święto Konstytucji 3 Maja"), ("2026-05-24", "Zielone Świątki"),
        ("2026-06-04", "Boże Ciało"), ("2026-08-15", "Wniebowzięcie NMP"), ("2026-11-01", "Wszystkich Świętych"),
        ("2026-11-11", "Narodowe Święto Niepodległości"), ("2026-12-24", "Wigilia"), ("2026-12-25", "Boże Narodzenie"),
        ("2026-12-26", "Drugi dzień Bożego Narodzenia"),
        ("2027-01-01", "Nowy Rok"), ("2027-01-06", "Trzech Króli"), ("2027-03-28", "Wielkanoc"), ("2027-03-29", "Poniedziałek Wielkanocny"),
        ("2027-05-01", "Święto Pracy"), ("2027-05-03", "Święto Konstytucji 3 Maja"), ("2027-05-16", "Zielone Świątki"),
        ("2027-05-27", "Boże Ciało"), ("2027-08-15", "Wniebowzięcie NMP"), ("2027-11-01", "Wszystkich Świętych"),
        ("2027-11-11", "Narodowe Święto Niepodległości"), ("2027-12-24", "Wigilia"), ("2027-12-25", "Boże Narodzenie"),
        ("2027-12-26", "Drugi dzień Bożego Narodzenia"),
    ];

    public static readonly Holiday[] Holidays = PolishHolidays
        .Select((h, i) => new Holiday { Id = i + 1, CalendarId = WarsawOfficeHours, Date = DateOnly.Parse(h.Date, System.Globalization.CultureInfo.InvariantCulture), Name = h.Name })
        .ToArray();

    public static readonly object[] Groups =
    [
        new { Id = PolishTeam, Name = "Polish team", CalendarId = WarsawOfficeHours },
        new { Id = EnglishTeam, Name = "English team", CalendarId = AroundTheClock },
    ];

    public static readonly object[] Routing =
    [
        new { Id = 1, Order = 1, Language = "pl", GroupId = PolishTeam },
        new { Id = 2, Order = 2, Language = "en", GroupId = EnglishTeam },
    ];

    // Standard 8×5 counts business hours; Premium 24×7 counts the clock. Minutes: first reply, resolution.
    public static readonly SlaPolicy[] Policies =
    [
        Policy(1, 1, TicketPriority.Urgent, 60, 8 * 60, true), Policy(2, 1, TicketPriority.High, 4 * 60, 16 * 60, true),
        Policy(3, 1, TicketPriority.Normal, 8 * 60, 40 * 60, true), Policy(4, 1, TicketPriority.Low, 16 * 60, 80 * 60, true),
        Policy(5, 2, TicketPriority.Urgent, 30, 4 * 60, false), Policy(6, 2, TicketPriority.High, 60, 8 * 60, false),
        Policy(7, 2, TicketPriority.Normal, 4 * 60, 24 * 60, false), Policy(8, 2, TicketPriority.Low, 8 * 60, 48 * 60, false),
    ];

    private static SlaPolicy Policy(int id, int level, TicketPriority priority, int firstReply, int resolution, bool businessHours) => new()
    {
        Id = id, ServiceLevelId = level, Priority = priority, FirstReplyMinutes = firstReply, ResolutionMinutes = resolution,
        BusinessHoursOnly = businessHours,
    };
}
