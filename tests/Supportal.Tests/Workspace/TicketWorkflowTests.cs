using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Sla;
using Supportal.Tests.Tickets;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>The status and field rules of <see cref="TicketWorkflow"/>, against the real database.</summary>
public sealed class TicketWorkflowTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_note_opens_a_new_ticket_without_mail_and_a_public_reply_sets_the_first_reply_once_and_mails_the_requester()
    {
        var requester = await portal.CreateUserAsync("wf.first@workflow.test", "Rita", "Owner");
        var agent = await portal.AgentAsync("wf.agent1@workflow.test");
        var ticket = await portal.CreateAsync(requester.Id, "Printer offline");
        var mails = await portal.MailCountAsync(requester.Email!);

        var noted = await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Comment = "Customer is a VIP, be gentle", CommentIsPublic = false });

        noted.Saved.ShouldBeTrue();
        var afterNote = await portal.TicketAsync(ticket.Id);
        afterNote.Status.ShouldBe(TicketStatus.Open);
        afterNote.FirstReplyAt.ShouldBeNull();
        afterNote.UpdatedAt.ShouldBe(ticket.UpdatedAt);
        (await portal.MailCountAsync(requester.Email!)).ShouldBe(mails);
        var status = (await portal.EventsAsync(ticket.Id)).ShouldHaveSingleItem();
        (status.Field, status.OldValue, status.NewValue, status.ActorId).ShouldBe(("Status", "New", "Open", (Guid?)agent.Id));

        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var firstReplyAt = portal.Clock.GetUtcNow().UtcDateTime;
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Comment = "Please restart it.", Status = TicketStatus.Pending })).Saved.ShouldBeTrue();
        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Comment = "Any news?" })).Saved.ShouldBeTrue();

        var after = await portal.TicketAsync(ticket.Id);
        after.Status.ShouldBe(TicketStatus.Pending);
        after.FirstReplyAt.ShouldBe(firstReplyAt);
        after.UpdatedAt.ShouldBe(firstReplyAt.AddMinutes(5));
        var sent = (await portal.MailsToAsync(requester.Email!)).Skip(mails).ToList();
        sent.Count.ShouldBe(2);
        sent[0].TextBody.ShouldContain("Please restart it.");
        sent.ShouldAllBe(m => !m.TextBody.Contains("VIP"));
    }

    [Fact]
    public async Task Solving_needs_an_assignee_and_sets_then_clears_the_solved_time()
    {
        var requester = await portal.CreateUserAsync("wf.solve@workflow.test");
        var agent = await portal.AgentAsync("wf.agent2@workflow.test");
        var ticket = await portal.CreateAsync(requester.Id, "Cannot log in");

        var refused = await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Status = TicketStatus.Solved, Comment = "Fixed." });

        refused.Saved.ShouldBeFalse();
        refused.Errors.GetValueOrDefault("Status").ShouldBe("Workflow.SolvedNeedsAssignee");
        (await portal.TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.New);
        (await portal.EventsAsync(ticket.Id)).ShouldBeEmpty();
        (await portal.WithDbAsync(db => db.TicketComments.CountAsync(c => c.TicketId == ticket.Id))).ShouldBe(1);

        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Status = TicketStatus.Solved, Assignee = new(agent.Id) })).Saved.ShouldBeTrue();
        var solved = await portal.TicketAsync(ticket.Id);
        solved.Status.ShouldBe(TicketStatus.Solved);
        solved.SolvedAt.ShouldBe(portal.Clock.GetUtcNow().UtcDateTime);
        solved.AssigneeId.ShouldBe(agent.Id);

        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Status = TicketStatus.Open })).Saved.ShouldBeTrue();
        (await portal.TicketAsync(ticket.Id)).SolvedAt.ShouldBeNull();
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Assignee = new(null), Status = TicketStatus.Solved }))
            .Errors.GetValueOrDefault("Status").ShouldBe("Workflow.SolvedNeedsAssignee");
    }

    [Fact]
    public async Task A_request_its_customer_solved_unassigned_takes_a_note_and_stays_so_but_an_agent_solving_still_assigns()
    {
        var requester = await portal.CreateUserAsync("wf.self@workflow.test");
        var agent = await portal.AgentAsync("wf.agent7@workflow.test");
        var ticket = await portal.CreateAsync(requester.Id, "Sorted it myself");
        await portal.CustomerSolvesAsync(ticket.Id);

        // As the ticket screen saves it: every field as it is, the assignee empty.
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges
        {
            Assignee = new(null), Group = new(ticket.GroupId), AddTags = ["cabling"], Comment = "The cable was loose.", CommentIsPublic = false,
        })).Saved.ShouldBeTrue();

        var noted = await portal.TicketAsync(ticket.Id);
        (noted.Status, noted.AssigneeId).ShouldBe((TicketStatus.Solved, (Guid?)null));
        noted.Tags.ShouldHaveSingleItem().Tag.ShouldBe("cabling");
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Status = TicketStatus.Open })).Saved.ShouldBeTrue();
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Status = TicketStatus.Solved }))
            .Errors.GetValueOrDefault("Status").ShouldBe("Workflow.SolvedNeedsAssignee");
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Status = TicketStatus.Solved, Assignee = new(agent.Id) })).Saved.ShouldBeTrue();
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Assignee = new(null) }))
            .Errors.GetValueOrDefault("Status").ShouldBe("Workflow.SolvedNeedsAssignee");
    }

    [Fact]
    public async Task Agents_cannot_close_or_renew_by_hand_and_a_closed_ticket_is_read_only()
    {
        var requester = await portal.CreateUserAsync("wf.closed@workflow.test");
        var agent = await portal.AgentAsync("wf.agent3@workflow.test");
        var ticket = await portal.CreateAsync(requester.Id, "Old issue");
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Status = TicketStatus.Closed }))
            .Errors.GetValueOrDefault("Status").ShouldBe("Workflow.CannotClose");
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Status = TicketStatus.Open })).Saved.ShouldBeTrue();
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Status = TicketStatus.New }))
            .Errors.GetValueOrDefault("Status").ShouldBe("Workflow.CannotSetNew");

        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TicketStatus.Closed)));
        var refused = await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Comment = "One more thing", CommentIsPublic = false, Priority = TicketPriority.High });

        refused.Errors.GetValueOrDefault(TicketWorkflow.General).ShouldBe("Workflow.ClosedReadOnly");
        var after = await portal.TicketAsync(ticket.Id);
        (after.Status, after.Priority).ShouldBe((TicketStatus.Closed, TicketPriority.Normal));
    }

    [Fact]
    public async Task Every_changed_field_writes_one_history_row_with_old_and_new_values()
    {
        var requester = await portal.CreateUserAsync("wf.fields@workflow.test");
        var agent = await portal.AgentAsync("wf.agent4@workflow.test", "Greta", "Agent");
        var ticket = await portal.CreateAsync(requester.Id, "Slow VPN");
        await portal.CreateUserAsync("wf.cc@workflow.test");

        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges
        {
            Status = TicketStatus.OnHold, Priority = TicketPriority.Urgent, Group = new(1), Assignee = new(agent.Id),
            Tags = TicketChanges.SplitTags("VPN  network vpn"), AddCcs = ["wf.cc@workflow.test"],
        })).Saved.ShouldBeTrue();
        var first = (await portal.EventsAsync(ticket.Id)).ToDictionary(e => e.Field, e => (e.OldValue, e.NewValue));
        first["Priority"].ShouldBe(("Normal", "Urgent"));
        first["Group"].ShouldBe(("English team", "Polish team")); // routed to the English team when raised
        first["Assignee"].ShouldBe(((string?)null, "Greta Agent"));
        first["Tags"].ShouldBe(((string?)null, "vpn network"));
        first["Cc"].ShouldBe(((string?)null, "wf.cc@workflow.test"));
        first["Status"].ShouldBe(("New", "OnHold"));
        first.Count.ShouldBe(6);

        var ccId = (await portal.TicketAsync(ticket.Id)).Ccs.ShouldHaveSingleItem().UserId;
        var count = first.Count;
        // The same values again change nothing and write nothing.
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Priority = TicketPriority.Urgent, Tags = ["network", "vpn"] })).Events.ShouldBeEmpty();
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Tags = ["network", "printer"], RemoveCcs = [ccId], Group = new(2) })).Saved.ShouldBeTrue();

        var second = (await portal.EventsAsync(ticket.Id)).Skip(count).ToDictionary(e => e.Field, e => (e.OldValue, e.NewValue));
        second["Tags"].ShouldBe(("vpn", "printer"));
        second["Cc"].ShouldBe(("wf.cc@workflow.test", (string?)null));
        second["Group"].ShouldBe(("Polish team", "English team"));
        second.Count.ShouldBe(3);
        var after = await portal.TicketAsync(ticket.Id);
        after.Tags.Select(t => t.Tag).Order().ShouldBe(["network", "printer"]);
        after.Ccs.ShouldBeEmpty();
        after.Status.ShouldBe(TicketStatus.OnHold);
    }

    [Fact]
    public async Task Only_agents_can_be_assigned_and_tags_have_a_length_limit()
    {
        var requester = await portal.CreateUserAsync("wf.rules@workflow.test");
        var agent = await portal.AgentAsync("wf.agent5@workflow.test");
        var ticket = await portal.CreateAsync(requester.Id, "Question");

        var result = await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Assignee = new(requester.Id), Tags = [new string('x', 51)], Group = new(999) });

        result.Errors.GetValueOrDefault("Assignee").ShouldBe("Workflow.NotAnAgent");
        result.Errors.GetValueOrDefault("Tags").ShouldBe("Workflow.TagTooLong");
        result.Errors.GetValueOrDefault("Group").ShouldBe("Workflow.UnknownGroup");
        (await portal.EventsAsync(ticket.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reply_keeping_an_assignee_who_has_since_left_support_is_saved_but_assigning_them_again_is_refused()
    {
        var requester = await portal.CreateUserAsync("wf.left@workflow.test");
        var agent = await portal.AgentAsync("wf.keeper@workflow.test");
        var leaver = await portal.AgentAsync("wf.leaver@workflow.test");
        var ticket = await portal.CreateAsync(requester.Id, "Handed over");
        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Assignee = new(leaver.Id) })).Saved.ShouldBeTrue();
        await portal.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == leaver.Id).ExecuteDeleteAsync());

        // The screen posts the side panel as it is with every reply.
        var reply = await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Assignee = new(leaver.Id), Comment = "Still on it", CommentIsPublic = true });
        reply.Errors.ShouldBeEmpty();
        reply.Saved.ShouldBeTrue();

        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Assignee = new(null) })).Saved.ShouldBeTrue();
        var again = await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Assignee = new(leaver.Id) });
        again.Errors.GetValueOrDefault("Assignee").ShouldBe("Workflow.NotAnAgent");
        (await portal.TicketAsync(ticket.Id)).AssigneeId.ShouldBeNull();
    }

    [Fact]
    public async Task A_save_based_on_an_old_version_is_refused_and_writes_nothing()
    {
        var requester = await portal.CreateUserAsync("wf.version@workflow.test");
        var agent = await portal.AgentAsync("wf.agent6@workflow.test");
        var ticket = await portal.CreateAsync(requester.Id, "Race");
        var seen = (await portal.TicketAsync(ticket.Id)).Version;

        (await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Comment = "note", CommentIsPublic = false }, seen)).Saved.ShouldBeTrue();
        var stale = await portal.ApplyAsync(ticket.Id, agent.Id, new TicketChanges { Priority = TicketPriority.High }, seen);

        stale.Conflict.ShouldBeTrue();
        (await portal.TicketAsync(ticket.Id)).Priority.ShouldBe(TicketPriority.Normal);
        (await portal.TicketAsync(ticket.Id)).Version.ShouldBe(seen + 1);
    }
}
