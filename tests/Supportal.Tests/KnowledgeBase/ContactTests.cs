using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>The contact page says whether each team is open now, from its group's calendar, on the portal's clock.</summary>
public sealed class ContactTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    private async Task<Dictionary<string, string>> OpenNowAsync()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/Contact");
        return page.FindAll("[data-team]").ToDictionary(t => t.GetAttribute("data-team")!, t => t.QuerySelector("[data-open]")!.GetAttribute("data-open")!);
    }

    private void MoveTo(DateTime warsawTime) =>
        portal.Clock.SetUtcNow(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(warsawTime, Warsaw)));

    [Fact]
    public async Task The_Polish_team_is_open_on_weekdays_in_office_hours_and_the_English_team_always()
    {
        // The clock only moves forward: the next Monday that is not a Polish holiday, at least a day away.
        var holidays = await portal.WithDbAsync(db => db.Holidays.Where(h => h.CalendarId == 1).Select(h => h.Date).ToListAsync());
        var monday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), Warsaw).DateTime).AddDays(1);
        while (monday.DayOfWeek != DayOfWeek.Monday || holidays.Contains(monday))
            monday = monday.AddDays(1);

        MoveTo(monday.ToDateTime(new TimeOnly(10, 0)));
        (await OpenNowAsync()).ShouldBe(new Dictionary<string, string> { ["1"] = "true", ["2"] = "true" });

        MoveTo(monday.ToDateTime(new TimeOnly(18, 0)));
        (await OpenNowAsync()).ShouldBe(new Dictionary<string, string> { ["1"] = "false", ["2"] = "true" });

        MoveTo(monday.AddDays(5).ToDateTime(new TimeOnly(10, 0)));
        var saturday = await OpenNowAsync();
        saturday.ShouldBe(new Dictionary<string, string> { ["1"] = "false", ["2"] = "true" });
    }

    [Fact]
    public async Task The_open_state_is_shown_in_the_readers_language()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/Contact");

        page.Find("[data-team='2'] [data-open]")!.TextContent.ShouldBe("Open now");
    }
}
