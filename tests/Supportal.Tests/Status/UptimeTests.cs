using Supportal.Status;

namespace Supportal.Tests.Status;

/// <summary>Uptime per local day in Warsaw: the counting rule, midnight, DST days, a new service and untidy history.</summary>
public sealed class UptimeTests
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    // Noon in Warsaw (UTC+1 in winter) on 15 January 2026: the last of the 90 days.
    private static readonly DateTime Now = Utc("2026-01-15T11:00:00");

    private static DateTime Utc(string instant) =>
        DateTime.SpecifyKind(DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static StateSpan Span(string from, string? to, ServiceState state) => new(Utc(from), to is null ? null : Utc(to), state);

    private static UptimeDay Day(UptimeReport report, int year, int month, int day) =>
        report.Days.Single(d => d.Date == new DateOnly(year, month, day));

    [Fact]
    public void A_major_outage_counts_fully_down_a_partial_one_30_percent_and_degraded_or_maintenance_not_at_all()
    {
        // 14 January in Warsaw is 13 Jan 23:00 – 14 Jan 23:00 UTC: six hours each of major, partial, degraded and maintenance.
        var report = Uptime.Calculate(
        [
            Span("2025-01-01T00:00:00", "2026-01-13T23:00:00", ServiceState.Operational),
            Span("2026-01-13T23:00:00", "2026-01-14T05:00:00", ServiceState.MajorOutage),
            Span("2026-01-14T05:00:00", "2026-01-14T11:00:00", ServiceState.PartialOutage),
            Span("2026-01-14T11:00:00", "2026-01-14T17:00:00", ServiceState.DegradedPerformance),
            Span("2026-01-14T17:00:00", "2026-01-14T23:00:00", ServiceState.UnderMaintenance),
            Span("2026-01-14T23:00:00", null, ServiceState.Operational),
        ], Utc("2025-01-01T00:00:00"), Now, 90, Warsaw);

        var day = Day(report, 2026, 1, 14);
        day.Share!.Value.ShouldBe(1 - (6 + 6 * 0.3) / 24, 1e-9);
        day.Worst.ShouldBe(ServiceState.MajorOutage);
        Day(report, 2026, 1, 13).ShouldBe(new UptimeDay(new DateOnly(2026, 1, 13), 1, ServiceState.Operational));
        report.Days.Count.ShouldBe(90);
        report.Days[^1].Date.ShouldBe(new DateOnly(2026, 1, 15));
        report.Days[0].Date.ShouldBe(new DateOnly(2025, 10, 18));
    }

    [Fact]
    public void An_outage_over_midnight_is_split_between_the_two_local_days()
    {
        // 22:00–02:00 Warsaw time: two hours on each side of midnight.
        var report = Uptime.Calculate(
        [
            Span("2025-01-01T00:00:00", "2026-01-10T21:00:00", ServiceState.Operational),
            Span("2026-01-10T21:00:00", "2026-01-11T01:00:00", ServiceState.MajorOutage),
            Span("2026-01-11T01:00:00", null, ServiceState.Operational),
        ], Utc("2025-01-01T00:00:00"), Now, 90, Warsaw);

        Day(report, 2026, 1, 10).Share!.Value.ShouldBe(22.0 / 24, 1e-9);
        Day(report, 2026, 1, 11).Share!.Value.ShouldBe(22.0 / 24, 1e-9);
        Day(report, 2026, 1, 10).Worst.ShouldBe(ServiceState.MajorOutage);
        Day(report, 2026, 1, 12).Worst.ShouldBe(ServiceState.Operational);
    }

    [Fact]
    public void Daylight_saving_days_are_23_and_25_hours_long()
    {
        // A one-hour major outage on the spring day (29 March 2026) and on the autumn day (25 October 2026).
        var report = Uptime.Calculate(
        [
            Span("2026-01-01T00:00:00", "2026-03-29T10:00:00", ServiceState.Operational),
            Span("2026-03-29T10:00:00", "2026-03-29T11:00:00", ServiceState.MajorOutage),
            Span("2026-03-29T11:00:00", "2026-10-25T10:00:00", ServiceState.Operational),
            Span("2026-10-25T10:00:00", "2026-10-25T11:00:00", ServiceState.MajorOutage),
            Span("2026-10-25T11:00:00", null, ServiceState.Operational),
        ], Utc("2026-01-01T00:00:00"), Utc("2026-12-31T11:00:00"), 300, Warsaw);

        Day(report, 2026, 3, 29).Share!.Value.ShouldBe(22.0 / 23, 1e-9);
        Day(report, 2026, 10, 25).Share!.Value.ShouldBe(24.0 / 25, 1e-9);
        Day(report, 2026, 3, 28).Share.ShouldBe(1);
    }

    [Fact]
    public void A_service_added_20_days_ago_counts_from_that_moment_and_the_days_before_are_unknown()
    {
        // Added at 18:00 Warsaw time on 26 December: six hours that day, all of them in a partial outage.
        var added = Utc("2025-12-26T17:00:00");
        var report = Uptime.Calculate(
        [
            Span("2025-12-26T17:00:00", "2025-12-26T23:00:00", ServiceState.PartialOutage),
            Span("2025-12-26T23:00:00", null, ServiceState.Operational),
        ], added, Now, 90, Warsaw);

        report.Days.Count(d => d.Share is null).ShouldBe(69);
        Day(report, 2025, 12, 25).ShouldBe(new UptimeDay(new DateOnly(2025, 12, 25), null, null));
        Day(report, 2025, 12, 26).Share!.Value.ShouldBe(0.7, 1e-9);
        Day(report, 2025, 12, 26).Worst.ShouldBe(ServiceState.PartialOutage);
        // Over 6 hours on the first day, 19 whole days and 12 hours today, only the first 6 hours count 30% down.
        report.Overall!.Value.ShouldBe(1 - 6 * 0.3 / (6 + 19 * 24 + 12), 1e-9);
    }

    [Fact]
    public void Unsorted_and_overlapping_history_is_counted_once_with_the_worse_state_winning()
    {
        var report = Uptime.Calculate(
        [
            Span("2026-01-14T23:00:00", null, ServiceState.Operational),
            Span("2026-01-14T03:00:00", "2026-01-14T09:00:00", ServiceState.MajorOutage),
            Span("2025-01-01T00:00:00", "2026-01-14T23:00:00", ServiceState.Operational),
            // Overlaps the major outage: 03:00–09:00 counts once, as major.
            Span("2026-01-14T01:00:00", "2026-01-14T07:00:00", ServiceState.PartialOutage),
            // Reversed: dropped.
            Span("2026-01-14T20:00:00", "2026-01-14T12:00:00", ServiceState.MajorOutage),
        ], Utc("2025-01-01T00:00:00"), Now, 90, Warsaw);

        var day = Day(report, 2026, 1, 14);
        day.Share!.Value.ShouldBe(1 - (6 + 2 * 0.3) / 24, 1e-9);
        day.Worst.ShouldBe(ServiceState.MajorOutage);
        Day(report, 2026, 1, 15).Share.ShouldBe(1);
    }
}
