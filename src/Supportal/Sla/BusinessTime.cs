using System.Collections.Frozen;

namespace Supportal.Sla;

/// <summary>
/// SLA arithmetic over a calendar: adding working time to an instant and measuring working time between two
/// instants. All instants are UTC; the weekly spans and holidays are in the calendar's local time, so a span is
/// converted to UTC for its own date (a Warsaw 08:00 is 07:00 UTC in winter and 06:00 UTC in summer).
/// Around the clock, both operations are plain clock arithmetic.
/// </summary>
/// <remarks>
/// A span ending at 00:00 ends at the following midnight. A span boundary that falls into the spring-forward gap
/// moves to the end of the gap (that wall-clock time does not exist); one that falls into the repeated autumn
/// hour is taken so the span covers all of the wall-clock time it names (starts at the first occurrence, ends at
/// the second).
/// <para>Nothing changes after construction, so one instance is shared by concurrent requests (<see cref="CalendarCache"/>).</para>
/// </remarks>
public sealed class BusinessTime
{
    // A calendar with hours always has a working span within a few weeks; this only stops a runaway loop if
    // every day in a very long stretch were a holiday.
    private const int MaxDaysSearched = 366 * 20;

    private readonly TimeZoneInfo zone;
    private readonly (TimeSpan Start, TimeSpan End)[][] spansByDay;
    private readonly FrozenSet<DateOnly> holidays;

    public static BusinessTime AroundTheClock { get; } = new();

    public bool IsAroundTheClock { get; }

    private BusinessTime()
    {
        IsAroundTheClock = true;
        zone = TimeZoneInfo.Utc;
        spansByDay = Enumerable.Range(0, 7).Select(_ => new[] { (TimeSpan.Zero, TimeSpan.FromDays(1)) }).ToArray();
        holidays = [];
    }

    /// <summary>A calendar from plain values: an IANA (or Windows) zone id, weekly spans and holiday dates.</summary>
    public BusinessTime(string timeZoneId, IEnumerable<(DayOfWeek Day, TimeOnly Start, TimeOnly End)> hours, IEnumerable<DateOnly> holidayDates)
    {
        zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        holidays = holidayDates.ToFrozenSet();
        spansByDay = new (TimeSpan, TimeSpan)[7][];
        var all = hours.ToList();
        for (var day = 0; day < 7; day++)
            spansByDay[day] = Merge(all.Where(h => (int)h.Day == day).Select(h => Span(h.Start, h.End)));
        if (spansByDay.All(d => d.Length == 0))
            throw new ArgumentException("A business-hours calendar needs at least one working span.", nameof(hours));
    }

    /// <summary>The calendar as stored (with its hours and holidays loaded).</summary>
    public static BusinessTime From(BusinessCalendar calendar) => calendar.AroundTheClock
        ? AroundTheClock
        : new BusinessTime(calendar.TimeZone, calendar.Hours.Select(h => (h.Day, h.Start, h.End)), calendar.Holidays.Select(h => h.Date));

    /// <summary>The clock a policy counts in: the calendar's hours, or plain time when it counts calendar hours.</summary>
    public static BusinessTime For(BusinessCalendar? calendar, bool businessHoursOnly) =>
        businessHoursOnly && calendar is not null ? From(calendar) : AroundTheClock;

    /// <summary>
    /// The instant when <paramref name="work"/> of working time has passed since <paramref name="startUtc"/>.
    /// Outside hours the count starts at the next opening. Zero returns the start itself; a negative amount
    /// goes back in working time (the instant that much working time before the start).
    /// </summary>
    public DateTime Add(DateTime startUtc, TimeSpan work)
    {
        startUtc = Utc(startUtc);
        if (work == TimeSpan.Zero)
            return startUtc;
        if (IsAroundTheClock)
            return startUtc + work;
        if (work > TimeSpan.Zero)
        {
            var left = work;
            foreach (var (from, to) in Forward(startUtc))
            {
                var begin = from > startUtc ? from : startUtc;
                var available = to - begin;
                if (left <= available)
                    return begin + left;
                left -= available;
            }
        }
        else
        {
            var left = -work;
            foreach (var (from, to) in Backward(startUtc))
            {
                var end = to < startUtc ? to : startUtc;
                var available = end - from;
                if (left <= available)
                    return end - left;
                left -= available;
            }
        }
        throw new InvalidOperationException("The calendar has no working time in reach.");
    }

    /// <summary>Working time between two instants; negative when <paramref name="toUtc"/> is before <paramref name="fromUtc"/>.</summary>
    public TimeSpan Between(DateTime fromUtc, DateTime toUtc)
    {
        fromUtc = Utc(fromUtc);
        toUtc = Utc(toUtc);
        if (toUtc < fromUtc)
            return -Between(toUtc, fromUtc);
        if (IsAroundTheClock)
            return toUtc - fromUtc;
        var total = TimeSpan.Zero;
        foreach (var (from, to) in Forward(fromUtc))
        {
            if (from >= toUtc)
                break;
            var begin = from > fromUtc ? from : fromUtc;
            var end = to < toUtc ? to : toUtc;
            total += end - begin;
        }
        return total;
    }

    /// <summary>Whether the instant falls within working hours (the team is open then).</summary>
    public bool IsOpenAt(DateTime utc)
    {
        utc = Utc(utc);
        return IsAroundTheClock || Forward(utc).First().From <= utc;
    }

    /// <summary>The calendar's date at an instant.</summary>
    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Utc(utc), zone));

    /// <summary>A day with working hours that is not a holiday (every day, around the clock).</summary>
    public bool IsWorkingDay(DateOnly date) => IsAroundTheClock || (!holidays.Contains(date) && spansByDay[(int)date.DayOfWeek].Length > 0);

    /// <summary>
    /// The same wall-clock time <paramref name="days"/> working days after the local date of <paramref name="startUtc"/>
    /// (e.g. Friday 10:00 plus 4 working days is Thursday 10:00; a holiday in between adds a day).
    /// </summary>
    public DateTime AddWorkingDays(DateTime startUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        startUtc = Utc(startUtc);
        if (IsAroundTheClock)
            return startUtc.AddDays(days);
        var local = TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone);
        var date = DateOnly.FromDateTime(local);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
                counted++;
        }
        return ToUtc(date.ToDateTime(TimeOnly.FromDateTime(local)), first: true);
    }

    /// <summary>The working spans as UTC intervals, in order, from the one containing or following the instant.</summary>
    private IEnumerable<(DateTime From, DateTime To)> Forward(DateTime startUtc)
    {
        // The day before too: a span of the previous local date may still be running at the instant.
        var date = LocalDate(startUtc).AddDays(-1);
        for (var i = 0; i < MaxDaysSearched; i++, date = date.AddDays(1))
            foreach (var span in SpansOn(date))
                if (span.To > startUtc)
                    yield return span;
    }

    /// <summary>The working spans as UTC intervals, latest first, from the one containing or preceding the instant.</summary>
    private IEnumerable<(DateTime From, DateTime To)> Backward(DateTime startUtc)
    {
        var date = LocalDate(startUtc).AddDays(1);
        for (var i = 0; i < MaxDaysSearched; i++, date = date.AddDays(-1))
            foreach (var span in SpansOn(date).Reverse())
                if (span.From < startUtc)
                    yield return span;
    }

    private IEnumerable<(DateTime From, DateTime To)> SpansOn(DateOnly date)
    {
        if (holidays.Contains(date))
            yield break;
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        foreach (var (start, end) in spansByDay[(int)date.DayOfWeek])
        {
            var from = ToUtc(midnight + start, first: true);
            var to = ToUtc(midnight + end, first: false);
            if (to > from)
                yield return (from, to);
        }
    }

    /// <summary>A local wall-clock time as UTC, for times that do not exist or exist twice on DST days.</summary>
    private DateTime ToUtc(DateTime local, bool first)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // In the spring-forward gap: the first wall-clock minute that exists is where the gap ends.
            var after = local;
            while (zone.IsInvalidTime(after))
                after = after.AddMinutes(1);
            after = after.AddTicks(-(after.Ticks % TimeSpan.TicksPerMinute));
            return TimeZoneInfo.ConvertTimeToUtc(after, zone);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var offset = first ? offsets.Max() : offsets.Min();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static (TimeSpan Start, TimeSpan End) Span(TimeOnly start, TimeOnly end)
    {
        var to = end == TimeOnly.MinValue ? TimeSpan.FromDays(1) : end.ToTimeSpan();
        if (to <= start.ToTimeSpan())
            throw new ArgumentException($"A working span must end after it starts ({start}–{end}).");
        return (start.ToTimeSpan(), to);
    }

    /// <summary>Sorted spans with overlapping or touching ones joined, so intervals never count twice.</summary>
    private static (TimeSpan Start, TimeSpan End)[] Merge(IEnumerable<(TimeSpan Start, TimeSpan End)> spans)
    {
        var merged = new List<(TimeSpan Start, TimeSpan End)>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, span.End > merged[^1].End ? span.End : merged[^1].End);
            else
                merged.Add(span);
        }
        return [.. merged];
    }

    private static DateTime Utc(DateTime instant) => instant.Kind switch
    {
        DateTimeKind.Utc => instant,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        _ => instant.ToUniversalTime(),
    };
}
