using Supportal.Pages.Admin;

namespace Supportal.Tests.Admin;

/// <summary>Reading weekly hours and SLA durations as admins type them.</summary>
public sealed class WorkspaceInputTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData(" 08:00-16:00 ", "08:00–16:00")]
    [InlineData("13:00–16:30, 8:00 - 12:00", "08:00–12:00, 13:00–16:30")]
    [InlineData("08:00-12:00; 12:00-16:00", "08:00–12:00, 12:00–16:00")]
    [InlineData("22:00—24:00", "22:00–24:00")]
    [InlineData("00:00-24:00", "00:00–24:00")]
    public void Ranges_are_read_sorted_and_written_back_the_same_way(string typed, string shown)
    {
        var (ranges, problem) = WeeklyHours.Parse(typed);

        problem.ShouldBe(WeeklyHours.Problem.None);
        WeeklyHours.Format(ranges).ShouldBe(shown);
    }

    [Fact]
    public void Midnight_at_the_end_of_a_day_is_stored_as_00_00_which_the_SLA_clock_reads_as_the_day_end()
    {
        WeeklyHours.Parse("20:00-24:00").Ranges.ShouldBe([(new TimeOnly(20, 0), TimeOnly.MinValue)]);
    }

    [Theory]
    [InlineData("8-16", WeeklyHours.Problem.Format)]
    [InlineData("08:00", WeeklyHours.Problem.Format)]
    [InlineData("08:00-16:00,", WeeklyHours.Problem.None)]
    [InlineData("24:00-24:00", WeeklyHours.Problem.Format)]
    [InlineData("08:60-10:00", WeeklyHours.Problem.Format)]
    [InlineData("08:00-24:30", WeeklyHours.Problem.Format)]
    [InlineData("10:00-09:00", WeeklyHours.Problem.Order)]
    [InlineData("10:00-10:00", WeeklyHours.Problem.Order)]
    [InlineData("08:00-12:00, 11:59-13:00", WeeklyHours.Problem.Overlap)]
    [InlineData("08:00-18:00, 09:00-10:00", WeeklyHours.Problem.Overlap)]
    public void Badly_typed_ranges_name_their_problem(string typed, WeeklyHours.Problem problem)
    {
        WeeklyHours.Parse(typed).Problem.ShouldBe(problem);
    }

    [Theory]
    [InlineData("8", "", 480, null)]
    [InlineData("", "45", 45, null)]
    [InlineData(" 1 ", "30", 90, null)]
    [InlineData("2160", "0", 2160 * 60, null)]
    [InlineData("2160", "1", 0, "SlaPolicies.TooLong")]
    [InlineData("2161", "", 0, "SlaPolicies.HoursInvalid")]
    [InlineData("-1", "", 0, "SlaPolicies.HoursInvalid")]
    [InlineData("1.5", "", 0, "SlaPolicies.HoursInvalid")]
    [InlineData("1", "60", 0, "SlaPolicies.MinutesInvalid")]
    [InlineData("", "", 0, "SlaPolicies.Zero")]
    [InlineData("0", "0", 0, "SlaPolicies.Zero")]
    public void Durations_are_read_from_hours_and_minutes(string hours, string minutes, int total, string? error)
    {
        var parsed = SlaPolicyInput.Parse(hours, minutes);

        parsed.Minutes.ShouldBe(total);
        parsed.Error.ShouldBe(error);
    }
}
