using System.Globalization;
using System.Text.RegularExpressions;

namespace Supportal.Pages.Admin;

/// <summary>
/// Reads and writes one weekday's working ranges as people type them: "08:00–12:00, 13:00–16:00". An end of
/// 24:00 is the following midnight (stored as 00:00, which the SLA arithmetic reads as the end of the day).
/// </summary>
public static partial class WeeklyHours
{
    /// <summary>The weekdays in the order the page lists them (the week starts on Monday in Poland and the UK).</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public enum Problem
    {
        None,
        Format,
        Order,
        Overlap,
    }

    /// <summary>The ranges, sorted by start; or the first problem found (empty text is a day off).</summary>
    public static (List<(TimeOnly Start, TimeOnly End)> Ranges, Problem Problem) Parse(string? text)
    {
        var minutes = new List<(int Start, int End)>();
        foreach (var part in (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Range().Match(part);
            if (!match.Success || Minutes(match.Groups[1].Value) is not { } start || Minutes(match.Groups[2].Value) is not { } end || start == 24 * 60)
                return ([], Problem.Format);
            if (start >= end)
                return ([], Problem.Order);
            minutes.Add((start, end));
        }
        minutes.Sort();
        for (var i = 1; i < minutes.Count; i++)
        {
            if (minutes[i].Start < minutes[i - 1].End)
                return ([], Problem.Overlap);
        }
        return (minutes.Select(m => (Time(m.Start), Time(m.End))).ToList(), Problem.None);
    }

    public static string Format(IEnumerable<(TimeOnly Start, TimeOnly End)> ranges) => string.Join(", ", ranges.OrderBy(r => r.Start)
        .Select(r => $"{r.Start:HH\\:mm}–{(r.End == TimeOnly.MinValue ? "24:00" : r.End.ToString("HH\\:mm", CultureInfo.InvariantCulture))}"));

    /// <summary>The weekday's name in the page's language, capitalised (Polish names are lower case in running text).</summary>
    public static string DayName(DayOfWeek day)
    {
        var name = CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);
        return name.Length == 0 ? name : char.ToUpper(name[0], CultureInfo.CurrentCulture) + name[1..];
    }

    private static int? Minutes(string hhmm)
    {
        var colon = hhmm.IndexOf(':');
        var (hours, minutes) = (int.Parse(hhmm[..colon], CultureInfo.InvariantCulture), int.Parse(hhmm[(colon + 1)..], CultureInfo.InvariantCulture));
        return minutes > 59 || hours > 24 || (hours == 24 && minutes > 0) ? null : hours * 60 + minutes;
    }

    private static TimeOnly Time(int minutes) => minutes == 24 * 60 ? TimeOnly.MinValue : new TimeOnly(minutes / 60, minutes % 60);

    // HH:mm, a hyphen or dash, HH:mm; single-digit hours are accepted as 8:00.
    [GeneratedRegex(@"^(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$")]
    private static partial Regex Range();
}
