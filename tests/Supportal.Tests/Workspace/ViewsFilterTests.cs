using Microsoft.EntityFrameworkCore;
using Supportal.Sla;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tickets;

namespace Supportal.Tests.Workspace;

/// <summary>
/// The views' filters, search and sorts. Apart from <see cref="ViewsTests"/> because each test signs in, and one class
/// signing in more than the sign-in form's limit per minute would be refused.
/// </summary>
public sealed class ViewsFilterTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_level_filter_finds_requests_without_an_asset_by_their_organizations_contract()
    {
        var premium = await new ViewsData(portal).StartAsync("Premium");
        var standardAsset = await premium.ContractAsync(SlaTracker.StandardServiceLevel);
        await premium.ContractAsync(2);
        var administrative = await premium.TicketAsync("Add a colleague");
        var onAsset = await premium.TicketAsync("Storage alarm", assetId: standardAsset);
        var standard = await new ViewsData(portal).StartAsync("Standard");
        await standard.ContractAsync(SlaTracker.StandardServiceLevel);
        var plain = await standard.TicketAsync("Invoice copy");
        var me = await premium.AgentAsync();
        using var client = await portal.SignedInAsync(me.Email!);

        async Task<long[]> ListAsync(ViewsData data, int level) =>
            ViewsData.Numbers(await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}&level={level}"));

        // Without an asset, the highest level the organization holds; with one, the asset's contract's level.
        (await ListAsync(premium, 2)).ShouldBe([administrative]);
        (await ListAsync(premium, SlaTracker.StandardServiceLevel)).ShouldBe([onAsset]);
        (await ListAsync(standard, 2)).ShouldBeEmpty();
        (await ListAsync(standard, SlaTracker.StandardServiceLevel)).ShouldBe([plain]);
    }

    [Fact]
    public async Task Every_filter_narrows_the_list()
    {
        var data = await new ViewsData(portal).StartAsync("Filters");
        var me = await data.AgentAsync();
        var group = await data.GroupAsync();
        var (firewall, storage, level) = await portal.WithDbAsync(async db =>
        {
            var assets = await db.Assets.Where(a => a.Contract.Number == "DEMO-0001")
                .Select(a => new { a.Id, a.SerialNumber, a.Product.ManufacturerId, a.Contract.ServiceLevelId }).ToListAsync();
            var firewall = assets.First(a => a.SerialNumber!.StartsWith("SNT", StringComparison.Ordinal));
            var storage = assets.First(a => a.SerialNumber!.StartsWith("VLT", StringComparison.Ordinal));
            return ((firewall.Id, firewall.ManufacturerId), (storage.Id, storage.ManufacturerId), firewall.ServiceLevelId);
        });
        var urgent = await data.TicketAsync("Urgent firewall", TicketStatus.New, priority: TicketPriority.Urgent, assetId: firewall.Id,
            created: TimeSpan.FromDays(10), updated: TimeSpan.FromDays(9), tag: "vpn");
        var assigned = await data.TicketAsync("Assigned storage", TicketStatus.Open, me.Id, group, assetId: storage.Id,
            created: TimeSpan.FromDays(1), updated: TimeSpan.FromHours(2));
        var plain = await data.TicketAsync("Plain", TicketStatus.Open, priority: TicketPriority.Low, created: TimeSpan.FromDays(4),
            updated: TimeSpan.FromDays(4), tag: "billing");
        using var client = await portal.SignedInAsync(me.Email!);
        var today = DateOnly.FromDateTime(data.Now);

        async Task<long[]> ListAsync(string filter) =>
            ViewsData.Numbers(await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}&{filter}"));

        (await ListAsync("")).ShouldBe([urgent, assigned, plain], ignoreOrder: true);
        (await ListAsync("status=New")).ShouldBe([urgent]);
        (await ListAsync("priority=Low")).ShouldBe([plain]);
        (await ListAsync($"group={group}")).ShouldBe([assigned]);
        (await ListAsync($"assignee={me.Id}")).ShouldBe([assigned]);
        (await ListAsync("assignee=unassigned")).ShouldBe([urgent, plain], ignoreOrder: true);
        // The plain request's organization holds no contract: it is served at the standard level, like DEMO-0001's assets.
        (await ListAsync($"level={level}")).ShouldBe([urgent, assigned, plain], ignoreOrder: true);
        (await ListAsync($"level={level + 1}")).ShouldBeEmpty();
        (await ListAsync($"maker={firewall.ManufacturerId}")).ShouldBe([urgent]);
        (await ListAsync($"maker={storage.ManufacturerId}")).ShouldBe([assigned]);
        (await ListAsync("tag=VPN")).ShouldBe([urgent]);
        (await ListAsync($"createdFrom={today.AddDays(-2):yyyy-MM-dd}")).ShouldBe([assigned]);
        (await ListAsync($"createdTo={today.AddDays(-6):yyyy-MM-dd}")).ShouldBe([urgent]);
        (await ListAsync($"createdFrom={today.AddDays(-6):yyyy-MM-dd}&createdTo={today.AddDays(-2):yyyy-MM-dd}")).ShouldBe([plain]);
        (await ListAsync($"updatedFrom={today.AddDays(-2):yyyy-MM-dd}")).ShouldBe([assigned]);
        (await ListAsync($"updatedTo={today.AddDays(-6):yyyy-MM-dd}")).ShouldBe([urgent]);
        (await ListAsync("priority=Urgent&assignee=unassigned&tag=vpn")).ShouldBe([urgent]);
        ViewsData.Numbers(await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId + 1000}&tag=vpn")).ShouldBeEmpty();
        // Nonsense values are ignored instead of failing the page.
        (await ListAsync("createdTo=9999-12-31&updatedFrom=0001-01-01&status=Sleeping&assignee=someone&sort=Sideways"))
            .ShouldBe([urgent, assigned, plain], ignoreOrder: true);

        // The form shows the filters it was given, and the view's links keep them.
        var page = await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}&priority=Low&sort=Priority");
        page.Find("#priority option[selected]")!.GetAttribute("value").ShouldBe("Low");
        page.Find("#sort option[selected]")!.GetAttribute("value").ShouldBe("Priority");
        page.Find("[data-refresh]")!.GetAttribute("href")!.ShouldContain("priority=Low");
        page.Find("details[data-more-filters]")!.HasAttribute("open").ShouldBeTrue();
        (await client.GetAsync("/Agent?view=AllOpen&q=printer")).Find("details[data-more-filters]")!.HasAttribute("open").ShouldBeFalse();
    }

    [Fact]
    public async Task The_organization_filter_is_a_search_field_that_suggests_names_and_says_when_none_matches()
    {
        var data = await new ViewsData(portal).StartAsync("Orgfield");
        var me = await data.AgentAsync();
        var ticket = await data.TicketAsync("Router reboots");
        var name = await portal.WithDbAsync(db => db.Organizations.Where(o => o.Id == data.OrganizationId).Select(o => o.Name).SingleAsync());
        using var client = await portal.SignedInAsync(me.Email!);

        // The page lists no organizations; the field suggests names containing what is typed, whatever its case.
        var page = await client.GetAsync("/Agent?view=AllOpen");
        page.Find("#org")!.GetAttribute("name").ShouldBe("orgName");
        page.FindAll("#org-choices option").ShouldBeEmpty();
        var suggestions = await client.GetAsync($"/Agent?handler=Organizations&orgName={Uri.EscapeDataString(name[9..20].ToUpperInvariant())}");
        suggestions.FindAll("option").Select(o => o.GetAttribute("value")).ShouldBe([name]);

        // A chosen name filters like the organization's id, shows in the field and stays in the view's links.
        var byName = await client.GetAsync($"/Agent?view=AllOpen&orgName={Uri.EscapeDataString(name)}");
        ViewsData.Numbers(byName).ShouldBe([ticket]);
        byName.Find("#org")!.GetAttribute("value").ShouldBe(name);
        byName.Find("[data-refresh]")!.GetAttribute("href")!.ShouldContain("orgName=");
        (await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}")).Find("#org")!.GetAttribute("value").ShouldBe(name);

        // A name no organization has finds nothing and says so next to the field.
        var unknown = await client.GetAsync($"/Agent?view=AllOpen&orgName={Uri.EscapeDataString(name + "x")}");
        ViewsData.Numbers(unknown).ShouldBeEmpty();
        unknown.Find("#org")!.ClassList.ShouldContain("is-invalid");
        unknown.Find("#org-unknown")!.TextContent.ShouldContain(name + "x");
    }

    [Fact]
    public async Task Search_finds_words_in_comments_and_subjects_and_a_number()
    {
        var data = await new ViewsData(portal).StartAsync("Search");
        var me = await data.AgentAsync();
        var inComment = await data.TicketAsync("Printer trouble", comment: "The KRYPTONITE toner leaks on page two");
        var inSubject = await data.TicketAsync("Kryptonite badge reader");
        var neither = await data.TicketAsync("Nothing to see");
        using var client = await portal.SignedInAsync(me.Email!);

        async Task<long[]> SearchAsync(string q) =>
            ViewsData.Numbers(await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}&q={Uri.EscapeDataString(q)}"));

        (await SearchAsync("kryptonite")).ShouldBe([inComment, inSubject], ignoreOrder: true);
        (await SearchAsync("toner kryptonite")).ShouldBe([inComment]);
        (await SearchAsync("badge")).ShouldBe([inSubject]);
        (await SearchAsync($"#{neither}")).ShouldBe([neither]);
        (await SearchAsync($"{neither}")).ShouldBe([neither]);
        (await SearchAsync("nowhere-to-be-found")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sorts_order_by_update_creation_and_priority()
    {
        var data = await new ViewsData(portal).StartAsync("Sorts");
        var me = await data.AgentAsync();
        var a = await data.TicketAsync("A", priority: TicketPriority.Low, created: TimeSpan.FromDays(3), updated: TimeSpan.FromHours(1));
        var b = await data.TicketAsync("B", priority: TicketPriority.Urgent, created: TimeSpan.FromDays(1), updated: TimeSpan.FromHours(3));
        var c = await data.TicketAsync("C", priority: TicketPriority.High, created: TimeSpan.FromDays(2), updated: TimeSpan.FromHours(2));
        var d = await data.TicketAsync("D", priority: TicketPriority.Normal, created: TimeSpan.FromDays(4), updated: TimeSpan.FromHours(4));
        using var client = await portal.SignedInAsync(me.Email!);

        async Task<long[]> SortAsync(string sort) =>
            ViewsData.Numbers(await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}{sort}"));

        (await SortAsync("")).ShouldBe([a, c, b, d]);
        (await SortAsync("&sort=Updated")).ShouldBe([a, c, b, d]);
        (await SortAsync("&sort=CreatedNewest")).ShouldBe([b, c, a, d]);
        (await SortAsync("&sort=CreatedOldest")).ShouldBe([d, a, c, b]);
        (await SortAsync("&sort=Priority")).ShouldBe([b, c, d, a]);
    }

    [Fact]
    public async Task The_sla_view_opens_at_risk_longest_first_and_that_order_is_offered_there_alone()
    {
        var data = await new ViewsData(portal).StartAsync("AtRisk");
        var me = await data.AgentAsync();
        var a = await data.TicketAsync("A", updated: TimeSpan.FromHours(1));
        var b = await data.TicketAsync("B", TicketStatus.Pending, updated: TimeSpan.FromHours(2));
        var c = await data.TicketAsync("C", updated: TimeSpan.FromHours(3));
        var d = await data.TicketAsync("D", updated: TimeSpan.FromHours(4));
        await data.SlaAsync(a, dueIn: TimeSpan.FromHours(1), atRiskIn: TimeSpan.FromMinutes(-30));
        // Breached two hours ago, then paused: no at-risk point any more, the breach still counts.
        await data.SlaAsync(b, dueIn: TimeSpan.FromHours(-2), atRiskIn: TimeSpan.Zero, breached: true, paused: true);
        await data.SlaAsync(c, dueIn: TimeSpan.FromHours(3), atRiskIn: TimeSpan.FromHours(1));
        await data.SlaAsync(d, dueIn: TimeSpan.FromMinutes(-30), atRiskIn: TimeSpan.FromHours(-3), breached: true);
        using var client = await portal.SignedInAsync(me.Email!);

        var sla = await client.GetAsync($"/Agent?view=SlaAtRisk&org={data.OrganizationId}");
        ViewsData.Numbers(sla).ShouldBe([d, b, a]);
        sla.FindAll("#sort option").Select(o => o.GetAttribute("value")).ShouldContain("AtRisk");
        sla.Find("#sort option[selected]")!.GetAttribute("value").ShouldBe("AtRisk");
        ViewsData.Numbers(await client.GetAsync($"/Agent?view=SlaAtRisk&org={data.OrganizationId}&sort=Updated")).ShouldBe([a, b, d]);
        // The nav opens each view in its own order.
        sla.Find("[data-view='SlaAtRisk']")!.GetAttribute("href")!.ShouldNotContain("sort=");

        // Elsewhere tickets may have no target: the order is not offered, and asking for it gives the usual one.
        var open = await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}&sort=AtRisk");
        ViewsData.Numbers(open).ShouldBe([a, c, d]);
        open.FindAll("#sort option").Select(o => o.GetAttribute("value")).ShouldNotContain("AtRisk");
        open.Find("#sort option[selected]")!.GetAttribute("value").ShouldBe("Updated");
    }
}
