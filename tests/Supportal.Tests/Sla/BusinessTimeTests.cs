using System.Globalization;
using Supportal.Sla;
using static Supportal.Tests.Sla.TestCalendars;

namespace Supportal.Tests.Sla;

/// <summary>
/// The SLA arithmetic. Expected instants are written in UTC on purpose: Warsaw is UTC+1 in winter (CET) and UTC+2
/// in summer (CEST), so the office day 08:00–16:00 is 07:00–15:00Z in November and 06:00–14:00Z in July.
/// </summary>
public sealed class BusinessTimeTests
{
    private static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    [Theory]
    // Tuesday 09:00 local + 2 h = 11:00 local.
    [InlineData("2026-11-17 08:00", 2, "2026-11-17 10:00")]
    // Up to the closing minute exactly: ends at 16:00, not at the next opening.
    [InlineData("2026-11-17 13:00", 2, "2026-11-17 15:00")]
    // Crossing the end of the day: 1 h today, 1 h tomorrow from 08:00.
    [InlineData("2026-11-17 14:00", 2, "2026-11-18 08:00")]
    // Friday 15:00 + 2 h: Monday 09:00.
    [InlineData("2026-11-20 14:00", 2, "2026-11-23 08:00")]
    // Before opening (06:00 local): counts from 08:00.
    [InlineData("2026-11-17 05:00", 1, "2026-11-17 08:00")]
    // After closing (18:00 local): counts from tomorrow 08:00.
    [InlineData("2026-11-17 17:00", 1, "2026-11-18 08:00")]
    // On a Saturday: counts from Monday 08:00.
    [InlineData("2026-11-21 11:00", 1, "2026-11-23 08:00")]
    // Over Independence Day (Wednesday 11 November): Tuesday 15:00 + 2 h = Thursday 09:00.
    [InlineData("2026-11-10 14:00", 2, "2026-11-12 08:00")]
    // Over Christmas Eve, Christmas and the second day (Thu–Sat) and the Sunday: Wednesday 15:00 + 2 h = Monday 09:00.
    [InlineData("2026-12-23 14:00", 2, "2026-12-28 08:00")]
    // Spring DST (Sunday 29 March): Friday 15:00 CET (14:00Z) + 2 h = Monday 09:00 CEST (07:00Z).
    [InlineData("2026-03-27 14:00", 2, "2026-03-30 07:00")]
    // Autumn DST (Sunday 25 October): Friday 15:00 CEST (13:00Z) + 2 h = Monday 09:00 CET (08:00Z).
    [InlineData("2026-10-23 13:00", 2, "2026-10-26 08:00")]
    // 80 hours = ten office days: Monday 16 November 08:00 to Friday 27 November 16:00.
    [InlineData("2026-11-16 07:00", 80, "2026-11-27 15:00")]
    // 80 hours starting in summer and ending in winter: two weeks with the clock change in between.
    [InlineData("2026-10-19 06:00", 80, "2026-10-30 15:00")]
    public void Add_counts_office_hours_only(string start, double hours, string expected)
    {
        Office.Add(Utc(start), H(hours)).ShouldBe(Utc(expected));
        Office.Between(Utc(start), Utc(expected)).ShouldBe(H(hours));
    }

    [Theory]
    [InlineData("2026-11-17 08:00", "2026-11-17 10:00", 2)]
    // Whole Friday after closing to Monday before opening: nothing.
    [InlineData("2026-11-20 16:00", "2026-11-23 06:00", 0)]
    // Monday 00:00 local to next Monday 00:00: five office days.
    [InlineData("2026-11-15 23:00", "2026-11-22 23:00", 40)]
    // The week with Independence Day: four office days.
    [InlineData("2026-11-08 23:00", "2026-11-15 23:00", 32)]
    // Christmas week: Monday to Wednesday only.
    [InlineData("2026-12-20 23:00", "2026-12-27 23:00", 24)]
    // Across the spring change: Friday 15:00 CET to Monday 09:00 CEST.
    [InlineData("2026-03-27 14:00", "2026-03-30 07:00", 2)]
    // Across the autumn change: Friday 15:00 CEST to Monday 09:00 CET.
    [InlineData("2026-10-23 13:00", "2026-10-26 08:00", 2)]
    public void Between_measures_office_hours(string from, string to, double hours)
    {
        Office.Between(Utc(from), Utc(to)).ShouldBe(H(hours));
        Office.Between(Utc(to), Utc(from)).ShouldBe(-H(hours));
    }

    [Fact]
    public void The_spring_DST_Sunday_has_23_working_hours_and_the_autumn_one_25()
    {
        // Sunday 29 March 2026 00:00 CET = Saturday 23:00Z; Monday 00:00 CEST = Sunday 22:00Z.
        WithSundays.Between(Utc("2026-03-28 23:00"), Utc("2026-03-29 22:00")).ShouldBe(H(23));
        WithSundays.Add(Utc("2026-03-28 23:00"), H(23)).ShouldBe(Utc("2026-03-29 22:00"));
        // 02:00 local does not exist: two hours of work from midnight end at 03:00 CEST = 01:00Z.
        WithSundays.Add(Utc("2026-03-28 23:00"), H(2)).ShouldBe(Utc("2026-03-29 01:00"));

        // Sunday 25 October 2026 00:00 CEST = Saturday 22:00Z; Monday 00:00 CET = Sunday 23:00Z.
        WithSundays.Between(Utc("2026-10-24 22:00"), Utc("2026-10-25 23:00")).ShouldBe(H(25));
        WithSundays.Add(Utc("2026-10-24 22:00"), H(25)).ShouldBe(Utc("2026-10-25 23:00"));
        // 02:00–03:00 local happens twice: three hours from midnight end at the second 02:00 (01:00Z).
        WithSundays.Add(Utc("2026-10-24 22:00"), H(3)).ShouldBe(Utc("2026-10-25 01:00"));
    }

    [Fact]
    public void A_span_starting_in_the_spring_gap_starts_when_the_gap_ends()
    {
        var night = new BusinessTime("Europe/Warsaw", [(DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(4, 0))], []);
        // 02:30 does not exist on 29 March: work runs 03:00–04:00 CEST (01:00–02:00Z), one hour.
        night.Between(Utc("2026-03-28 12:00"), Utc("2026-03-29 12:00")).ShouldBe(H(1));
        night.Add(Utc("2026-03-28 12:00"), H(0.5)).ShouldBe(Utc("2026-03-29 01:30"));
        // A week later it is the full 1.5 hours (02:30–04:00 CEST = 00:30–02:00Z).
        night.Add(Utc("2026-04-04 12:00"), H(0.5)).ShouldBe(Utc("2026-04-05 01:00"));
    }

    [Fact]
    public void Spans_ending_at_midnight_continue_into_the_next_day()
    {
        var evenings = new BusinessTime("Europe/Warsaw",
            [(DayOfWeek.Monday, new TimeOnly(20, 0), TimeOnly.MinValue), (DayOfWeek.Tuesday, TimeOnly.MinValue, new TimeOnly(4, 0))], []);
        // Monday 23:00 CET (22:00Z) + 2 h = Tuesday 01:00 CET (00:00Z).
        evenings.Add(Utc("2026-11-16 22:00"), H(2)).ShouldBe(Utc("2026-11-17 00:00"));
        evenings.Between(Utc("2026-11-16 12:00"), Utc("2026-11-17 12:00")).ShouldBe(H(8));
    }

    [Fact]
    public void Several_spans_a_day_skip_the_lunch_break()
    {
        var split = new BusinessTime("Europe/Warsaw",
            Weekdays.SelectMany(d => new[] { (d, new TimeOnly(8, 0), new TimeOnly(12, 0)), (d, new TimeOnly(13, 0), new TimeOnly(17, 0)) }), []);
        // Tuesday 11:00 CET (10:00Z) + 2 h = 14:00 CET (13:00Z).
        split.Add(Utc("2026-11-17 10:00"), H(2)).ShouldBe(Utc("2026-11-17 13:00"));
        split.Between(Utc("2026-11-17 06:00"), Utc("2026-11-17 18:00")).ShouldBe(H(8));
        // Overlapping spans count once.
        var overlapping = new BusinessTime("UTC",
            [(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0)), (DayOfWeek.Monday, new TimeOnly(10, 0), new TimeOnly(14, 0))], []);
        overlapping.Between(Utc("2026-11-16 00:00"), Utc("2026-11-17 00:00")).ShouldBe(H(6));
    }

    [Fact]
    public void Around_the_clock_and_calendar_time_policies_are_plain_clock_arithmetic()
    {
        var calendar = new BusinessCalendar { Name = "Office", TimeZone = "Europe/Warsaw", Hours = [new() { Day = DayOfWeek.Monday, Start = new(8, 0), End = new(16, 0) }] };
        foreach (var clock in new[] { BusinessTime.AroundTheClock, BusinessTime.For(calendar, businessHoursOnly: false), BusinessTime.For(null, true),
            BusinessTime.From(new BusinessCalendar { Name = "24/7", TimeZone = "UTC", AroundTheClock = true }) })
        {
            clock.IsAroundTheClock.ShouldBeTrue();
            // Saturday night, across the autumn change: 30 hours are 30 hours.
            clock.Add(Utc("2026-10-24 21:00"), H(30)).ShouldBe(Utc("2026-10-26 03:00"));
            clock.Between(Utc("2026-10-24 21:00"), Utc("2026-10-26 03:00")).ShouldBe(H(30));
            clock.Add(Utc("2026-10-24 21:00"), H(-3)).ShouldBe(Utc("2026-10-24 18:00"));
        }
        BusinessTime.For(calendar, businessHoursOnly: true).IsAroundTheClock.ShouldBeFalse();
    }

    [Fact]
    public void Zero_work_is_the_start_itself_even_outside_hours()
    {
        Office.Add(Utc("2026-11-21 11:00"), TimeSpan.Zero).ShouldBe(Utc("2026-11-21 11:00"));
        Office.Between(Utc("2026-11-21 11:00"), Utc("2026-11-21 11:00")).ShouldBe(TimeSpan.Zero);
        // A Saturday to Sunday has no office time either.
        Office.Between(Utc("2026-11-21 11:00"), Utc("2026-11-22 11:00")).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Negative_work_goes_back_in_office_hours()
    {
        // Monday 09:00 CET − 2 h = Friday 15:00 CET.
        Office.Add(Utc("2026-11-23 08:00"), H(-2)).ShouldBe(Utc("2026-11-20 14:00"));
        // From a Saturday back: Friday 16:00 − 1 h.
        Office.Add(Utc("2026-11-21 11:00"), H(-1)).ShouldBe(Utc("2026-11-20 14:00"));
        // Back over Christmas: Monday 28 December 09:00 − 2 h = Wednesday 23 December 15:00.
        Office.Add(Utc("2026-12-28 08:00"), H(-2)).ShouldBe(Utc("2026-12-23 14:00"));
    }

    [Fact]
    public void Working_days_skip_week_ends_and_holidays_and_keep_the_time_of_day()
    {
        // Friday 20 November 10:00 CET + 4 working days = Thursday 26 November 10:00.
        Office.AddWorkingDays(Utc("2026-11-20 09:00"), 4).ShouldBe(Utc("2026-11-26 09:00"));
        // Friday 6 November + 4: Mon 9, Tue 10, (Wed 11 is a holiday) Thu 12, Fri 13.
        Office.AddWorkingDays(Utc("2026-11-06 09:00"), 4).ShouldBe(Utc("2026-11-13 09:00"));
        // Solved on a Saturday: Mon–Thu.
        Office.AddWorkingDays(Utc("2026-11-21 09:00"), 4).ShouldBe(Utc("2026-11-26 09:00"));
        // Across the autumn change the wall-clock time stays 10:00 (08:00Z in summer, 09:00Z in winter).
        Office.AddWorkingDays(Utc("2026-10-23 08:00"), 4).ShouldBe(Utc("2026-10-29 09:00"));
        BusinessTime.AroundTheClock.AddWorkingDays(Utc("2026-11-20 09:00"), 4).ShouldBe(Utc("2026-11-24 09:00"));
        Office.IsWorkingDay(new DateOnly(2026, 11, 11)).ShouldBeFalse();
        Office.IsWorkingDay(new DateOnly(2026, 11, 21)).ShouldBeFalse();
        Office.IsWorkingDay(new DateOnly(2026, 11, 12)).ShouldBeTrue();
    }

    [Fact]
    public void Add_and_Between_agree_on_many_random_instants()
    {
        var random = new Random(20261122);
        var origin = Utc("2026-01-01 00:00");
        foreach (var clock in new[] { Office, WithSundays })
        {
            for (var i = 0; i < 500; i++)
            {
                // Any minute of 2026–2027 (both DST changes, all holidays), up to 80 hours of work.
                var start = origin.AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
                var work = TimeSpan.FromMinutes(random.Next(0, 80 * 60));

                var due = clock.Add(start, work);
                due.ShouldBeGreaterThanOrEqualTo(start);
                clock.Between(start, due).ShouldBe(work, $"from {start:O} + {work}");

                var back = clock.Add(start, -work);
                back.ShouldBeLessThanOrEqualTo(start);
                clock.Between(back, start).ShouldBe(work, $"from {start:O} − {work}");

                // Measuring up to any instant and adding the result back lands on the last working moment before it.
                var other = start.AddMinutes(random.Next(0, 30 * 24 * 60));
                var reached = clock.Add(start, clock.Between(start, other));
                reached.ShouldBeLessThanOrEqualTo(other);
                clock.Between(reached, other).ShouldBe(TimeSpan.Zero);
            }
        }
    }

    [Fact]
    public void A_calendar_without_hours_or_with_inverted_spans_is_rejected()
    {
        Should.Throw<ArgumentException>(() => new BusinessTime("Europe/Warsaw", [], []));
        Should.Throw<ArgumentException>(() => new BusinessTime("Europe/Warsaw", [(DayOfWeek.Monday, new TimeOnly(16, 0), new TimeOnly(8, 0))], []));
    }
}
