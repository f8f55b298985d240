using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

public sealed class ActivitiesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static List<long> Numbers(Page page) =>
        page.FindAll("tr[data-ticket]").Select(r => long.Parse(r.GetAttribute("data-ticket")!, CultureInfo.InvariantCulture)).ToList();

    private static List<string> Subjects(Page page) =>
        page.FindAll("tr[data-ticket] td:nth-child(2) a").Select(a => a.TextContent).ToList();

    private Task<int> SetAsync(long id, TicketStatus status, DateTime updated) => portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == id)
        .ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, status).SetProperty(x => x.UpdatedAt, updated)));

    [Fact]
    public async Task Each_tab_lists_its_own_requests_and_organization_requests_appear_only_when_shared()
    {
        var me = await portal.CreateUserAsync("tabs.me@activities.test", "Maja", "Me");
        var boss = await portal.CreateUserAsync("tabs.boss@activities.test", "Bolek", "Boss");
        var outsider = await portal.CreateUserAsync("tabs.outsider@activities.test", "Olga", "Outsider");
        var organization = await portal.OrganizationAsync("Tabs Test Ltd", me.Id, boss.Id);
        var mine = await portal.CreateAsync(me.Id, "My laptop");
        var copied = await portal.CreateAsync(outsider.Id, "Outsider asks me along");
        await portal.AddCcAsync(copied.Id, "tabs.me@activities.test", outsider.Id);
        var colleagues = await portal.CreateAsync(boss.Id, "Boss printer");
        await portal.CreateAsync(outsider.Id, "Not for me");
        using var client = await portal.SignedInAsync("tabs.me@activities.test");

        var first = await client.GetAsync("/Tickets");
        first.FindAll("[data-tab]").Select(t => t.TextContent).ShouldBe(["My requests", "Requests I'm CC'd on"]);
        Numbers(first).ShouldBe([mine.Id]);
        first.Find("th:nth-child(5)")!.TextContent.ShouldBe("Updated");
        first.Find($"tr[data-ticket='{mine.Id}'] a")!.GetAttribute("href").ShouldBe($"/Tickets/{mine.Id}");
        first.Find($"tr[data-ticket='{mine.Id}'] [data-status]")!.GetAttribute("data-status").ShouldBe("Open");

        var cc = await client.GetAsync("/Tickets?tab=Copied");
        Numbers(cc).ShouldBe([copied.Id]);
        cc.Find($"tr[data-ticket='{copied.Id}']")!.TextContent.ShouldContain("Olga Outsider");
        (await client.GetAsync("/Tickets?tab=Organization")).Find("[data-tab='Mine'].active").ShouldNotBeNull();

        await portal.ShareRequestsAsync(organization, true);
        var shared = await client.GetAsync("/Tickets?tab=Organization");
        shared.FindAll("[data-tab]").Select(t => t.TextContent).ShouldBe(["My requests", "Requests I'm CC'd on", "Organization requests"]);
        Numbers(shared).ShouldBe([colleagues.Id, mine.Id]);
        shared.Find($"tr[data-ticket='{colleagues.Id}']")!.TextContent.ShouldContain("Bolek Boss");
    }

    [Fact]
    public async Task Empty_tabs_say_so()
    {
        await portal.CreateUserAsync("empty@activities.test");
        using var client = await portal.SignedInAsync("empty@activities.test");

        (await client.GetAsync("/Tickets")).Find("[data-empty]")!.TextContent.Trim().ShouldBe("You have not created any requests yet.");
        (await client.GetAsync("/Tickets?tab=Copied")).Find("[data-empty]")!.TextContent.Trim().ShouldBe("Nobody has copied you on a request yet.");
        (await client.GetAsync("/Tickets?q=nothing")).Find("[data-empty]")!.TextContent.Trim().ShouldBe("No requests match the search.");
    }

    [Fact]
    public async Task Status_filter_search_and_sort_narrow_and_order_the_list()
    {
        var me = await portal.CreateUserAsync("filter.me@activities.test");
        var a = await portal.CreateAsync(me.Id, "Router keeps rebooting");
        var b = await portal.CreateAsync(me.Id, "ROUTER firmware question");
        var c = await portal.CreateAsync(me.Id, "Invoice copy");
        var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        await SetAsync(a.Id, TicketStatus.Solved, start.AddHours(3));
        await SetAsync(b.Id, TicketStatus.Pending, start.AddHours(1));
        await SetAsync(c.Id, TicketStatus.Open, start.AddHours(2));
        using var client = await portal.SignedInAsync("filter.me@activities.test");

        Numbers(await client.GetAsync("/Tickets")).ShouldBe([a.Id, c.Id, b.Id]);
        Numbers(await client.GetAsync("/Tickets?sort=Newest")).ShouldBe([c.Id, b.Id, a.Id]);
        Numbers(await client.GetAsync("/Tickets?sort=Oldest")).ShouldBe([a.Id, b.Id, c.Id]);
        Numbers(await client.GetAsync("/Tickets?status=Solved")).ShouldBe([a.Id]);
        Numbers(await client.GetAsync("/Tickets?status=AwaitingReply")).ShouldBe([b.Id]);
        Numbers(await client.GetAsync("/Tickets?status=Open")).ShouldBe([c.Id]);
        Numbers(await client.GetAsync("/Tickets?q=router")).ShouldBe([a.Id, b.Id]);
        Numbers(await client.GetAsync("/Tickets?q=firmware+router")).ShouldBe([b.Id]);
        Numbers(await client.GetAsync($"/Tickets?q=%23{c.Id}")).ShouldBe([c.Id]);
        Numbers(await client.GetAsync($"/Tickets?q={c.Id}")).ShouldBe([c.Id]);
        Numbers(await client.GetAsync("/Tickets?q=router&status=Solved")).ShouldBe([a.Id]);
        var kept = await client.GetAsync("/Tickets?q=router&status=Pending&sort=Oldest");
        kept.Find("input[name=q]")!.GetAttribute("value").ShouldBe("router");
        kept.Find("select[name=sort] option[selected]")!.GetAttribute("value").ShouldBe("Oldest");
    }

    [Fact]
    public async Task A_customer_with_ten_thousand_requests_pages_through_them_in_order()
    {
        var me = await portal.CreateUserAsync("many@activities.test");
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var batch = 0; batch < 10; batch++)
        {
            await portal.WithDbAsync(db =>
            {
                db.Tickets.AddRange(Enumerable.Range(batch * 1000, 1000).Select(i => new Ticket
                {
                    Kind = TicketKind.Administrative, Subject = $"Bulk {i:D5}", Status = i % 2 == 0 ? TicketStatus.Open : TicketStatus.Solved,
                    RequesterId = me.Id, CreatedAt = start.AddMinutes(i),
                    // Updated in reverse of creation, and pairs share a time so the number breaks the tie.
                    UpdatedAt = start.AddDays(30).AddMinutes(-(i / 2)),
                }));
                return db.SaveChangesAsync();
            });
        }
        using var client = await portal.SignedInAsync("many@activities.test");

        var first = await client.GetAsync("/Tickets");
        Subjects(first).ShouldBe(Enumerable.Range(0, 25).Select(i => $"Bulk {(i % 2 == 0 ? i + 1 : i - 1):D5}"));
        first.Find("a[rel=prev]").ShouldBeNull();
        var page = first;
        for (var n = 1; n < 5; n++)
            page = await client.GetAsync(page.Find("a[rel=next]")!.GetAttribute("href")!);
        // Page five starts at the 101st row: Bulk 00101 (time of 00100 and 00101, higher number first).
        Subjects(page).ShouldBe(Enumerable.Range(100, 25).Select(i => $"Bulk {(i % 2 == 0 ? i + 1 : i - 1):D5}"));
        var back = await client.GetAsync(page.Find("a[rel=prev]")!.GetAttribute("href")!);
        Subjects(back).ShouldBe(Enumerable.Range(75, 25).Select(i => $"Bulk {(i % 2 == 0 ? i + 1 : i - 1):D5}"));

        var oldest = await client.GetAsync("/Tickets?sort=Oldest&status=Solved");
        Subjects(oldest).ShouldBe(Enumerable.Range(0, 25).Select(i => $"Bulk {i * 2 + 1:D5}"));
        var oldestNext = await client.GetAsync(oldest.Find("a[rel=next]")!.GetAttribute("href")!);
        Subjects(oldestNext).ShouldBe(Enumerable.Range(25, 25).Select(i => $"Bulk {i * 2 + 1:D5}"));

        var search = await client.GetAsync("/Tickets?q=bulk+09999");
        Subjects(search).ShouldBe(["Bulk 09999"]);
    }
}
