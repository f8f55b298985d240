using Supportal.Tests.Infrastructure;
using Supportal.Tests.Sla;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>
/// The SLA column of every view, with targets the tracker computed and a fake clock moved past them. On its own
/// database, since the clock jumps.
/// </summary>
public sealed class ViewsSlaTests(PortalFactory installation) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // Each test sets instants of its own, and the clock only moves forward: every test runs on the app started
    // again over the class's database, with a clock of its own.
    private readonly PortalFactory portal = installation.StartedAt(SlaData.Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => portal.DisposeAsync().AsTask();

    private static string Sla(Page page, long ticket) =>
        string.Join(' ', page.Find($"tr[data-ticket='{ticket}'] [data-sla]")!.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static string State(Page page, long ticket) => page.Find($"tr[data-ticket='{ticket}'] [data-sla]")!.GetAttribute("data-sla")!;

    [Fact]
    public async Task Rows_show_the_nearest_running_target_left_at_risk_overdue_or_paused()
    {
        // Saturday 10:00 UTC: English requests go to the English team (24/7): first reply due in 8 h, at risk with 2 h left.
        portal.SetClock("2026-11-21 10:00");
        var running = (await portal.RequestAsync($"sla.view.{Guid.NewGuid():N}@sla.test", "en")).Id;
        var answered = (await portal.RequestAsync($"sla.paused.{Guid.NewGuid():N}@sla.test", "en")).Id;
        // English requests are routed to the English team (seeded as group 2): its members see them.
        var agent = await portal.AgentAsync($"sla.agent.{Guid.NewGuid():N}@example.com", groups: [2]);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(agent.Email!);
        Task<Page> ViewAsync(TicketView view, long ticket) => client.GetAsync($"/Agent?view={view}&q=%23{ticket}");

        portal.SetClock("2026-11-21 14:55");
        var page = await ViewAsync(TicketView.Unassigned, running);
        (Sla(page, running), State(page, running)).ShouldBe(("3 h 05 min left", "Running"));
        page.FindAll("thead th").Select(th => th.TextContent.Trim()).ShouldContain("SLA target");

        // The agent replies and asks the customer something: first reply met, resolution (40 h) paused with what is left.
        (await portal.ApplyAsync(answered, agent.Id, new TicketChanges { Assignee = new(agent.Id), Status = TicketStatus.Pending, Comment = "Which firmware?" }))
            .Saved.ShouldBeTrue();
        page = await ViewAsync(TicketView.Pending, answered);
        (Sla(page, answered), State(page, answered)).ShouldBe(("Paused, 35 h 05 min left", "Paused"));

        portal.SetClock("2026-11-21 16:50");
        page = await ViewAsync(TicketView.AllOpen, running);
        (Sla(page, running), State(page, running)).ShouldBe(("1 h 10 min left at risk", "AtRisk"));
        page.Find($"tr[data-ticket='{running}'] [data-sla] .text-warning-emphasis").ShouldNotBeNull();

        portal.SetClock("2026-11-21 19:10");
        page = await ViewAsync(TicketView.AllOpen, running);
        (Sla(page, running), State(page, running)).ShouldBe(("1 h 10 min overdue", "Overdue"));
        page.Find($"tr[data-ticket='{running}'] [data-sla] .text-danger-emphasis").ShouldNotBeNull();
        // The pause holds however late it gets.
        (Sla(await ViewAsync(TicketView.Pending, answered), answered)).ShouldBe("Paused, 35 h 05 min left");

        // Put on hold while overdue: the pause keeps the overdue time.
        (await portal.ApplyAsync(running, agent.Id, new TicketChanges { Assignee = new(agent.Id), Status = TicketStatus.OnHold })).Saved.ShouldBeTrue();
        portal.SetClock("2026-11-21 19:40");
        page = await ViewAsync(TicketView.OnHold, running);
        (Sla(page, running), State(page, running)).ShouldBe(("Paused, 1 h 10 min overdue", "Paused"));

        // Solved: nothing left to count.
        (await portal.ApplyAsync(answered, agent.Id, new TicketChanges { Status = TicketStatus.Solved })).Saved.ShouldBeTrue();
        page = await ViewAsync(TicketView.RecentlySolved, answered);
        (Sla(page, answered), State(page, answered)).ShouldBe(("", "None"));
    }

    [Theory]
    [InlineData(185, 240, null, SlaShown.Running, 185)]
    [InlineData(70, -50, null, SlaShown.AtRisk, 70)]
    [InlineData(0, -120, null, SlaShown.AtRisk, 0)]
    [InlineData(-70, -190, null, SlaShown.Overdue, -70)]
    [InlineData(null, null, 7200L, SlaShown.Paused, 120)]
    [InlineData(null, null, -600L, SlaShown.Paused, -10)]
    [InlineData(null, null, null, SlaShown.None, 0)]
    public void The_state_follows_the_due_time_the_at_risk_point_and_the_pause(int? dueInMinutes, int? atRiskInMinutes, long? pausedSeconds,
        SlaShown state, int leftMinutes)
    {
        var now = SlaData.Utc("2026-11-21 12:00");
        DateTime? due = dueInMinutes is { } d ? now.AddMinutes(d) : null;
        DateTime? atRisk = atRiskInMinutes is { } r ? now.AddMinutes(r) : null;
        var sla = SlaLeft.Of(due, atRisk, pausedSeconds, now);
        sla.ShouldBe(new SlaLeft(state, TimeSpan.FromMinutes(leftMinutes)));
    }

    [Fact]
    public async Task Polish_rows_say_it_in_polish()
    {
        portal.SetClock("2026-11-21 10:00");
        var ticket = (await portal.RequestAsync($"sla.pl.{Guid.NewGuid():N}@sla.test", "en")).Id;
        portal.SetClock("2026-11-21 16:50");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        var page = await client.GetAsync($"/Agent?view=AllOpen&q=%23{ticket}");
        Sla(page, ticket).ShouldBe("zostało 1 h 10 min zagrożony");
    }
}
