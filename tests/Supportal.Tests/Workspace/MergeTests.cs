using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>Merging a duplicate into another ticket (<see cref="TicketMerge"/>) and its two-step form.</summary>
public sealed class MergeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<string?> CheckAsync(long duplicate, long target)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TicketMerge>().CheckAsync(duplicate, target);
    }

    [Fact]
    public async Task Merging_moves_comments_and_ccs_copies_the_other_requester_and_closes_the_duplicate_with_links()
    {
        var owner = await portal.CreateUserAsync("merge.owner@merge.test", "Olga", "Owner");
        var colleague = await portal.CreateUserAsync("merge.colleague@merge.test", "Cyril", "Colleague");
        await portal.CreateUserAsync("merge.cc@merge.test");
        var target = await portal.CreateAsync(owner.Id, "Mail server down", "Nobody gets mail.");
        var duplicate = await portal.CreateAsync(colleague.Id, "No e-mail since 9:00", "Mail is broken.", FollowData.File("error.png", FollowData.Png));
        await portal.AddCcAsync(duplicate.Id, "merge.cc@merge.test", colleague.Id);
        await portal.AgentAsync("merge.agent@merge.test", "Mia", "Merger");
        using var client = await portal.SignedInAsync("merge.agent@merge.test");
        var page = await client.GetAsync($"/Agent/Tickets/{duplicate.Id}");

        var confirm = await client.SubmitAsync(page.Form("form[data-merge-form]"), new Dictionary<string, string> { ["Merge.Target"] = target.Id.ToString(CultureInfo.InvariantCulture) });
        confirm.Find("[data-merge-confirm]")!.TextContent.ShouldContain("Mail server down");
        (await portal.TicketAsync(duplicate.Id)).MergedIntoId.ShouldBeNull();
        var merged = await client.SubmitAsync(confirm.Form("form[data-merge-form]"));

        merged.Path.ShouldBe($"/Agent/Tickets/{target.Id}");
        merged.Find("[role=status]")!.TextContent.ShouldBe($"Ticket #{duplicate.Id} has been merged into #{target.Id}.");
        var bodies = merged.FindAll("[data-comment] [data-body]").Select(b => b.TextContent.Trim()).ToList();
        bodies.ShouldContain("Nobody gets mail.");
        bodies.ShouldContain("Mail is broken.");
        bodies.ShouldContain($"Ticket #{duplicate.Id} was merged into this ticket.");
        merged.FindAll("[data-comment][data-public='false']").ShouldHaveSingleItem();
        merged.Text.ShouldContain("error.png");
        var after = await portal.TicketAsync(target.Id);
        after.Ccs.Select(c => c.UserId).ShouldBe([colleague.Id, (await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "merge.cc@merge.test"))).Id], ignoreOrder: true);
        (await portal.EventsAsync(target.Id)).Select(e => e.Field).ShouldBe(["Cc", "Cc", "Merged"], ignoreOrder: true);

        var closed = await portal.TicketAsync(duplicate.Id);
        (closed.Status, closed.MergedIntoId).ShouldBe((TicketStatus.Closed, (long?)target.Id));
        closed.Ccs.ShouldBeEmpty();
        var left = await portal.WithDbAsync(db => db.TicketComments.Where(c => c.TicketId == duplicate.Id).Select(c => new { c.Body, c.IsPublic }).ToListAsync());
        left.ShouldHaveSingleItem().ShouldBe(new { Body = $"This ticket was merged into #{target.Id}.", IsPublic = false });
        // The first is the colleague copying someone before the merge.
        (await portal.EventsAsync(duplicate.Id)).Select(e => (e.Field, e.NewValue))
            .ShouldBe([("Cc", "merge.cc@merge.test"), ("MergedInto", $"#{target.Id}"), ("Status", "Closed")], ignoreOrder: true);
        var duplicatePage = await client.GetAsync($"/Agent/Tickets/{duplicate.Id}");
        duplicatePage.Find($"[data-merged-into='{target.Id}'] a")!.GetAttribute("href").ShouldBe($"/Agent/Tickets/{target.Id}");

        // The customer of the duplicate, now copied on the target, sees its public conversation but not the notes.
        using var customer = await portal.SignedInAsync("merge.colleague@merge.test");
        var request = await customer.GetAsync($"/Tickets/{target.Id}");
        request.Text.ShouldContain("Mail is broken.");
        request.Text.ShouldNotContain("was merged into");
    }

    [Fact]
    public async Task Merging_into_itself_a_closed_ticket_or_a_merged_one_is_refused_at_the_field()
    {
        var owner = await portal.CreateUserAsync("merge.refuse@merge.test");
        var duplicate = await portal.CreateAsync(owner.Id, "Duplicate");
        var closed = await portal.CreateAsync(owner.Id, "Closed one");
        var mergedAway = await portal.CreateAsync(owner.Id, "Merged away");
        var target = await portal.CreateAsync(owner.Id, "Target");
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == closed.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TicketStatus.Closed)));
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == mergedAway.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.MergedIntoId, target.Id)));
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == duplicate.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Priority, TicketPriority.High)));

        (await CheckAsync(duplicate.Id, duplicate.Id)).ShouldBe("Workflow.Merge.Self");
        (await CheckAsync(duplicate.Id, closed.Id)).ShouldBe("Workflow.Merge.Closed");
        (await CheckAsync(duplicate.Id, mergedAway.Id)).ShouldBe("Workflow.Merge.AlreadyMerged");
        (await CheckAsync(duplicate.Id, 999999)).ShouldBe("Workflow.Merge.NotFound");
        (await CheckAsync(closed.Id, target.Id)).ShouldBe("Workflow.ClosedReadOnly");
        (await CheckAsync(duplicate.Id, target.Id)).ShouldBeNull();

        using var client = await portal.SignedInAsync("agent@example.com");
        var page = await client.GetAsync($"/Agent/Tickets/{duplicate.Id}");
        var self = await client.SubmitAsync(page.Form("form[data-merge-form]"), new Dictionary<string, string> { ["Merge.Target"] = duplicate.Id.ToString(CultureInfo.InvariantCulture) });
        self.FieldError("Merge.Target").ShouldBe("A ticket cannot be merged into itself.");
        var intoClosed = await client.SubmitAsync(page.Form("form[data-merge-form]"), new Dictionary<string, string> { ["Merge.Target"] = closed.Id.ToString(CultureInfo.InvariantCulture) });
        intoClosed.FieldError("Merge.Target").ShouldBe($"Ticket #{closed.Id} is closed.");
        intoClosed.Find("[data-merge]")!.HasAttribute("open").ShouldBeTrue();
        // The ticket's own form next to it still shows the ticket as it is.
        intoClosed.Find("input[name='Input.Tags']")!.GetAttribute("value").ShouldBe("");
        intoClosed.Find("select[name='Input.Priority'] option[selected]")!.GetAttribute("value").ShouldBe("High");
        intoClosed.Find("input[name='Input.Version']")!.GetAttribute("value").ShouldBe((await portal.TicketAsync(duplicate.Id)).Version.ToString(CultureInfo.InvariantCulture));
        // A forged confirmation skips no rule.
        var forged = await client.SubmitAsync(page.Form("form[data-merge-form]"),
            new Dictionary<string, string> { ["Merge.Target"] = mergedAway.Id.ToString(CultureInfo.InvariantCulture), ["Merge.Confirm"] = "true" });
        forged.FieldError("Merge.Target").ShouldBe($"Ticket #{mergedAway.Id} was itself merged into another ticket.");
        (await portal.TicketAsync(duplicate.Id)).Status.ShouldBe(TicketStatus.New);
    }
}
