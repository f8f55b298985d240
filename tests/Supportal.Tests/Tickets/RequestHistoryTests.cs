using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using Supportal.Tests.Workspace;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

/// <summary>What a customer changes on the request page goes into the ticket's history, as an agent's change does.</summary>
public sealed class RequestHistoryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_reply_reopens_an_on_hold_request_with_the_customer_in_its_history()
    {
        var requester = await portal.CreateUserAsync("hold.owner@request.test");
        var ticket = await portal.CreateAsync(requester.Id, "Waiting for the vendor");
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TicketStatus.OnHold)));
        using var client = await portal.SignedInAsync("hold.owner@request.test");
        var page = await RequestPage.OpenAsync(client, ticket.Id);
        // On-hold is agents' business: the customer sees the request as open.
        page.Find("[data-status]")!.GetAttribute("data-status").ShouldBe("Open");

        await page.ReplyAsync("The vendor called me directly.");

        (await portal.TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Open);
        var change = await portal.WithDbAsync(db => db.TicketEvents.SingleAsync(e => e.TicketId == ticket.Id && e.Field == "Status"));
        (change.ActorId, change.OldValue, change.NewValue).ShouldBe((requester.Id, "OnHold", "Open"));
    }

    [Fact]
    public async Task A_customer_copying_someone_and_taking_them_off_shows_in_the_agents_history_and_stales_an_open_agent_form()
    {
        var requester = await portal.CreateUserAsync("history.owner@request.test", "Rita", "Owner");
        await portal.CreateUserAsync("history.cc@request.test", "Cezary", "Copied");
        var ticket = await portal.CreateAsync(requester.Id, "Who follows this");
        await portal.AgentAsync("history.agent@request.test");
        using var agent = await portal.SignedInAsync("history.agent@request.test");
        var agentPage = await AgentTicketPage.OpenAsync(agent, ticket.Id);
        var version = (await portal.TicketAsync(ticket.Id)).Version;
        using var client = await portal.SignedInAsync("history.owner@request.test");
        var page = await RequestPage.OpenAsync(client, ticket.Id);

        var added = await page.AddCcAsync("history.cc@request.test");
        added.Find("[data-cc='history.cc@request.test']").ShouldNotBeNull();
        (await portal.TicketAsync(ticket.Id)).Version.ShouldBe(version + 1);
        var removed = await client.SubmitAsync(added.Form("[data-cc='history.cc@request.test'] form"));
        removed.Find("[data-ccs] [data-empty]").ShouldNotBeNull();
        (await portal.TicketAsync(ticket.Id)).Version.ShouldBe(version + 2);

        // The agent's form loaded before both changes is told about them instead of saving over them.
        var told = await agentPage.SubmitAsync("[data-save]", ("Input.Priority", "High"));
        told.Find("[data-errors]")!.TextContent.ShouldContain("Nothing was saved");
        told.FindAll("[data-conflict] [data-changed='Cc']").Count().ShouldBe(2);
        (await portal.TicketAsync(ticket.Id)).Priority.ShouldBe(TicketPriority.Normal);
        var history = (await agent.GetAsync($"/Agent/Tickets/{ticket.Id}")).FindAll("[data-history] [data-event='Cc']").ToList();
        history.Count.ShouldBe(2);
        history[0].QuerySelector("[data-removed]")!.TextContent.ShouldContain("history.cc@request.test");
        history[1].QuerySelector("[data-added]")!.TextContent.ShouldContain("history.cc@request.test");
        history.ShouldAllBe(change => change.TextContent.Contains("Rita Owner"));
    }
}
