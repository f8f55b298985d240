using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Sla;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;

namespace Supportal.Tests.Sla;

/// <summary>The background rounds, run by hand with the fake clock: breaches recorded once, solved requests closed.</summary>
public sealed class SlaMonitorTests(PortalFactory installation) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // Each test sets instants of its own, and the clock only moves forward: every test runs on the app started
    // again over the class's database, with a clock of its own.
    private readonly PortalFactory portal = installation.StartedAt(SlaData.Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => portal.DisposeAsync().AsTask();

    private SlaMonitor Monitor => portal.Services.GetRequiredService<SlaMonitor>();

    private AutoCloser Closer => portal.Services.GetRequiredService<AutoCloser>();

    private Task<List<TicketEvent>> EventsAsync(long ticketId, string field) =>
        portal.WithDbAsync(db => db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId && e.Field == field).OrderBy(e => e.Id).ToListAsync());

    private Task<TicketStatus> StatusAsync(long ticketId) =>
        portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Status).SingleAsync());

    [Fact]
    public async Task A_breach_shows_in_the_agents_SLA_view_as_overdue()
    {
        // English team, Normal priority: the first reply is due 8 hours after the request, at 16:00.
        portal.SetClock("2026-11-19 08:00");
        var late = await portal.RequestAsync("breach.view@monitor.test", "en");
        var agent = await portal.CreateUserAsync("breach.agent@monitor.test", "Sam", "Agent", role: Supportal.Accounts.Roles.Agent);
        await portal.JoinGroupsAsync(agent.Id, 2);
        portal.SetClock("2026-11-19 17:30");
        await Monitor.RunOnceAsync();

        using var client = portal.CreatePortalClient();
        await client.SignInAsync("breach.agent@monitor.test");
        var view = await client.GetAsync("/Agent?view=SlaAtRisk");

        view.Find($"tr[data-ticket='{late.Id}'] [data-sla]")!.TextContent.Trim().ShouldBe("1 h 30 min overdue");
        (await EventsAsync(late.Id, "Sla")).ShouldHaveSingleItem().NewValue.ShouldBe("FirstReply");
        (await client.GetAsync($"/Agent/Tickets/{late.Id}")).Find("[data-breach]")!.TextContent.Trim().ShouldBe("First reply target breached");
    }

    [Fact]
    public async Task A_passed_due_time_is_recorded_as_a_breach_once_with_a_history_row()
    {
        // English team (around the clock), Normal: first reply due 8 h after creation, resolution 40 h.
        portal.SetClock("2026-11-17 08:00");
        var late = await portal.RequestAsync("late@monitor.test", "en");
        var waiting = await portal.RequestAsync("waiting@monitor.test", "en");
        var answered = await portal.RequestAsync("answered@monitor.test", "en");
        portal.SetClock("2026-11-17 12:00");
        await portal.ChangeAsync(waiting.Id, t => t.Status = TicketStatus.Pending);
        await portal.ChangeAsync(answered.Id, t => { t.FirstReplyAt = SlaData.Utc("2026-11-17 12:00"); t.Status = TicketStatus.Open; });

        portal.SetClock("2026-11-17 15:59");
        await Monitor.RunOnceAsync();
        (await portal.TargetsAsync(late.Id))[SlaMetric.FirstReply].BreachedAt.ShouldBeNull();

        portal.SetClock("2026-11-17 16:30");
        (await Monitor.RunOnceAsync()).ShouldBeGreaterThanOrEqualTo(1);
        var targets = await portal.TargetsAsync(late.Id);
        targets[SlaMetric.FirstReply].BreachedAt.ShouldBe(SlaData.Utc("2026-11-17 16:00"));
        targets[SlaMetric.Resolution].BreachedAt.ShouldBeNull();
        var events = await EventsAsync(late.Id, "Sla");
        events.Count.ShouldBe(1);
        events[0].NewValue.ShouldBe("FirstReply");
        events[0].At.ShouldBe(SlaData.Utc("2026-11-17 16:00"));
        events[0].ActorId.ShouldBeNull();

        // Paused and met targets never breach.
        (await portal.TargetsAsync(waiting.Id)).Values.ShouldAllBe(s => s.BreachedAt == null);
        (await portal.TargetsAsync(answered.Id))[SlaMetric.FirstReply].BreachedAt.ShouldBeNull();

        // Later rounds, even two nodes at once, do not record it again; the resolution breach comes in its turn.
        portal.SetClock("2026-11-19 01:00");
        await Task.WhenAll(Monitor.RunOnceAsync(), Monitor.RunOnceAsync());
        (await Monitor.RunOnceAsync()).ShouldBe(0);
        events = await EventsAsync(late.Id, "Sla");
        events.Select(e => e.NewValue).ShouldBe(["FirstReply", "Resolution"]);
        (await portal.TargetsAsync(late.Id))[SlaMetric.Resolution].BreachedAt.ShouldBe(SlaData.Utc("2026-11-19 00:00"));
        (await EventsAsync(waiting.Id, "Sla")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_target_answered_or_solved_after_its_due_time_before_the_round_is_recorded_by_that_change()
    {
        // English team, Normal: first reply due at 16:00. An agent answers one request and the customer solves the
        // other at 16:10, before any round has seen the breach.
        portal.SetClock("2026-11-24 08:00");
        var answered = await portal.RequestAsync("answered.late@monitor.test", "en");
        var solved = await portal.RequestAsync("solved.late@monitor.test", "en");
        portal.SetClock("2026-11-24 16:10");
        await portal.ChangeAsync(answered.Id, t => { t.FirstReplyAt = SlaData.Utc("2026-11-24 16:10"); t.Status = TicketStatus.Open; });
        await portal.CustomerSolvesAsync(solved.Id);

        var targets = await portal.TargetsAsync(answered.Id);
        targets[SlaMetric.FirstReply].FulfilledAt.ShouldBe(SlaData.Utc("2026-11-24 16:10"));
        targets[SlaMetric.FirstReply].BreachedAt.ShouldBe(SlaData.Utc("2026-11-24 16:00"));
        targets[SlaMetric.Resolution].BreachedAt.ShouldBeNull();
        var events = await EventsAsync(answered.Id, "Sla");
        events.ShouldHaveSingleItem().NewValue.ShouldBe("FirstReply");
        events[0].At.ShouldBe(SlaData.Utc("2026-11-24 16:00"));
        events[0].ActorId.ShouldBeNull();

        // Solving ends the first-reply target too, late; the resolution was met in time.
        var solvedTargets = await portal.TargetsAsync(solved.Id);
        solvedTargets[SlaMetric.FirstReply].BreachedAt.ShouldBe(SlaData.Utc("2026-11-24 16:00"));
        solvedTargets[SlaMetric.Resolution].BreachedAt.ShouldBeNull();
        (await EventsAsync(solved.Id, "Sla")).ShouldHaveSingleItem().NewValue.ShouldBe("FirstReply");

        // The round finds nothing left to record for either.
        portal.SetClock("2026-11-24 16:30");
        await Monitor.RunOnceAsync();
        (await EventsAsync(answered.Id, "Sla")).Count.ShouldBe(1);
        (await EventsAsync(solved.Id, "Sla")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_target_paused_after_its_due_time_before_the_round_is_recorded_by_that_change()
    {
        // First reply due at 16:00. At 16:30 one request is put on hold without an answer; the other is left alone
        // until Friday 01:00, past the resolution's due time too, and then answered with a question (pending).
        portal.SetClock("2026-11-25 08:00");
        var onHold = await portal.RequestAsync("onhold.late@monitor.test", "en");
        var pending = await portal.RequestAsync("pending.late@monitor.test", "en");
        portal.SetClock("2026-11-25 16:30");
        await portal.ChangeAsync(onHold.Id, t => t.Status = TicketStatus.OnHold);

        var held = await portal.TargetsAsync(onHold.Id);
        held[SlaMetric.FirstReply].DueAt.ShouldBeNull();
        held[SlaMetric.FirstReply].LeftSecondsWhilePaused.ShouldBe(-30 * 60);
        held[SlaMetric.FirstReply].BreachedAt.ShouldBe(SlaData.Utc("2026-11-25 16:00"));
        held[SlaMetric.Resolution].BreachedAt.ShouldBeNull();
        var events = await EventsAsync(onHold.Id, "Sla");
        events.ShouldHaveSingleItem().NewValue.ShouldBe("FirstReply");
        events[0].At.ShouldBe(SlaData.Utc("2026-11-25 16:00"));

        portal.SetClock("2026-11-27 01:00");
        await portal.ChangeAsync(pending.Id, t => { t.FirstReplyAt = SlaData.Utc("2026-11-27 01:00"); t.Status = TicketStatus.Pending; });
        (await EventsAsync(pending.Id, "Sla")).Select(e => (e.NewValue, e.At))
            .ShouldBe([("FirstReply", SlaData.Utc("2026-11-25 16:00")), ("Resolution", SlaData.Utc("2026-11-27 00:00"))], ignoreOrder: true);

        // Resumed, the held request is overdue again, but its breach is not recorded a second time.
        await portal.ChangeAsync(onHold.Id, t => t.Status = TicketStatus.Open);
        portal.SetClock("2026-11-27 02:00");
        await Monitor.RunOnceAsync();
        (await EventsAsync(onHold.Id, "Sla")).Select(e => e.NewValue).ShouldBe(["FirstReply"]);
        (await EventsAsync(pending.Id, "Sla")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_breach_the_round_recorded_is_not_recorded_again_when_the_target_is_answered_or_paused()
    {
        portal.SetClock("2026-11-30 08:00");
        var answered = await portal.RequestAsync("recorded.answered@monitor.test", "en");
        var paused = await portal.RequestAsync("recorded.paused@monitor.test", "en");
        portal.SetClock("2026-11-30 16:05");
        await Monitor.RunOnceAsync();
        (await EventsAsync(answered.Id, "Sla")).Count.ShouldBe(1);

        portal.SetClock("2026-11-30 16:40");
        await portal.ChangeAsync(answered.Id, t => { t.FirstReplyAt = SlaData.Utc("2026-11-30 16:40"); t.Status = TicketStatus.Open; });
        await portal.ChangeAsync(paused.Id, t => t.Status = TicketStatus.OnHold);

        foreach (var id in new[] { answered.Id, paused.Id })
        {
            (await portal.TargetsAsync(id))[SlaMetric.FirstReply].BreachedAt.ShouldBe(SlaData.Utc("2026-11-30 16:00"));
            var events = await EventsAsync(id, "Sla");
            events.ShouldHaveSingleItem().At.ShouldBe(SlaData.Utc("2026-11-30 16:00"));
        }
    }

    [Fact]
    public async Task A_new_priority_after_a_passed_due_time_keeps_the_breach_that_happened()
    {
        // First reply due at 16:00 under Normal; lowered to Low (16 h) at 16:10, before any round. The first reply
        // is due again at midnight, but the promise made until 16:00 was broken.
        portal.SetClock("2026-12-01 08:00");
        var ticket = await portal.RequestAsync("lowered.late@monitor.test", "en");
        portal.SetClock("2026-12-01 16:10");
        await portal.ChangeAsync(ticket.Id, t => t.Priority = TicketPriority.Low);

        var firstReply = (await portal.TargetsAsync(ticket.Id))[SlaMetric.FirstReply];
        firstReply.DueAt.ShouldBe(SlaData.Utc("2026-12-02 00:00"));
        firstReply.BreachedAt.ShouldBe(SlaData.Utc("2026-12-01 16:00"));
        portal.SetClock("2026-12-02 00:30");
        await Monitor.RunOnceAsync();
        (await EventsAsync(ticket.Id, "Sla")).ShouldHaveSingleItem().At.ShouldBe(SlaData.Utc("2026-12-01 16:00"));
    }

    [Fact]
    public async Task Solved_requests_close_after_four_business_days_of_their_teams_calendar()
    {
        // Friday 6 November, 10:00 Warsaw (09:00Z). The Polish team's four working days skip the week-end and
        // Independence Day (Wednesday 11th): Mon 9, Tue 10, Thu 12, Fri 13. The English team counts every day.
        portal.SetClock("2026-11-06 08:00");
        var polish = await portal.RequestAsync("polish@closer.test", "pl");
        var english = await portal.RequestAsync("english@closer.test", "en");
        var reopened = await portal.RequestAsync("reopened@closer.test", "en");
        portal.SetClock("2026-11-06 09:00");
        foreach (var id in new[] { polish.Id, english.Id, reopened.Id })
            await portal.CustomerSolvesAsync(id);
        portal.SetClock("2026-11-07 09:00");
        await portal.CustomerRepliesAsync(reopened.Id);

        portal.SetClock("2026-11-10 08:59");
        await Closer.RunOnceAsync();
        (await StatusAsync(english.Id)).ShouldBe(TicketStatus.Solved);

        portal.SetClock("2026-11-10 09:01");
        await Closer.RunOnceAsync();
        (await StatusAsync(english.Id)).ShouldBe(TicketStatus.Closed);
        (await StatusAsync(polish.Id)).ShouldBe(TicketStatus.Solved);
        (await StatusAsync(reopened.Id)).ShouldBe(TicketStatus.Open);

        portal.SetClock("2026-11-13 08:59");
        await Closer.RunOnceAsync();
        (await StatusAsync(polish.Id)).ShouldBe(TicketStatus.Solved);

        var versionBefore = await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == polish.Id).Select(t => t.Version).SingleAsync());
        portal.SetClock("2026-11-13 09:01");
        (await Closer.RunOnceAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await StatusAsync(polish.Id)).ShouldBe(TicketStatus.Closed);
        // An agent's form opened before the closing sees a newer version.
        (await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == polish.Id).Select(t => t.Version).SingleAsync())).ShouldBe(versionBefore + 1);

        var closing = (await EventsAsync(polish.Id, "Status")).Where(e => e.NewValue == "Closed").ToList();
        closing.Count.ShouldBe(1);
        closing[0].OldValue.ShouldBe("Solved");
        closing[0].ActorId.ShouldBeNull();
        closing[0].At.ShouldBe(SlaData.Utc("2026-11-13 09:01"));

        // Closing happens once, and the history reads as any status change does.
        (await Closer.RunOnceAsync()).ShouldBe(0);
        (await EventsAsync(polish.Id, "Status")).Count(e => e.NewValue == "Closed").ShouldBe(1);
        await portal.CreateUserAsync("closer.admin@monitor.test", "Ola", "Admin", "pl", Supportal.Accounts.Roles.Admin);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync("closer.admin@monitor.test");
        var row = (await admin.GetAsync($"/Agent/Tickets/{polish.Id}")).FindAll("[data-new]").Select(e => e.TextContent.Trim());
        row.ShouldContain("Zamknięte");
    }
}

public sealed class LoopingPortal : PortalFactory
{
    public LoopingPortal() => BackgroundLoops = true;
}

/// <summary>The monitor's own loop, as production runs it: its timer runs on the fake clock, which starts its rounds.</summary>
public sealed class SlaMonitorLoopTests(LoopingPortal installation) : IClassFixture<LoopingPortal>, IAsyncLifetime
{
    private readonly PortalFactory portal = installation.StartedAt(SlaData.Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => portal.DisposeAsync().AsTask();

    [Fact]
    public async Task Moving_the_clock_past_a_due_time_lets_the_background_round_record_the_breach()
    {
        // English team (around the clock), Normal: first reply due 8 h after creation, at 16:00.
        portal.SetClock("2026-11-17 08:00");
        var late = await portal.RequestAsync("looped@monitor.test", "en");

        // The loop's timer fires for every interval the clock passes; the round it starts runs on another thread.
        portal.SetClock("2026-11-17 16:30");
        await Eventually.TrueAsync(async () => (await portal.TargetsAsync(late.Id))[SlaMetric.FirstReply].BreachedAt is not null,
            "the background round to record the breach");

        (await portal.TargetsAsync(late.Id))[SlaMetric.FirstReply].BreachedAt.ShouldBe(SlaData.Utc("2026-11-17 16:00"));
    }
}
