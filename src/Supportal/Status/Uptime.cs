namespace Supportal.Status;

/// <summary>A stretch of a service's history as the calculator reads it; <see cref="To"/> null: still in that state.</summary>
public readonly record struct StateSpan(DateTime From, DateTime? To, ServiceState State);

/// <summary>
/// One local day: the share of it the service was up (0–1), and the worst state it was in. Both null for a day
/// nothing is known about: before the service existed, or with no history at all.
/// </summary>
public sealed record UptimeDay(DateOnly Date, double? Share, ServiceState? Worst);

/// <summary>The days oldest first, and the share up over all of them together (null when nothing is known).</summary>
public sealed record UptimeReport(IReadOnlyList<UptimeDay> Days, double? Overall);

/// <summary>
/// Uptime per local day from a service's state history. The rule shown on the status page: a major outage counts as
/// fully down, a partial outage as 30% down, degraded performance and maintenance as up.
/// </summary>
public static class Uptime
{
    public const double PartialOutageDown = 0.3;

    /// <summary>How much of a moment in <paramref name="state"/> counts as down.</summary>
    public static double DownWeight(ServiceState state) => state switch
    {
        ServiceState.MajorOutage => 1,
        ServiceState.PartialOutage => PartialOutageDown,
        _ => 0,
    };

    /// <summary>The first instant of the oldest of <paramref name="days"/> local days ending today: what to read history from.</summary>
    public static DateTime WindowStart(DateTime now, int days, TimeZoneInfo zone) =>
        StartOf(Today(now, zone).AddDays(1 - days), zone);

    public static UptimeReport Calculate(IEnumerable<StateSpan> history, DateTime createdAt, DateTime now, int days, TimeZoneInfo zone)
    {
        // The model keeps intervals sorted and apart, but a page must not fall over (or count twice) if they are not:
        // spans are clipped to now, reversed ones dropped, and where two overlap the worse state wins.
        var spans = history.Select(s => s with { To = s.To is { } to && to < now ? to : now })
            .Where(s => s.To > s.From).OrderBy(s => s.From).ToList();
        var today = Today(now, zone);
        var result = new List<UptimeDay>(days);
        double down = 0, known = 0;
        for (var date = today.AddDays(1 - days); date <= today; date = date.AddDays(1))
        {
            // Real UTC bounds of the local day, so a DST day is 23 or 25 hours long; today counts up to now, and the day
            // the service was added from that moment.
            var from = Later(StartOf(date, zone), createdAt);
            var to = Earlier(StartOf(date.AddDays(1), zone), now);
            var day = Measure(spans, from, to);
            result.Add(new UptimeDay(date, day.Known > 0 ? 1 - day.Down / day.Known : null, day.Worst));
            down += day.Down;
            known += day.Known;
        }
        return new UptimeReport(result, known > 0 ? 1 - down / known : null);
    }

    private readonly record struct Measured(double Down, double Known, ServiceState? Worst);

    /// <summary>Down and known seconds in [from, to), cut where any span starts or ends; a gap in the history is not counted.</summary>
    private static Measured Measure(List<StateSpan> spans, DateTime from, DateTime to)
    {
        if (to <= from)
            return default;
        var inside = spans.Where(s => s.From < to && s.To > from).ToList();
        var cuts = inside.SelectMany(s => new[] { s.From, s.To!.Value }).Append(from).Append(to)
            .Where(t => t >= from && t <= to).Distinct().Order().ToList();
        double down = 0, known = 0;
        ServiceState? worst = null;
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (start, end) = (cuts[i], cuts[i + 1]);
            var covering = inside.Where(s => s.From <= start && s.To >= end).Select(s => (ServiceState?)s.State).Max();
            if (covering is not { } state)
                continue;
            var seconds = (end - start).TotalSeconds;
            known += seconds;
            down += seconds * DownWeight(state);
            worst = worst is { } w && w > state ? w : state;
        }
        return new Measured(down, known, worst);
    }

    private static DateOnly Today(DateTime now, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Utc(now), zone));

    /// <summary>
    /// The UTC instant a local day starts. Where a zone springs forward at midnight that midnight does not exist, and
    /// the day starts at the first local time that does.
    /// </summary>
    private static DateTime StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static DateTime Utc(DateTime instant) => DateTime.SpecifyKind(instant, DateTimeKind.Utc);

    private static DateTime Later(DateTime a, DateTime b) => Utc(a > b ? a : b);

    private static DateTime Earlier(DateTime a, DateTime b) => Utc(a < b ? a : b);
}
