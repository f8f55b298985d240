using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using Supportal.Tests.Sla;
using Supportal.Tests.Tickets;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>
/// A customer's reply to a request that was merged into another: the conversation continues in the merge target
/// (reopening it as any reply does) instead of starting a follow-up request.
/// </summary>
public sealed class MergedReplyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task MergeAsync(long duplicate, long target, Guid agentId)
    {
        using var scope = portal.RequestScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (problem, conflict) = await scope.ServiceProvider.GetRequiredService<TicketMerge>()
            .MergeAsync(duplicate, target, null, await db.Users.SingleAsync(u => u.Id == agentId));
        (problem, conflict).ShouldBe((null, false));
    }

    private Task<int> FollowUpsOfAsync(long id) => portal.WithDbAsync(db => db.Tickets.CountAsync(t => t.FollowUpOfId == id));

    private Task<List<string>> BodiesAsync(long id) =>
        portal.WithDbAsync(db => db.TicketComments.Where(c => c.TicketId == id && c.IsPublic).OrderBy(c => c.Id).Select(c => c.Body).ToListAsync());

    [Fact]
    public async Task A_reply_to_a_merged_request_goes_to_the_target_reopens_it_and_takes_the_customer_there()
    {
        var customer = await portal.CreateUserAsync("merged.reply@merged.test", "Rita", "Owner");
        await portal.CreateUserAsync("merged.colleague@merged.test");
        var agent = await portal.AgentAsync("merged.agent@merged.test");
        var target = await portal.CreateAsync(customer.Id, "Printer offline");
        var duplicate = await portal.CreateAsync(customer.Id, "Printer still offline");
        await MergeAsync(duplicate.Id, target.Id, agent.Id);
        await portal.AddCcAsync(target.Id, "merged.colleague@merged.test", customer.Id);
        await portal.ChangeAsync(target.Id, t => t.Status = TicketStatus.Pending);
        var mailsBefore = await portal.MailCountAsync("merged.colleague@merged.test");
        using var client = await portal.SignedInAsync("merged.reply@merged.test");

        var page = await RequestPage.OpenAsync(client, duplicate.Id);
        page.Find("[data-merged-into]")!.GetAttribute("data-merged-into").ShouldBe(target.Id.ToString(CultureInfo.InvariantCulture));
        page.Find("[data-closed]").ShouldBeNull();
        var after = await page.ReplyAsync("It went offline again.");

        after.Path.ShouldBe($"/Tickets/{target.Id}");
        after.Find("[role=status]")!.TextContent.ShouldBe($"This request was merged into #{target.Id}: your reply has been added there.");
        after.FindAll("[data-comment] [data-body]").Last().TextContent.ShouldContain("It went offline again.");
        (await BodiesAsync(target.Id)).Last().ShouldBe("It went offline again.");
        (await portal.TicketAsync(target.Id)).Status.ShouldBe(TicketStatus.Open);
        (await portal.EventsAsync(target.Id)).Last().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("Status"), e => e.OldValue.ShouldBe("Pending"), e => e.NewValue.ShouldBe("Open"), e => e.ActorId.ShouldBe(customer.Id));
        (await FollowUpsOfAsync(duplicate.Id)).ShouldBe(0);
        var duplicateAfter = await portal.TicketAsync(duplicate.Id);
        (duplicateAfter.Status, duplicateAfter.MergedIntoId).ShouldBe((TicketStatus.Closed, (long?)target.Id));
        // The mail about the reply goes out with it to the target's people, about the target.
        var mail = (await portal.MailsToAsync("merged.colleague@merged.test")).Skip(mailsBefore).ShouldHaveSingleItem();
        mail.TextBody.ShouldContain("It went offline again.");
        mail.Subject.ShouldContain($"#{target.Id}");
    }

    [Fact]
    public async Task A_reply_follows_a_chain_of_merges_to_the_open_end()
    {
        var customer = await portal.CreateUserAsync("merged.chain@merged.test");
        var agent = await portal.AgentAsync("merged.chain.agent@merged.test");
        var first = await portal.CreateAsync(customer.Id, "VPN down");
        var second = await portal.CreateAsync(customer.Id, "VPN down again");
        var last = await portal.CreateAsync(customer.Id, "VPN outage");
        await MergeAsync(first.Id, second.Id, agent.Id);
        await MergeAsync(second.Id, last.Id, agent.Id);
        using var client = await portal.SignedInAsync("merged.chain@merged.test");

        var page = await RequestPage.OpenAsync(client, first.Id);
        var after = await page.ReplyAsync("Any news?");

        after.Path.ShouldBe($"/Tickets/{last.Id}");
        (await BodiesAsync(last.Id)).Last().ShouldBe("Any news?");
        (await FollowUpsOfAsync(first.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task When_the_merge_target_is_closed_too_the_reply_starts_a_follow_up_as_before()
    {
        var customer = await portal.CreateUserAsync("merged.closed@merged.test");
        var agent = await portal.AgentAsync("merged.closed.agent@merged.test");
        var target = await portal.CreateAsync(customer.Id, "Disk full");
        var duplicate = await portal.CreateAsync(customer.Id, "Disk is full");
        await MergeAsync(duplicate.Id, target.Id, agent.Id);
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == target.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TicketStatus.Closed)));
        using var client = await portal.SignedInAsync("merged.closed@merged.test");

        var page = await RequestPage.OpenAsync(client, duplicate.Id);
        var after = await page.ReplyAsync("Full again.");

        var id = long.Parse(after.Path.Split('/').Last(), CultureInfo.InvariantCulture);
        id.ShouldNotBeOneOf(duplicate.Id, target.Id);
        (await portal.TicketAsync(id)).FollowUpOfId.ShouldBe(duplicate.Id);
        (await BodiesAsync(target.Id)).ShouldNotContain("Full again.");
    }
}
