using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Data;
using Supportal.Sla;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tests.Workspace;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Sla;

/// <summary>
/// Targets through a ticket's life. The seeded Standard level (no contract) counts business hours of the ticket's
/// group: the Polish team works Mon–Fri 08:00–16:00 Warsaw time (07:00–15:00Z in November), the English team
/// around the clock. Normal priority: first reply 8 h, resolution 40 h.
/// </summary>
public sealed class SlaTrackerTests(PortalFactory installation) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // Each test sets instants of its own, and the clock only moves forward: every test runs on the app started
    // again over the class's database, with a clock of its own.
    private readonly PortalFactory portal = installation.StartedAt(SlaData.Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => portal.DisposeAsync().AsTask();

    [Fact]
    public async Task A_request_goes_to_its_language_team_and_gets_both_targets_in_that_teams_hours()
    {
        // Saturday 21 November, 11:00 Warsaw time: the Polish team's clock starts on Monday at 08:00.
        portal.SetClock("2026-11-21 10:00");
        var polish = await portal.RequestAsync("jan@sla.test", "pl");
        var english = await portal.RequestAsync("john@sla.test", "en");

        var groups = await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == polish.Id || t.Id == english.Id)
            .Select(t => new { t.Id, Group = t.Group!.Name }).ToDictionaryAsync(t => t.Id, t => t.Group));
        groups[polish.Id].ShouldBe("Polish team");
        groups[english.Id].ShouldBe("English team");

        var pl = await portal.TargetsAsync(polish.Id);
        pl[SlaMetric.FirstReply].TargetSeconds.ShouldBe(8 * 3600);
        pl[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2026-11-23 15:00"));
        // At risk with a quarter (2 h) left: Monday 14:00 Warsaw.
        pl[SlaMetric.FirstReply].AtRiskAt.ShouldBe(SlaData.Utc("2026-11-23 13:00"));
        // 40 office hours: the whole week to Friday 16:00.
        pl[SlaMetric.Resolution].DueAt.ShouldBe(SlaData.Utc("2026-11-27 15:00"));
        pl[SlaMetric.Resolution].AtRiskAt.ShouldBe(SlaData.Utc("2026-11-26 13:00"));
        pl.Values.ShouldAllBe(s => s.FulfilledAt == null && s.BreachedAt == null && s.LeftSecondsWhilePaused == null);
        // Created with its targets, the request needs attention from the earlier at-risk point.
        (await AtRiskSinceAsync(polish.Id)).ShouldBe(SlaData.Utc("2026-11-23 13:00"));

        var en = await portal.TargetsAsync(english.Id);
        en[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2026-11-21 18:00"));
        en[SlaMetric.Resolution].DueAt.ShouldBe(SlaData.Utc("2026-11-23 02:00"));
    }

    [Fact]
    public async Task The_first_agent_reply_fulfils_the_first_reply_target_only()
    {
        portal.SetClock("2026-11-17 08:00");
        var ticket = await portal.RequestAsync("first.reply@sla.test", "pl");
        portal.SetClock("2026-11-17 09:30");

        await portal.ChangeAsync(ticket.Id, t => { t.FirstReplyAt = SlaData.Utc("2026-11-17 09:30"); t.Status = TicketStatus.Open; });

        var targets = await portal.TargetsAsync(ticket.Id);
        targets[SlaMetric.FirstReply].FulfilledAt.ShouldBe(SlaData.Utc("2026-11-17 09:30"));
        targets[SlaMetric.FirstReply].LeftSecondsWhilePaused.ShouldBe((long)(6.5 * 3600));
        targets[SlaMetric.FirstReply].AtRiskAt.ShouldBeNull();
        targets[SlaMetric.Resolution].FulfilledAt.ShouldBeNull();
        targets[SlaMetric.Resolution].DueAt.ShouldBe(SlaData.Utc("2026-11-24 08:00"));

        // Later changes leave a met target alone.
        portal.SetClock("2026-11-17 12:00");
        await portal.ChangeAsync(ticket.Id, t => t.Priority = TicketPriority.Urgent);
        (await portal.TargetsAsync(ticket.Id))[SlaMetric.FirstReply].FulfilledAt.ShouldBe(SlaData.Utc("2026-11-17 09:30"));
    }

    [Fact]
    public async Task Pending_pauses_the_clock_and_the_customers_reply_resumes_it_with_the_same_time_left()
    {
        // Friday 20 November 15:00 Warsaw; the agent asks a question at 15:30 (half an hour used).
        portal.SetClock("2026-11-20 14:00");
        var ticket = await portal.RequestAsync("pending@sla.test", "pl");
        portal.SetClock("2026-11-20 14:30");
        await portal.ChangeAsync(ticket.Id, t => { t.FirstReplyAt = SlaData.Utc("2026-11-20 14:30"); t.Status = TicketStatus.Pending; });

        var paused = (await portal.TargetsAsync(ticket.Id))[SlaMetric.Resolution];
        paused.DueAt.ShouldBeNull();
        paused.AtRiskAt.ShouldBeNull();
        paused.LeftSecondsWhilePaused.ShouldBe((long)(39.5 * 3600));
        (await AtRiskSinceAsync(ticket.Id)).ShouldBeNull();

        // The customer answers on Monday at 10:00 Warsaw: 39.5 office hours from then end on the next Monday 09:30.
        portal.SetClock("2026-11-23 09:00");
        await portal.CustomerRepliesAsync(ticket.Id);

        var resumed = (await portal.TargetsAsync(ticket.Id))[SlaMetric.Resolution];
        resumed.LeftSecondsWhilePaused.ShouldBeNull();
        resumed.DueAt.ShouldBe(SlaData.Utc("2026-11-30 08:30"));
        // A quarter of 40 h (10 h) before that: Thursday 15:30 Warsaw; the ticket keeps it for the SLA view.
        resumed.AtRiskAt.ShouldBe(SlaData.Utc("2026-11-26 14:30"));
        (await AtRiskSinceAsync(ticket.Id)).ShouldBe(SlaData.Utc("2026-11-26 14:30"));
        (await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).Select(t => t.Status).SingleAsync())).ShouldBe(TicketStatus.Open);

        // On-hold pauses as well.
        portal.SetClock("2026-11-23 10:00");
        await portal.ChangeAsync(ticket.Id, t => t.Status = TicketStatus.OnHold);
        (await portal.TargetsAsync(ticket.Id))[SlaMetric.Resolution].LeftSecondsWhilePaused.ShouldBe((long)(38.5 * 3600));
    }

    [Fact]
    public async Task A_new_priority_keeps_the_time_used_and_applies_its_own_target()
    {
        // English team, around the clock. Two hours after creation the priority goes from Normal to High
        // (first reply 4 h, resolution 16 h).
        portal.SetClock("2026-11-17 08:00");
        var ticket = await portal.RequestAsync("priority@sla.test", "en");
        portal.SetClock("2026-11-17 10:00");
        await portal.ChangeAsync(ticket.Id, t => t.Priority = TicketPriority.High);

        var high = await portal.TargetsAsync(ticket.Id);
        high[SlaMetric.FirstReply].TargetSeconds.ShouldBe(4 * 3600);
        high[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2026-11-17 12:00"));
        high[SlaMetric.FirstReply].AtRiskAt.ShouldBe(SlaData.Utc("2026-11-17 11:00"));
        high[SlaMetric.Resolution].DueAt.ShouldBe(SlaData.Utc("2026-11-18 00:00"));

        // Urgent (1 h, 8 h) after three hours: the first reply is already two hours late and stays overdue.
        portal.SetClock("2026-11-17 11:00");
        await portal.ChangeAsync(ticket.Id, t => t.Priority = TicketPriority.Urgent);
        var urgent = await portal.TargetsAsync(ticket.Id);
        urgent[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2026-11-17 09:00"));
        urgent[SlaMetric.Resolution].DueAt.ShouldBe(SlaData.Utc("2026-11-17 16:00"));

        // The same while paused: the time left changes, the pause stays.
        await portal.ChangeAsync(ticket.Id, t => t.Status = TicketStatus.Pending);
        await portal.ChangeAsync(ticket.Id, t => t.Priority = TicketPriority.Normal);
        var normal = (await portal.TargetsAsync(ticket.Id))[SlaMetric.Resolution];
        normal.DueAt.ShouldBeNull();
        normal.LeftSecondsWhilePaused.ShouldBe(37 * 3600);
    }

    [Fact]
    public async Task A_note_or_a_later_reply_leaves_the_targets_alone_and_the_next_change_that_moves_them_uses_a_changed_policy()
    {
        // English team, around the clock: Normal is 8 h to the first reply and 40 h to resolution.
        portal.SetClock("2026-11-17 08:00");
        var ticket = await portal.RequestAsync("unaffected@sla.test", "en");
        var agent = await portal.AgentAsync("unaffected.agent@sla.test");
        portal.SetClock("2026-11-17 09:00");
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Comment = "Looking.", Status = TicketStatus.Open })).Saved.ShouldBeTrue();
        var before = await portal.TargetsAsync(ticket.Id);
        before[SlaMetric.Resolution].DueAt.ShouldBe(SlaData.Utc("2026-11-19 00:00"));

        var standard = await portal.WithDbAsync(db => db.SlaPolicies.SingleAsync(p => p.ServiceLevelId == SlaTracker.StandardServiceLevel && p.Priority == TicketPriority.Normal));
        await SetResolutionMinutesAsync(standard.Id, 20 * 60);
        try
        {
            portal.SetClock("2026-11-17 10:00");
            (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Comment = "Asked the vendor.", CommentIsPublic = false })).Saved.ShouldBeTrue();
            (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Comment = "Still looking.", AddTags = ["vendor"] })).Saved.ShouldBeTrue();
            var after = await portal.TargetsAsync(ticket.Id);
            after[SlaMetric.Resolution].DueAt.ShouldBe(before[SlaMetric.Resolution].DueAt);
            after[SlaMetric.Resolution].TargetSeconds.ShouldBe(40 * 3600);

            (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Status = TicketStatus.OnHold })).Saved.ShouldBeTrue();
            var held = (await portal.TargetsAsync(ticket.Id))[SlaMetric.Resolution];
            held.TargetSeconds.ShouldBe(20 * 3600);
            held.LeftSecondsWhilePaused.ShouldBe(18 * 3600);
        }
        finally
        {
            await SetResolutionMinutesAsync(standard.Id, standard.ResolutionMinutes);
        }
    }

    private Task<int> SetResolutionMinutesAsync(int policyId, int minutes) => portal.WithDbAsync(db =>
        db.SlaPolicies.Where(p => p.Id == policyId).ExecuteUpdateAsync(p => p.SetProperty(x => x.ResolutionMinutes, minutes)));

    [Fact]
    public async Task Solving_fulfils_the_targets_and_a_reopen_continues_with_the_time_that_was_left()
    {
        portal.SetClock("2026-11-17 08:00");
        var ticket = await portal.RequestAsync("solved@sla.test", "en");
        portal.SetClock("2026-11-17 09:00");
        await portal.ChangeAsync(ticket.Id, t => { t.FirstReplyAt = SlaData.Utc("2026-11-17 09:00"); t.Status = TicketStatus.Open; });
        portal.SetClock("2026-11-17 13:00");
        await portal.CustomerSolvesAsync(ticket.Id);

        var solved = await portal.TargetsAsync(ticket.Id);
        solved[SlaMetric.Resolution].FulfilledAt.ShouldBe(SlaData.Utc("2026-11-17 13:00"));
        solved[SlaMetric.Resolution].LeftSecondsWhilePaused.ShouldBe(35 * 3600);
        solved[SlaMetric.FirstReply].FulfilledAt.ShouldBe(SlaData.Utc("2026-11-17 09:00"));
        (await AtRiskSinceAsync(ticket.Id)).ShouldBeNull();

        portal.SetClock("2026-11-19 08:00");
        await portal.CustomerRepliesAsync(ticket.Id);

        var reopened = await portal.TargetsAsync(ticket.Id);
        reopened[SlaMetric.Resolution].FulfilledAt.ShouldBeNull();
        reopened[SlaMetric.Resolution].DueAt.ShouldBe(SlaData.Utc("2026-11-20 19:00"));
        reopened[SlaMetric.FirstReply].FulfilledAt.ShouldBe(SlaData.Utc("2026-11-17 09:00"));
        (await AtRiskSinceAsync(ticket.Id)).ShouldBe(reopened[SlaMetric.Resolution].AtRiskAt);
    }

    private Task<DateTime?> AtRiskSinceAsync(long ticketId) =>
        portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.SlaAtRiskAt).SingleAsync());

    [Fact]
    public async Task A_request_entered_after_its_due_times_records_its_breaches_with_its_first_save()
    {
        // Requests entered with a past creation time (the demo data): raised on Wednesday 08:00, answered Thursday
        // 08:00 and waiting for the customer since. The late answer and the resolution due on Friday 00:00 are
        // breaches of the new request, saved with it.
        portal.SetClock("2026-11-20 12:00");
        var requester = await portal.CreateUserAsync("entered.late@sla.test", "Kim", "Customer");
        long id;
        using (var scope = portal.RequestScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ticket = new Ticket
            {
                Subject = "VPN drops", RequesterId = requester.Id, GroupId = SlaSeed.EnglishTeam, Status = TicketStatus.Pending,
                CreatedAt = SlaData.Utc("2026-11-18 08:00"), UpdatedAt = SlaData.Utc("2026-11-19 08:00"), FirstReplyAt = SlaData.Utc("2026-11-19 08:00"),
            };
            db.Tickets.Add(ticket);
            await scope.ServiceProvider.GetRequiredService<SlaTracker>().UpdateAsync(ticket);
            await db.SaveChangesAsync();
            id = ticket.Id;
        }

        var targets = await portal.TargetsAsync(id);
        targets[SlaMetric.FirstReply].BreachedAt.ShouldBe(SlaData.Utc("2026-11-18 16:00"));
        targets[SlaMetric.Resolution].BreachedAt.ShouldBe(SlaData.Utc("2026-11-20 00:00"));
        var events = await portal.WithDbAsync(db => db.TicketEvents.Where(e => e.TicketId == id && e.Field == "Sla").OrderBy(e => e.At).ToListAsync());
        events.Select(e => (e.NewValue, e.At)).ShouldBe([("FirstReply", SlaData.Utc("2026-11-18 16:00")), ("Resolution", SlaData.Utc("2026-11-20 00:00"))]);
    }

    [Fact]
    public async Task An_asset_under_a_premium_contract_gets_the_premium_targets()
    {
        portal.SetClock("2026-11-21 10:00");
        var ticket = await portal.RequestAsync("premium@sla.test", "en");
        var assetId = await portal.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.FirstAsync();
            await db.Contracts.Where(c => c.Id == contract.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.ServiceLevelId, 2));
            return await db.Assets.Where(a => a.ContractId == contract.Id).Select(a => a.Id).FirstAsync();
        });
        using (var scope = portal.RequestScope())
        {
            var tracker = scope.ServiceProvider.GetRequiredService<SlaTracker>();
            (await tracker.ServiceLevelAsync(new Ticket { Subject = "x", AssetId = assetId })).ShouldBe(2);
            (await tracker.ServiceLevelAsync(new Ticket { Subject = "x" })).ShouldBe(SlaTracker.StandardServiceLevel);
        }
        await portal.ChangeAsync(ticket.Id, t => t.AssetId = assetId);

        // Premium Normal: first reply 4 h, resolution 24 h of plain time from Saturday 10:00Z.
        var targets = await portal.TargetsAsync(ticket.Id);
        targets[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2026-11-21 14:00"));
        targets[SlaMetric.Resolution].DueAt.ShouldBe(SlaData.Utc("2026-11-22 10:00"));
    }

    [Fact]
    public async Task Moving_to_a_team_with_other_hours_keeps_the_time_left_and_counts_it_in_the_new_hours()
    {
        // Saturday 11:00 Warsaw: the Polish team has used none of the 8 hours (its day starts on Monday).
        portal.SetClock("2026-11-21 10:00");
        var ticket = await portal.RequestAsync("moved@sla.test", "pl");
        portal.SetClock("2026-11-21 12:00");
        await portal.ChangeAsync(ticket.Id, t => t.GroupId = SlaSeed.EnglishTeam);

        // The English team works around the clock: all 8 hours from now.
        var english = await portal.TargetsAsync(ticket.Id);
        english[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2026-11-21 20:00"));
        english[SlaMetric.FirstReply].AtRiskAt.ShouldBe(SlaData.Utc("2026-11-21 18:00"));
        english[SlaMetric.Resolution].DueAt.ShouldBe(SlaData.Utc("2026-11-23 04:00"));

        // Back to the Polish team on Saturday 15:00Z with 3 hours used: 5 hours left, Monday 08:00–13:00 Warsaw.
        portal.SetClock("2026-11-21 15:00");
        await portal.ChangeAsync(ticket.Id, t => t.GroupId = SlaSeed.PolishTeam);
        (await portal.TargetsAsync(ticket.Id))[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2026-11-23 12:00"));
    }

    [Fact]
    public async Task Moving_to_a_team_that_shares_the_calendar_keeps_the_due_times()
    {
        portal.SetClock("2026-11-23 08:00");
        var ticket = await portal.RequestAsync("sibling@sla.test", "pl");
        var before = await portal.TargetsAsync(ticket.Id);
        var secondLine = await portal.WithDbAsync(async db =>
        {
            var polish = await db.Groups.SingleAsync(g => g.Id == SlaSeed.PolishTeam);
            var group = new Group { Name = "Polish second line", CalendarId = polish.CalendarId };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            return group.Id;
        });

        // Two working hours used in the Polish team's calendar, which the second line shares: nothing to recount.
        portal.SetClock("2026-11-23 10:00");
        await portal.ChangeAsync(ticket.Id, t => t.GroupId = secondLine);

        var after = await portal.TargetsAsync(ticket.Id);
        after.Values.Select(t => (t.Metric, t.DueAt, t.AtRiskAt)).ShouldBe(before.Values.Select(t => (t.Metric, t.DueAt, t.AtRiskAt)));
        after[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2026-11-24 08:00"));
    }
}

/// <summary>How many statements the tracker sends for a new request.</summary>
public sealed class SlaTrackerStatementTests(EveryQueryPortal portal) : IClassFixture<EveryQueryPortal>
{
    [Fact]
    public async Task A_new_request_reads_its_service_level_once_for_its_routing_and_its_targets()
    {
        var requester = await portal.CreateUserAsync("sla.statements@sla.test");

        portal.Queries.Sent.Clear();
        var ticket = await portal.CreateAsync(requester.Id, "Level read once");

        // The level's statement, as either database quotes it.
        portal.Queries.Sent.Count(q => q.Replace("\"", "").StartsWith("SELECT c.ServiceLevelId\nFROM Contracts", StringComparison.Ordinal))
            .ShouldBe(1);
        (await portal.TargetsAsync(ticket.Id)).Count.ShouldBe(2);
    }
}
