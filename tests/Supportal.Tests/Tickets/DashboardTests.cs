using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

/// <summary>The dashboard's requests (TIC-1): the person's open ones and what others said lately, nobody else's.</summary>
public sealed class DashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<Guid> AgentIdAsync() => portal.WithDbAsync(db => db.Users.Where(u => u.Email == "agent@example.com").Select(u => u.Id).SingleAsync());

    private async Task<long> TicketAsync(Guid requester, string subject, TicketStatus status, int minutesAgo,
        params (Guid Author, string Body, bool IsPublic, int MinutesAgo)[] replies)
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            Kind = TicketKind.Administrative, Subject = subject, Status = status, RequesterId = requester,
            CreatedAt = now.AddMinutes(-minutesAgo - 60), UpdatedAt = now.AddMinutes(-minutesAgo),
            Comments = [new TicketComment { AuthorId = requester, Body = "Please help.", CreatedAt = now.AddMinutes(-minutesAgo - 60) }],
        };
        foreach (var (author, body, isPublic, ago) in replies)
            ticket.Comments.Add(new TicketComment { AuthorId = author, Body = body, IsPublic = isPublic, CreatedAt = now.AddMinutes(-ago) });
        return await portal.WithDbAsync(async db =>
        {
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync();
            return ticket.Id;
        });
    }

    [Fact]
    public async Task A_customer_sees_their_open_requests_newest_first_and_public_replies_by_others_but_nothing_of_anyone_else()
    {
        var me = await portal.CreateUserAsync("dash.me@customer.test", "Dora", "Pulpit");
        var other = await portal.CreateUserAsync("dash.other@customer.test", "Olek", "Obcy");
        var agent = await AgentIdAsync();
        var open = await TicketAsync(me.Id, "Printer portal login", TicketStatus.Open, 30);
        var waiting = await TicketAsync(me.Id, "Invoice export", TicketStatus.Pending, 10, (agent, "Which month?", true, 10));
        var solved = await TicketAsync(me.Id, "Old question", TicketStatus.Solved, 5, (agent, "Done.", true, 5));
        var noted = await TicketAsync(me.Id, "Noted only", TicketStatus.OnHold, 50, (agent, "Internal: ask vendor", false, 1));
        var mine = await TicketAsync(me.Id, "Self talk", TicketStatus.New, 60, (me.Id, "Adding a detail.", true, 2));
        var foreign = await TicketAsync(other.Id, "Someone else's secret", TicketStatus.Open, 1, (agent, "Secret answer", true, 1));
        using var client = portal.CreatePortalClient();

        var dashboard = await client.SignInAsync(me.Email!);

        dashboard.Path.ShouldBe("/Dashboard");
        var requests = dashboard.FindAll("[data-open-requests] [data-ticket]").ToList();
        requests.Select(r => long.Parse(r.GetAttribute("data-ticket")!, CultureInfo.InvariantCulture)).ShouldBe([waiting, open, noted, mine]);
        requests[0].QuerySelector($"a[href='/Tickets/{waiting}']")!.TextContent.ShouldBe($"#{waiting} Invoice export");
        requests[0].QuerySelector("[data-status]")!.TextContent.ShouldBe("Awaiting your reply");
        requests[1].QuerySelector("[data-status]")!.GetAttribute("data-status").ShouldBe("Open");
        requests[0].QuerySelector("time").ShouldNotBeNull();
        dashboard.Find("[data-open-requests] a[href='/Tickets']")!.TextContent.ShouldBe("All my requests");

        var updates = dashboard.FindAll("[data-recent-updates] [data-update]").ToList();
        updates.Select(u => long.Parse(u.GetAttribute("data-update")!, CultureInfo.InvariantCulture)).ShouldBe([solved, waiting]);
        updates[1].TextContent.ShouldContain("Piotr Kowalski replied on");
        updates[1].QuerySelector($"a[href='/Tickets/{waiting}']")!.TextContent.ShouldBe($"#{waiting} Invoice export");
        dashboard.Text.ShouldNotContain("Someone else's secret");
        dashboard.Find($"[data-ticket='{foreign}'], [data-update='{foreign}']").ShouldBeNull();
        dashboard.Find($"[data-update='{noted}'], [data-update='{mine}']").ShouldBeNull();
        dashboard.Text.ShouldNotContain("Internal: ask vendor");
    }

    [Fact]
    public async Task A_requester_copied_on_a_colleagues_request_sees_its_replies_among_the_updates()
    {
        var me = await portal.CreateUserAsync("dash.cc@customer.test", "Cecylia", "Kopia");
        var colleague = await portal.CreateUserAsync("dash.colleague@customer.test", "Kuba", "Kolega");
        var shared = await TicketAsync(colleague.Id, "Shared VPN issue", TicketStatus.Open, 3, (await AgentIdAsync(), "Restarting now.", true, 3));
        await portal.WithDbAsync(async db =>
        {
            db.TicketCcs.Add(new TicketCc { TicketId = shared, UserId = me.Id, AddedAt = portal.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        using var client = portal.CreatePortalClient();

        var dashboard = await client.SignInAsync(me.Email!);

        dashboard.Find($"[data-recent-updates] [data-update='{shared}']").ShouldNotBeNull();
        // Copied, not the requester: it is not among "my" open requests.
        dashboard.Find("[data-open-requests] [data-empty]")!.TextContent.ShouldBe("You have no open requests.");
    }

    [Fact]
    public async Task Replies_on_colleagues_requests_show_only_while_the_organization_shares_them()
    {
        var me = await portal.CreateUserAsync("dash.org.me@customer.test", "Olga", "Firmowa");
        var colleague = await portal.CreateUserAsync("dash.org.colleague@customer.test", "Kamil", "Firmowy");
        var organization = await portal.OrganizationAsync("Dashboard Sharing Ltd", me.Id, colleague.Id);
        var theirs = await TicketAsync(colleague.Id, "Warehouse scanner offline", TicketStatus.Open, 4, (await AgentIdAsync(), "Replacing it today.", true, 4));
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == theirs).ExecuteUpdateAsync(t => t.SetProperty(x => x.OrganizationId, organization)));

        using (var client = portal.CreatePortalClient())
            (await client.SignInAsync(me.Email!)).Find($"[data-update='{theirs}']").ShouldBeNull();
        await portal.ShareRequestsAsync(organization, shares: true);
        using (var client = portal.CreatePortalClient())
            (await client.SignInAsync(me.Email!)).Find($"[data-recent-updates] [data-update='{theirs}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task At_most_five_of_each_and_empty_states_for_a_new_customer()
    {
        var busy = await portal.CreateUserAsync("dash.busy@customer.test", "Bogna", "Zajęta");
        var agent = await AgentIdAsync();
        for (var i = 0; i < 7; i++)
            await TicketAsync(busy.Id, $"Request {i}", TicketStatus.Open, 100 - i, (agent, $"Reply {i}", true, 100 - i));
        var fresh = await portal.CreateUserAsync("dash.fresh@customer.test", "Fryderyk", "Nowy", "pl");

        using (var client = portal.CreatePortalClient())
        {
            var dashboard = await client.SignInAsync(busy.Email!);
            dashboard.FindAll("[data-open-requests] [data-ticket]").Count().ShouldBe(DashboardModelSize);
            dashboard.FindAll("[data-recent-updates] [data-update]").Count().ShouldBe(DashboardModelSize);
            dashboard.Find("[data-open-requests] [data-ticket] a")!.TextContent.ShouldEndWith("Request 6");
        }
        using (var client = portal.CreatePortalClient())
        {
            var dashboard = await client.SignInAsync(fresh.Email!);
            dashboard.Find("[data-open-requests] [data-empty]")!.TextContent.ShouldBe("Nie masz otwartych zgłoszeń.");
            dashboard.Find("[data-recent-updates] [data-empty]")!.TextContent.ShouldBe("Nikt jeszcze nie odpowiedział na Twoje zgłoszenia.");
            dashboard.Find("a[href='/Tickets/New']").ShouldNotBeNull();
            dashboard.Find("a[href='/Tickets/New?kind=support']").ShouldNotBeNull();
        }
    }

    private const int DashboardModelSize = Supportal.Pages.DashboardModel.ListSize;
}
