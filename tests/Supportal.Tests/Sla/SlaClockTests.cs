using System.Globalization;
using Supportal.Sla;
using static Supportal.Tests.Sla.TestCalendars;

namespace Supportal.Tests.Sla;

/// <summary>
/// One target's life, without a database: the row as <see cref="SlaTracker"/> would store it after each change of
/// the ticket. The calendar is the seeded Polish team's: Mon–Fri 08:00–16:00 Europe/Warsaw with Poland's holidays.
/// Instants are UTC; Warsaw is UTC+1 in winter (office 07:00–15:00Z) and UTC+2 in summer (06:00–14:00Z).
/// </summary>
public sealed class SlaClockTests
{
    private const long Hour = 3600, Minute = 60;

    /// <summary>Another team's office in another zone: 09:00–17:00 London time (UTC in winter).</summary>
    private static readonly BusinessTime London = new("Europe/London", Weekdays.Select(d => (d, new TimeOnly(9, 0), new TimeOnly(17, 0))), []);

    private static readonly BusinessTime Always = BusinessTime.AroundTheClock;

    private static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static TicketSla Start(string createdUtc, long target, BusinessTime? clock = null) =>
        SlaClock.Start(SlaMetric.Resolution, target, clock ?? Office, Utc(createdUtc));

    // The three states a ticket passes to the tracker: open (running), waiting (Pending or On-hold), answered.
    // Without target or clock the target's own are kept; "was" is the clock its due time was set in.
    private static void Open(TicketSla row, string now, long? target = null, BusinessTime? clock = null, BusinessTime? was = null) =>
        SlaClock.Apply(row, target ?? row.TargetSeconds, was ?? clock ?? Office, clock ?? Office, Utc(now), null, paused: false);

    private static void Waiting(TicketSla row, string now, long? target = null, BusinessTime? clock = null, BusinessTime? was = null) =>
        SlaClock.Apply(row, target ?? row.TargetSeconds, was ?? clock ?? Office, clock ?? Office, Utc(now), null, paused: true);

    private static void Answered(TicketSla row, string at, long? target = null) =>
        SlaClock.Apply(row, target ?? row.TargetSeconds, Office, Office, Utc(at), Utc(at), paused: false);

    private static void ShouldRun(TicketSla row, string due, string atRisk)
    {
        row.DueAt.ShouldBe(Utc(due));
        row.AtRiskAt.ShouldBe(Utc(atRisk));
        row.LeftSecondsWhilePaused.ShouldBeNull();
        row.FulfilledAt.ShouldBeNull();
    }

    private static void ShouldWait(TicketSla row, long left)
    {
        row.DueAt.ShouldBeNull();
        row.AtRiskAt.ShouldBeNull();
        row.LeftSecondsWhilePaused.ShouldBe(left);
        row.FulfilledAt.ShouldBeNull();
    }

    [Fact]
    public void A_request_created_outside_hours_starts_counting_at_the_next_opening()
    {
        // Saturday 21 November 11:00 Warsaw: 8 hours from Monday 08:00, due Monday 16:00; at risk with 2 h left.
        var saturday = Start("2026-11-21 10:00", 8 * Hour);
        saturday.Metric.ShouldBe(SlaMetric.Resolution);
        saturday.TargetSeconds.ShouldBe(8 * Hour);
        ShouldRun(saturday, due: "2026-11-23 15:00", atRisk: "2026-11-23 13:00");
        saturday.BreachedAt.ShouldBeNull();

        // Tuesday 18:00, after closing: Wednesday 08:00–16:00.
        ShouldRun(Start("2026-11-17 17:00", 8 * Hour), due: "2026-11-18 15:00", atRisk: "2026-11-18 13:00");
        // Monday 06:00, before opening: an hour from 08:00; at risk a quarter (15 min) before.
        ShouldRun(Start("2026-11-16 05:00", Hour), due: "2026-11-16 08:00", atRisk: "2026-11-16 07:45");

        // The tracker sees the open request again the same day: nothing moves.
        Open(saturday, "2026-11-21 12:00");
        ShouldRun(saturday, due: "2026-11-23 15:00", atRisk: "2026-11-23 13:00");
    }

    [Fact]
    public void Week_ends_are_skipped()
    {
        // Friday 20 November 15:00: one hour on Friday, seven on Monday.
        ShouldRun(Start("2026-11-20 14:00", 8 * Hour), due: "2026-11-23 14:00", atRisk: "2026-11-23 12:00");
        // 40 hours: Friday 1 h, Monday–Thursday 32 h, Friday 7 h; at risk with 10 h left, Thursday 13:00.
        ShouldRun(Start("2026-11-20 14:00", 40 * Hour), due: "2026-11-27 14:00", atRisk: "2026-11-26 12:00");
    }

    [Theory]
    // Independence Day (Wednesday 11 November): Tuesday 14:00 + 2 h, Thursday 08:00 + 6 h.
    [InlineData("2026-11-10 13:00", "2026-11-12 13:00", "2026-11-12 11:00")]
    // Christmas Eve, Christmas and the second day (Thursday–Saturday), then Sunday: Wednesday 4 h, Monday 4 h.
    [InlineData("2026-12-23 11:00", "2026-12-28 11:00", "2026-12-28 09:00")]
    // Easter Monday (6 April, summer time); Good Friday is a working day in Poland.
    [InlineData("2026-04-03 10:00", "2026-04-07 10:00", "2026-04-07 08:00")]
    // New Year's Day 2027 is a Friday: Thursday 4 h, Monday 4 h.
    [InlineData("2026-12-31 11:00", "2027-01-04 11:00", "2027-01-04 09:00")]
    public void Holidays_are_skipped(string created, string due, string atRisk) =>
        ShouldRun(Start(created, 8 * Hour), due, atRisk);

    [Fact]
    public void A_target_running_across_a_DST_change_keeps_its_wall_clock_hours()
    {
        // Spring (Sunday 29 March): Friday 12:00 CET + 4 h, Monday 08:00 CEST + 4 h = 12:00 CEST (10:00Z).
        var spring = Start("2026-03-27 11:00", 8 * Hour);
        ShouldRun(spring, due: "2026-03-30 10:00", atRisk: "2026-03-30 08:00");
        // Monday 09:00 CEST: five hours used (Friday 4 h, Monday 1 h), three left.
        Waiting(spring, "2026-03-30 07:00");
        ShouldWait(spring, 3 * Hour);

        // Autumn (Sunday 25 October): Friday 12:00 CEST + 4 h, Monday 08:00 CET + 4 h = 12:00 CET (11:00Z).
        ShouldRun(Start("2026-10-23 10:00", 8 * Hour), due: "2026-10-26 11:00", atRisk: "2026-10-26 09:00");
        // 40 hours from Wednesday 21 October 08:00 CEST: three days in summer, two in winter, Tuesday 16:00 CET.
        ShouldRun(Start("2026-10-21 06:00", 40 * Hour), due: "2026-10-27 15:00", atRisk: "2026-10-26 13:00");

        // Working through the DST Sundays themselves: 23 hours in spring, 25 in autumn.
        // Spring: Sunday 00:00 CET (Saturday 23:00Z) + 23 h to midnight, Monday 08:00 CEST + 1 h.
        ShouldRun(Start("2026-03-28 23:00", 24 * Hour, WithSundays), due: "2026-03-30 07:00", atRisk: "2026-03-29 17:00");
        // Autumn: Sunday 00:00 CEST (Saturday 22:00Z) + 24 h ends an hour before midnight CET.
        ShouldRun(Start("2026-10-24 22:00", 24 * Hour, WithSundays), due: "2026-10-25 22:00", atRisk: "2026-10-25 16:00");
    }

    [Fact]
    public void A_target_paused_across_a_DST_change_resumes_with_the_same_working_time_left()
    {
        // Spring: created Friday 27 March 08:00 CET, paused at 13:00 CET with 3 h left, resumed Monday 10:00 CEST.
        var spring = Start("2026-03-27 07:00", 8 * Hour);
        Waiting(spring, "2026-03-27 12:00");
        ShouldWait(spring, 3 * Hour);
        Open(spring, "2026-03-30 08:00");
        ShouldRun(spring, due: "2026-03-30 11:00", atRisk: "2026-03-30 09:00");

        // Autumn: created Friday 23 October 08:00 CEST, paused at 13:00 CEST, resumed Monday 10:00 CET.
        var autumn = Start("2026-10-23 06:00", 8 * Hour);
        Waiting(autumn, "2026-10-23 11:00");
        ShouldWait(autumn, 3 * Hour);
        Open(autumn, "2026-10-26 09:00");
        ShouldRun(autumn, due: "2026-10-26 12:00", atRisk: "2026-10-26 10:00");

        // Paused in the night of the change, when that night is working time. Spring: from 00:00 CET to 03:00 CEST
        // is two hours (02:00–03:00 does not exist); resumed Sunday 22:00 CEST, 2 h to midnight, 4 h on Monday.
        var springNight = Start("2026-03-28 23:00", 8 * Hour, WithSundays);
        Waiting(springNight, "2026-03-29 01:00", clock: WithSundays);
        ShouldWait(springNight, 6 * Hour);
        Open(springNight, "2026-03-29 20:00", clock: WithSundays);
        ShouldRun(springNight, due: "2026-03-30 10:00", atRisk: "2026-03-30 08:00");

        // Autumn: from 00:00 CEST to the second 02:30 (CET) is three and a half hours; resumed Sunday 22:00 CET,
        // two hours to midnight, 2.5 h on Monday.
        var autumnNight = Start("2026-10-24 22:00", 8 * Hour, WithSundays);
        Waiting(autumnNight, "2026-10-25 01:30", clock: WithSundays);
        ShouldWait(autumnNight, (long)(4.5 * Hour));
        Open(autumnNight, "2026-10-25 21:00", clock: WithSundays);
        ShouldRun(autumnNight, due: "2026-10-26 09:30", atRisk: "2026-10-26 07:30");
    }

    [Fact]
    public void A_pause_keeps_the_time_left_and_the_resume_continues_from_it()
    {
        // Friday 20 November 15:00, 40 h; paused half an hour later.
        var row = Start("2026-11-20 14:00", 40 * Hour);
        Waiting(row, "2026-11-20 14:30");
        ShouldWait(row, (long)(39.5 * Hour));

        // Still waiting on Saturday and on Monday morning: nothing is counted.
        Waiting(row, "2026-11-21 10:00");
        Waiting(row, "2026-11-23 08:00");
        ShouldWait(row, (long)(39.5 * Hour));

        // The customer answers on Monday 10:00: 39.5 h end on the next Monday 09:30; at risk with 10 h left.
        Open(row, "2026-11-23 09:00");
        ShouldRun(row, due: "2026-11-30 08:30", atRisk: "2026-11-26 14:30");

        // Paused again on Tuesday 10:00 (another 8 h used) and resumed on Wednesday 12:00.
        Waiting(row, "2026-11-24 09:00");
        ShouldWait(row, (long)(31.5 * Hour));
        Open(row, "2026-11-25 11:00");
        // Wednesday 4 h, Thursday, Friday and Monday 24 h, Tuesday 1 December 3.5 h: 11:30 Warsaw.
        row.DueAt.ShouldBe(Utc("2026-12-01 10:30"));
    }

    [Fact]
    public void A_target_paused_when_already_overdue_stays_overdue_by_the_same_working_time()
    {
        // Tuesday 17 November 08:00, 8 h: due 16:00. Paused on Wednesday 10:00, two office hours late.
        var row = Start("2026-11-17 07:00", 8 * Hour);
        Waiting(row, "2026-11-18 09:00");
        ShouldWait(row, -2 * Hour);

        // Resumed on Thursday 08:00: due two office hours before, Wednesday 14:00; at risk since Wednesday 12:00.
        Open(row, "2026-11-19 07:00");
        ShouldRun(row, due: "2026-11-18 13:00", atRisk: "2026-11-18 11:00");
    }

    [Fact]
    public void Fulfilling_keeps_the_time_left_in_time_or_late()
    {
        // Answered at 09:30 with 6.5 h left: met; the due time stays to compare with, at risk no more.
        var met = Start("2026-11-17 07:00", 8 * Hour);
        Answered(met, "2026-11-17 08:30");
        met.FulfilledAt.ShouldBe(Utc("2026-11-17 08:30"));
        met.LeftSecondsWhilePaused.ShouldBe((long)(6.5 * Hour));
        met.DueAt.ShouldBe(Utc("2026-11-17 15:00"));
        met.AtRiskAt.ShouldBeNull();

        // Met once: a later answer, a new target or a pause with the answer standing change nothing.
        Answered(met, "2026-11-18 08:30", target: Hour);
        SlaClock.Apply(met, Hour, Office, Office, Utc("2026-11-18 09:00"), Utc("2026-11-17 08:30"), paused: true);
        met.FulfilledAt.ShouldBe(Utc("2026-11-17 08:30"));
        met.TargetSeconds.ShouldBe(8 * Hour);
        met.LeftSecondsWhilePaused.ShouldBe((long)(6.5 * Hour));

        // At the due minute exactly it is met with nothing left.
        var onTime = Start("2026-11-17 07:00", 8 * Hour);
        Answered(onTime, "2026-11-17 15:00");
        onTime.LeftSecondsWhilePaused.ShouldBe(0);

        // Answered on Wednesday 09:00, one office hour late.
        var late = Start("2026-11-17 07:00", 8 * Hour);
        Answered(late, "2026-11-18 08:00");
        late.FulfilledAt.ShouldBe(Utc("2026-11-18 08:00"));
        late.LeftSecondsWhilePaused.ShouldBe(-Hour);
        late.DueAt.ShouldBe(Utc("2026-11-17 15:00"));

        // Solved while waiting for the customer: met with what was left when the wait began.
        var waiting = Start("2026-11-17 07:00", 8 * Hour);
        Waiting(waiting, "2026-11-17 12:00");
        Answered(waiting, "2026-11-19 08:00");
        waiting.FulfilledAt.ShouldBe(Utc("2026-11-19 08:00"));
        waiting.LeftSecondsWhilePaused.ShouldBe(3 * Hour);
        waiting.DueAt.ShouldBeNull();
    }

    [Fact]
    public void A_reopened_request_continues_with_the_time_that_was_left_when_it_was_solved()
    {
        // 40 h from Tuesday 17 November 08:00, solved at 11:00 with 37 h left.
        var row = Start("2026-11-17 07:00", 40 * Hour);
        Answered(row, "2026-11-17 10:00");
        row.LeftSecondsWhilePaused.ShouldBe(37 * Hour);

        // Reopened on Thursday 10:00: Thursday 6 h, Friday 8 h, Monday and Tuesday 16 h, Wednesday 7 h.
        Open(row, "2026-11-19 09:00");
        ShouldRun(row, due: "2026-11-25 14:00", atRisk: "2026-11-24 12:00");

        // Solved again, then reopened straight into waiting for the customer: paused with what was left.
        Answered(row, "2026-11-19 11:00");
        row.LeftSecondsWhilePaused.ShouldBe(35 * Hour);
        Waiting(row, "2026-11-20 09:00");
        ShouldWait(row, 35 * Hour);

        // A request solved late is overdue again as soon as it is reopened.
        var late = Start("2026-11-17 07:00", 8 * Hour);
        Answered(late, "2026-11-18 08:00");
        Open(late, "2026-11-19 09:00");
        ShouldRun(late, due: "2026-11-19 08:00", atRisk: "2026-11-18 14:00");
    }

    [Fact]
    public void A_new_priority_keeps_the_time_used_and_applies_its_own_target()
    {
        // Normal (40 h) from Tuesday 17 November 08:00; High (16 h) at 12:00 with 4 h used: 12 h left, Wednesday 16:00.
        var row = Start("2026-11-17 07:00", 40 * Hour);
        Open(row, "2026-11-17 11:00", target: 16 * Hour);
        row.TargetSeconds.ShouldBe(16 * Hour);
        ShouldRun(row, due: "2026-11-18 15:00", atRisk: "2026-11-18 11:00");
        (Office.Between(Utc("2026-11-17 07:00"), Utc("2026-11-17 11:00")) + Office.Between(Utc("2026-11-17 11:00"), row.DueAt!.Value))
            .ShouldBe(TimeSpan.FromHours(16));

        // Urgent (8 h) on Wednesday 09:00 with 9 h used: an hour overdue at once.
        Open(row, "2026-11-18 08:00", target: 8 * Hour);
        ShouldRun(row, due: "2026-11-18 07:00", atRisk: "2026-11-17 13:00");

        // Low (80 h) on Wednesday 10:00 with 10 h used: 70 h left, to Monday 30 November 16:00.
        Open(row, "2026-11-18 09:00", target: 80 * Hour);
        ShouldRun(row, due: "2026-11-30 15:00", atRisk: "2026-11-26 11:00");

        // Changed on a Saturday: Friday 20 November 15:00 + 8 h had used 1 h; 4 h leaves 3 h, Monday 11:00.
        var weekend = Start("2026-11-20 14:00", 8 * Hour);
        Open(weekend, "2026-11-21 10:00", target: 4 * Hour);
        ShouldRun(weekend, due: "2026-11-23 10:00", atRisk: "2026-11-23 09:00");

        // While waiting: the time left changes and the pause stays, overdue included.
        var waiting = Start("2026-11-17 07:00", 8 * Hour);
        Waiting(waiting, "2026-11-17 09:00");
        Waiting(waiting, "2026-11-18 09:00", target: 4 * Hour);
        ShouldWait(waiting, 2 * Hour);
        Waiting(waiting, "2026-11-18 10:00", target: Hour);
        ShouldWait(waiting, -Hour);
        waiting.TargetSeconds.ShouldBe(Hour);
    }

    [Fact]
    public void Moving_to_another_groups_clock_keeps_the_time_left_and_counts_it_in_the_new_clock()
    {
        // Saturday 11:00 Warsaw: the Polish team has used none of its 8 h. The English team works around the clock:
        // all 8 h from now.
        var row = Start("2026-11-21 10:00", 8 * Hour);
        Open(row, "2026-11-21 12:00", clock: Always, was: Office);
        ShouldRun(row, due: "2026-11-21 20:00", atRisk: "2026-11-21 18:00");

        // Back on Saturday 15:00Z with 3 h used: 5 h left, Monday 08:00–13:00 Warsaw.
        Open(row, "2026-11-21 15:00", clock: Office, was: Always);
        ShouldRun(row, due: "2026-11-23 12:00", atRisk: "2026-11-23 10:00");

        // Friday 15:00 Warsaw with 1 h left moves to a London office, open until 17:00 GMT: due 15:00Z the same day
        // instead of Monday; already under a quarter, so at risk at once.
        var friday = Start("2026-11-20 07:00", 8 * Hour);
        Open(friday, "2026-11-20 14:00", clock: London, was: Office);
        ShouldRun(friday, due: "2026-11-20 15:00", atRisk: "2026-11-20 13:00");

        // While waiting the time left stays; the resume counts it in the new clock.
        var waiting = Start("2026-11-20 07:00", 8 * Hour);
        Waiting(waiting, "2026-11-20 12:00");
        Waiting(waiting, "2026-11-21 10:00", clock: Always, was: Office);
        ShouldWait(waiting, 3 * Hour);
        Open(waiting, "2026-11-21 11:00", clock: Always);
        ShouldRun(waiting, due: "2026-11-21 14:00", atRisk: "2026-11-21 12:00");

        // A new clock and a new target at once (a premium contract: around the clock, 4 h): 8 h left in the office
        // clock, less the 4 h the target shrank.
        var premium = Start("2026-11-21 10:00", 8 * Hour);
        Open(premium, "2026-11-21 12:00", target: 4 * Hour, clock: Always, was: Office);
        ShouldRun(premium, due: "2026-11-21 16:00", atRisk: "2026-11-21 15:00");
    }

    [Fact]
    public void A_target_is_at_risk_once_under_a_quarter_of_it_is_left()
    {
        // An hour from Tuesday 14:30: at risk at 15:15, due 15:30.
        ShouldRun(Start("2026-11-17 13:30", Hour), due: "2026-11-17 14:30", atRisk: "2026-11-17 14:15");
        // 40 h: at risk 10 office hours before the due time, across the night.
        var week = Start("2026-11-16 07:00", 40 * Hour);
        Office.Between(week.AtRiskAt!.Value, week.DueAt!.Value).ShouldBe(TimeSpan.FromHours(10));

        // Resumed with 1.5 h of 8 h left (under 2 h): at risk from before the resume, half an office hour earlier.
        var row = Start("2026-11-17 07:00", 8 * Hour);
        Waiting(row, "2026-11-17 13:30");
        Open(row, "2026-11-18 07:00");
        ShouldRun(row, due: "2026-11-18 08:30", atRisk: "2026-11-17 14:30");

        // Whatever the start and the target, three quarters of it lead to the at-risk point and a quarter to the due time.
        var random = new Random(20261117);
        foreach (var clock in new[] { Office, WithSundays, Always })
        {
            for (var i = 0; i < 300; i++)
            {
                var created = Utc("2026-01-01 00:00").AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
                var target = random.Next(1, 80 * 4) * 15 * Minute;
                var started = SlaClock.Start(SlaMetric.FirstReply, target, clock, created);
                clock.Between(created, started.AtRiskAt!.Value).ShouldBe(TimeSpan.FromSeconds(target - target / 4), $"{created:O} + {target} s");
                clock.Between(started.AtRiskAt.Value, started.DueAt!.Value).ShouldBe(TimeSpan.FromSeconds(target / 4), $"{created:O} + {target} s");
            }
        }
    }

    [Fact]
    public void A_change_that_ends_or_replaces_a_passed_due_time_records_the_breach_once()
    {
        // Tuesday 17 November 08:00, 8 h: due 16:00 Warsaw (15:00Z).
        const string Due = "2026-11-17 15:00";
        static TicketSla Late() => Start("2026-11-17 07:00", 8 * Hour);
        static bool Apply(TicketSla row, string now, long target = 8 * Hour, BusinessTime? clock = null, string? answered = null, bool paused = false) =>
            SlaClock.Apply(row, target, Office, clock ?? Office, Utc(now), answered is null ? null : Utc(answered), paused);

        // Still open past its due time: the monitor's round records it, not the tracker.
        var open = Late();
        Apply(open, "2026-11-17 16:00").ShouldBeFalse();
        open.BreachedAt.ShouldBeNull();

        // Answered at the due minute: met, no breach. A minute later: breached at the due time.
        Apply(Late(), Due, answered: Due).ShouldBeFalse();
        var answered = Late();
        Apply(answered, "2026-11-17 15:01", answered: "2026-11-17 15:01").ShouldBeTrue();
        answered.BreachedAt.ShouldBe(Utc(Due));

        // Paused late: breached; resumed (overdue again) and paused again: recorded once.
        var paused = Late();
        Apply(paused, "2026-11-18 09:00", paused: true).ShouldBeTrue();
        paused.BreachedAt.ShouldBe(Utc(Due));
        Apply(paused, "2026-11-19 07:00").ShouldBeFalse();
        Apply(paused, "2026-11-19 08:00", paused: true).ShouldBeFalse();
        paused.BreachedAt.ShouldBe(Utc(Due));

        // A new target or a new clock after the due time: the promise until then was broken all the same.
        var lowered = Late();
        Apply(lowered, "2026-11-17 16:00", target: 80 * Hour).ShouldBeTrue();
        lowered.BreachedAt.ShouldBe(Utc(Due));
        lowered.DueAt!.Value.ShouldBeGreaterThan(Utc("2026-11-17 16:00"));
        var moved = Late();
        Apply(moved, "2026-11-17 16:00", clock: Always).ShouldBeTrue();
        moved.BreachedAt.ShouldBe(Utc(Due));

        // Recorded by the monitor already: kept as it is.
        var recorded = Late();
        recorded.BreachedAt = Utc(Due);
        Apply(recorded, "2026-11-18 08:00", answered: "2026-11-18 08:00").ShouldBeFalse();
        recorded.BreachedAt.ShouldBe(Utc(Due));

        // A paused target has no due time to pass: a new target that leaves it overdue is recorded when it runs
        // again (by the round, or by the next change, from the due time the resume sets).
        var waiting = Late();
        Apply(waiting, "2026-11-17 09:00", paused: true).ShouldBeFalse();
        Apply(waiting, "2026-11-17 10:00", target: Hour, paused: true).ShouldBeFalse();
        waiting.BreachedAt.ShouldBeNull();
        Apply(waiting, "2026-11-17 11:00", target: Hour).ShouldBeFalse();
        waiting.DueAt.ShouldBe(Utc("2026-11-17 10:00"));
        Apply(waiting, "2026-11-17 12:00", target: Hour, paused: true).ShouldBeTrue();
        waiting.BreachedAt.ShouldBe(Utc("2026-11-17 10:00"));
    }

    [Fact]
    public void Through_any_mix_of_changes_the_time_left_is_the_target_less_the_working_time_spent_running()
    {
        // Random lives: waits, resumes, answers, reopens, new targets and moves between the office and the clock
        // around the clock, at random minutes over two years. After each change the row must agree with the plain
        // bookkeeping: time used only grows while the target runs, in the clock it runs in.
        var random = new Random(20261121);
        long[] targets = [Hour, 4 * Hour, 8 * Hour, 16 * Hour, 40 * Hour, 80 * Hour];
        for (var life = 0; life < 200; life++)
        {
            var now = Utc("2026-01-01 00:00").AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
            var clock = random.Next(2) == 0 ? Office : Always;
            var target = targets[random.Next(targets.Length)];
            var row = SlaClock.Start(SlaMetric.Resolution, target, clock, now);
            var (used, runningSince, waiting, answeredAt) = (0L, (DateTime?)now, false, (DateTime?)null);

            for (var step = 0; step < 12; step++)
            {
                now = now.AddMinutes(random.Next(0, 4 * 24 * 60));
                var previous = clock;
                if (runningSince is { } since)
                    used += (long)previous.Between(since, now).TotalSeconds;
                switch (random.Next(5))
                {
                    case 0:
                        waiting = true;
                        answeredAt = null;
                        break;
                    case 1:
                        waiting = false;
                        answeredAt = null;
                        break;
                    case 2:
                        answeredAt ??= now;
                        break;
                    case 3 when answeredAt is null:
                        target = targets[random.Next(targets.Length)];
                        break;
                    case 4 when answeredAt is null:
                        clock = clock == Office ? Always : Office;
                        break;
                }
                SlaClock.Apply(row, target, previous, clock, now, answeredAt, waiting);
                runningSince = answeredAt is null && !waiting ? now : null;

                var context = $"life {life}, step {step}, at {now:O}";
                row.TargetSeconds.ShouldBe(target, context);
                if (answeredAt is not null)
                {
                    row.FulfilledAt.ShouldBe(answeredAt, context);
                    row.LeftSecondsWhilePaused.ShouldBe(target - used, context);
                }
                else if (waiting)
                    ShouldWait(row, target - used);
                else
                {
                    clock.Between(now, row.DueAt!.Value).ShouldBe(TimeSpan.FromSeconds(target - used), context);
                    clock.Between(row.AtRiskAt!.Value, row.DueAt.Value).ShouldBe(TimeSpan.FromSeconds(target / 4), context);
                }
            }
        }
    }

    [Fact]
    public void A_ticket_needs_attention_from_its_earliest_at_risk_point_or_breach_of_the_targets_not_met()
    {
        // Monday 16 November 2026, 08:00 Warsaw (07:00Z): 8 office hours, at risk after 6.
        var firstReply = Start("2026-11-16 07:00", 8 * Hour);
        var resolution = Start("2026-11-16 07:00", 40 * Hour);
        SlaClock.AtRiskSince([firstReply, resolution]).ShouldBe(Utc("2026-11-16 13:00"));

        // Met targets do not count, and none left means no attention needed.
        Answered(firstReply, "2026-11-16 08:00");
        SlaClock.AtRiskSince([firstReply, resolution]).ShouldBe(resolution.AtRiskAt);
        Answered(resolution, "2026-11-16 09:00");
        SlaClock.AtRiskSince([firstReply, resolution]).ShouldBeNull();
        SlaClock.AtRiskSince([]).ShouldBeNull();

        // Paused within time: no at-risk point. Paused after a breach: the breach.
        var paused = Start("2026-11-16 07:00", 8 * Hour);
        Waiting(paused, "2026-11-16 08:00");
        SlaClock.AtRiskSince([paused]).ShouldBeNull();
        var late = Start("2026-11-16 07:00", 8 * Hour);
        Waiting(late, "2026-11-17 07:00");
        late.BreachedAt.ShouldBe(Utc("2026-11-16 15:00"));
        SlaClock.AtRiskSince([late]).ShouldBe(Utc("2026-11-16 15:00"));

        // Re-targeted after a breach to a longer target: its new at-risk point is ahead, the breach is not.
        var retargeted = Start("2026-11-16 07:00", 8 * Hour);
        Open(retargeted, "2026-11-16 15:30", target: 40 * Hour);
        retargeted.AtRiskAt.ShouldNotBeNull();
        retargeted.AtRiskAt!.Value.ShouldBeGreaterThan(Utc("2026-11-16 15:30"));
        SlaClock.AtRiskSince([retargeted]).ShouldBe(Utc("2026-11-16 15:00"));
    }
}
