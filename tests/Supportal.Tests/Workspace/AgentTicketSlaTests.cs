using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Sla;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Sla;
using Supportal.Tests.Tickets;
using Supportal.Tickets;

namespace Supportal.Tests.Workspace;

/// <summary>
/// The SLA panel of the agent's ticket screen, read at instants set on the fake clock. Standard level, Normal
/// priority: first reply 8 h, resolution 40 h; the Polish team works Mon–Fri 08:00–16:00 Warsaw time (07:00–15:00Z in
/// November), the English team around the clock.
/// </summary>
public sealed class AgentTicketSlaTests(PortalFactory installation) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // Each test sets instants of its own, and the clock only moves forward: every test runs on the app started
    // again over the class's database, with a clock of its own.
    private readonly PortalFactory portal = installation.StartedAt(SlaData.Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => portal.DisposeAsync().AsTask();

    /// <summary>An agent in both seeded teams, so they see tickets of either.</summary>
    private async Task<PortalClient> AgentAsync(string email, string language = "en")
    {
        await portal.AgentAsync(email, language: language);
        return await portal.SignedInAsync(email);
    }

    private static IElement Target(Page page, SlaMetric metric) => page.Find($"[data-sla-panel] [data-sla='{metric}']")!;

    private static string Text(IElement target, string part) => target.QuerySelector($"[data-{part}]")!.TextContent.Trim();

    [Fact]
    public async Task A_first_reply_target_shows_time_left_then_at_risk_then_overdue_with_the_breach_and_met_late_when_answered()
    {
        // Tuesday 17 November, 08:00 Warsaw: the first reply is due at 16:00 Warsaw (15:00Z), at risk from 14:00 (13:00Z).
        portal.SetClock("2026-11-17 07:00");
        var ticket = await portal.RequestAsync("sla.panel@panel.test", "pl");
        using var client = await AgentAsync("sla.panel.agent@panel.test");

        portal.SetClock("2026-11-17 11:55");
        var page = await client.GetAsync($"/Agent/Tickets/{ticket.Id}");
        page.Status.ShouldBe(System.Net.HttpStatusCode.OK, page.Text);
        var first = Target(page, SlaMetric.FirstReply);
        first.ShouldNotBeNull(page.Find("[data-sla-panel]")?.OuterHtml ?? page.Text);
        first.GetAttribute("data-sla-state").ShouldBe("Running");
        Text(first, "sla-target").ShouldBe("First reply within 8 h, business hours");
        Text(first, "sla-status").ShouldBe("3 h 05 min left");
        Text(first, "sla-badge").ShouldBe("On track");
        first.QuerySelector("[data-sla-due] time")!.GetAttribute("datetime").ShouldBe("2026-11-17T15:00:00.0000000Z");
        // Shown in the agent's zone (Warsaw by default): 16:00, not 15:00.
        Text(first, "sla-due").ShouldContain("4:00");
        first.QuerySelector("[data-sla-breached]").ShouldBeNull();
        var resolution = Target(page, SlaMetric.Resolution);
        Text(resolution, "sla-target").ShouldBe("Resolution within 40 h, business hours");
        resolution.GetAttribute("data-sla-state").ShouldBe("Running");

        portal.SetClock("2026-11-17 13:30");
        first = Target(await client.GetAsync($"/Agent/Tickets/{ticket.Id}"), SlaMetric.FirstReply);
        first.GetAttribute("data-sla-state").ShouldBe("AtRisk");
        Text(first, "sla-badge").ShouldBe("At risk");
        Text(first, "sla-status").ShouldBe("1 h 30 min left");
        first.QuerySelector("[data-sla-status]")!.ClassList.ShouldContain("text-warning-emphasis");

        portal.SetClock("2026-11-17 16:10");
        await portal.Services.GetRequiredService<SlaMonitor>().RunOnceAsync();
        first = Target(await client.GetAsync($"/Agent/Tickets/{ticket.Id}"), SlaMetric.FirstReply);
        first.GetAttribute("data-sla-state").ShouldBe("Overdue");
        Text(first, "sla-status").ShouldBe("Overdue 1 h 10 min");
        first.QuerySelector("[data-sla-badge]")!.ClassList.ShouldContain("text-bg-danger");
        first.QuerySelector("[data-sla-breached] time")!.GetAttribute("datetime").ShouldBe("2026-11-17T15:00:00.0000000Z");

        // The late answer meets the target late; the resolution clock stops while the ticket waits for the customer,
        // with the 32 office hours it had left (the day's 08:00–16:00 Warsaw used).
        await portal.ChangeAsync(ticket.Id, t => { t.FirstReplyAt = SlaData.Utc("2026-11-17 16:10"); t.Status = TicketStatus.Pending; });
        page = await client.GetAsync($"/Agent/Tickets/{ticket.Id}");
        first = Target(page, SlaMetric.FirstReply);
        first.GetAttribute("data-sla-state").ShouldBe("MetLate");
        Text(first, "sla-status").ShouldStartWith("Met late:");
        first.QuerySelector("[data-sla-status] time")!.GetAttribute("datetime").ShouldBe("2026-11-17T16:10:00.0000000Z");
        resolution = Target(page, SlaMetric.Resolution);
        resolution.GetAttribute("data-sla-state").ShouldBe("Paused");
        Text(resolution, "sla-status").ShouldBe("Paused — 32 h 00 min left");
        resolution.QuerySelector("[data-sla-due]").ShouldBeNull();

        // Through the next working morning the paused target does not move.
        portal.SetClock("2026-11-18 10:00");
        using var nextDay = await portal.SignedInAsync("sla.panel.agent@panel.test");
        Text(Target(await nextDay.GetAsync($"/Agent/Tickets/{ticket.Id}"), SlaMetric.Resolution), "sla-status").ShouldBe("Paused — 32 h 00 min left");
    }

    [Fact]
    public async Task A_first_reply_in_time_is_met_and_around_the_clock_targets_count_calendar_hours_in_polish_too()
    {
        portal.SetClock("2026-11-21 10:00");
        var ticket = await portal.RequestAsync("sla.met@panel.test", "en");
        using var client = await AgentAsync("sla.met.agent@panel.test", language: "pl");
        portal.SetClock("2026-11-21 11:00");
        await portal.ChangeAsync(ticket.Id, t => { t.FirstReplyAt = SlaData.Utc("2026-11-21 11:00"); t.Status = TicketStatus.Open; });

        portal.SetClock("2026-11-21 12:00");
        var page = await client.GetAsync($"/Agent/Tickets/{ticket.Id}");
        page.Find("[data-sla-panel] h2")!.TextContent.ShouldBe("Cele SLA");
        var first = Target(page, SlaMetric.FirstReply);
        first.GetAttribute("data-sla-state").ShouldBe("Met");
        Text(first, "sla-target").ShouldBe("Pierwsza odpowiedź w ciągu 8 h, w czasie kalendarzowym");
        Text(first, "sla-badge").ShouldBe("Dotrzymany");
        first.QuerySelector("[data-sla-status] time")!.GetAttribute("datetime").ShouldBe("2026-11-21T11:00:00.0000000Z");
        // English team, 24/7: 40 h from Saturday 10:00Z end on Monday 02:00Z, whatever the week-end.
        var resolution = Target(page, SlaMetric.Resolution);
        resolution.GetAttribute("data-sla-state").ShouldBe("Running");
        Text(resolution, "sla-status").ShouldBe("Zostało 38 h 00 min");
        resolution.QuerySelector("[data-sla-due] time")!.GetAttribute("datetime").ShouldBe("2026-11-23T02:00:00.0000000Z");
    }

    [Fact]
    public async Task Time_left_counts_the_teams_business_hours_not_the_week_end()
    {
        // Friday 20 November, 15:00 Warsaw: one office hour on Friday, seven on Monday; due Monday 15:00 Warsaw (14:00Z).
        portal.SetClock("2026-11-20 14:00");
        var ticket = await portal.RequestAsync("sla.weekend@panel.test", "pl");
        using var client = await AgentAsync("sla.weekend.agent@panel.test");

        portal.SetClock("2026-11-20 14:30");
        var first = Target(await client.GetAsync($"/Agent/Tickets/{ticket.Id}"), SlaMetric.FirstReply);
        Text(first, "sla-status").ShouldBe("7 h 30 min left");
        first.QuerySelector("[data-sla-due] time")!.GetAttribute("datetime").ShouldBe("2026-11-23T14:00:00.0000000Z");

        // On Saturday nothing is used up.
        portal.SetClock("2026-11-21 10:00");
        using var saturday = await portal.SignedInAsync("sla.weekend.agent@panel.test");
        first = Target(await saturday.GetAsync($"/Agent/Tickets/{ticket.Id}"), SlaMetric.FirstReply);
        first.GetAttribute("data-sla-state").ShouldBe("Running");
        Text(first, "sla-status").ShouldBe("7 h 00 min left");
    }
}
