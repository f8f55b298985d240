using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Orders;

public sealed class ContractListTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static List<string> Numbers(Page page) => page.FindAll("tbody tr[data-number]").Select(r => r.GetAttribute("data-number")!).ToList();

    private static string State(Page page, string number) => page.Find($"tr[data-number='{number}'] [data-state]")!.GetAttribute("data-state")!;

    [Fact]
    public async Task The_list_shows_the_demo_contracts_with_their_states()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(OrdersData.OrdersUser);

        var page = await client.GetAsync("/Orders");

        page.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        Numbers(page).ShouldContain("DEMO-0001");
        State(page, "DEMO-0001").ShouldBe("Active");
        State(page, "DEMO-0002").ShouldBe("Active");
        State(page, "DEMO-0003").ShouldBe("Expired");
        page.Find("tr[data-number='DEMO-0001']")!.TextContent.ShouldContain("Northwind Logistics");
        // Three assets, and the demo customer registered it.
        page.FindAll("tr[data-number='DEMO-0001'] td").Select(td => td.TextContent.Trim()).TakeLast(2).ShouldBe(["3", "1"]);
        page.Find("span[data-state='Expired']")!.TextContent.ShouldBe("Wygasły");
        page.Find("main a[href='/Orders/Issue']")!.TextContent.ShouldContain("Wystaw kontrakt");
    }

    [Fact]
    public async Task Search_matches_number_or_organization_in_any_case_and_filters_narrow_it()
    {
        var today = OrdersData.Today(portal);
        await OrdersData.CreateContractAsync(portal, "SOON-0001", today.AddMonths(-11), today.AddDays(10), organization: "Łódzka Hurtownia");
        await OrdersData.CreateContractAsync(portal, "LATER-0001", today.AddDays(5), today.AddYears(1), organization: "Łódzka Hurtownia");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(OrdersData.OrdersUser);

        Numbers(await client.GetAsync("/Orders?q=northWIND")).ShouldBe(["DEMO-0001", "DEMO-0003"]);
        Numbers(await client.GetAsync("/Orders?q=demo-0002")).ShouldBe(["DEMO-0002"]);
        Numbers(await client.GetAsync("/Orders?q=Łódzka")).ShouldBe(["LATER-0001", "SOON-0001"]);
        Numbers(await client.GetAsync("/Orders?q=northwind&state=Expired")).ShouldBe(["DEMO-0003"]);
        Numbers(await client.GetAsync("/Orders?q=demo&level=2")).ShouldBe(["DEMO-0002"]);
        var expiring = await client.GetAsync("/Orders?state=Expiring");
        Numbers(expiring).ShouldBe(["SOON-0001"]);
        State(expiring, "SOON-0001").ShouldBe("Expiring");
        Numbers(await client.GetAsync("/Orders?state=NotStarted")).ShouldBe(["LATER-0001"]);
        Numbers(await client.GetAsync("/Orders?state=Active&q=0001")).ShouldBe(["DEMO-0001"]);

        var none = await client.GetAsync("/Orders?q=no-such-contract");
        none.Find("[data-empty]")!.TextContent.Trim().ShouldBe("Żaden kontrakt nie spełnia kryteriów.");
    }

    [Fact]
    public async Task Keyset_paging_walks_every_contract_once_forwards_and_backwards()
    {
        var today = OrdersData.Today(portal);
        for (var i = 1; i <= 60; i++)
            await OrdersData.CreateContractAsync(portal, $"PAGE-{i:D3}", today.AddMonths(-1), today.AddYears(1), organization: "Paging Org");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(OrdersData.OrdersUser);

        var pages = new List<List<string>>();
        var page = await client.GetAsync("/Orders?q=page-");
        pages.Add(Numbers(page));
        page.Find("a[rel=prev]").ShouldBeNull();
        // A contract added before the current page must not shift the pages after it.
        await OrdersData.CreateContractAsync(portal, "PAGE-000", today, today.AddYears(1), organization: "Paging Org");
        while (page.Find("a[rel=next]") is { } next)
        {
            page = await client.GetAsync(next.GetAttribute("href")!);
            pages.Add(Numbers(page));
        }

        pages.Select(p => p.Count).ShouldBe([25, 25, 10]);
        pages.SelectMany(p => p).ShouldBe(Enumerable.Range(1, 60).Select(i => $"PAGE-{i:D3}"));
        var back = await client.GetAsync(page.Find("a[rel=prev]")!.GetAttribute("href")!);
        Numbers(back).ShouldBe(pages[1]);
        var first = await client.GetAsync(back.Find("a[rel=prev]")!.GetAttribute("href")!);
        Numbers(first).ShouldBe(pages[0]);
        var before = await client.GetAsync(first.Find("a[rel=prev]")!.GetAttribute("href")!);
        Numbers(before).ShouldBe(["PAGE-000"]);
        before.Find("a[rel=prev]").ShouldBeNull();
    }
}
