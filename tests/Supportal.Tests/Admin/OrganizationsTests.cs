using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Admin;

public sealed class OrganizationsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_creates_an_organization_and_edits_its_name_and_tax_id()
    {
        using var client = await AdminAsync();
        var admin = await client.GetAsync("/Admin");
        var page = await client.GetAsync(admin.Find("main a[href='/Admin/Organizations']")!.GetAttribute("href")!);

        var created = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Name"] = " Hanza Shipping ", ["Input.TaxId"] = "" });

        var id = await portal.WithDbAsync(db => db.Organizations.Where(o => o.Name == "Hanza Shipping").Select(o => o.Id).SingleAsync());
        created.Path.ShouldBe($"/Admin/Organizations/{id}");
        created.Find("[role=status]")!.TextContent.ShouldBe("Dodano organizację Hanza Shipping.");
        created.Text.ShouldContain("Nikt jeszcze nie dołączył do tej organizacji.");
        created.Text.ShouldContain("Ta organizacja nie ma umów.");

        var saved = await client.SubmitAsync(created.Form(), new Dictionary<string, string> { ["Input.Name"] = "Hanza Shipping S.A.", ["Input.TaxId"] = "PL5860000001" });

        saved.Find("h1")!.TextContent.ShouldBe("Hanza Shipping S.A.");
        var organization = await portal.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == id));
        (organization.Name, organization.TaxId, organization.SharesRequests).ShouldBe(("Hanza Shipping S.A.", "PL5860000001", false));
        (await AuditsAsync()).ShouldContain($"organization {id} created: Hanza Shipping");
        (await AuditsAsync()).ShouldContain($"organization {id} changed from Hanza Shipping /  to Hanza Shipping S.A. / PL5860000001");
    }

    [Fact]
    public async Task A_nameless_organization_is_refused()
    {
        using var client = await AdminAsync();
        var page = await client.GetAsync("/Admin/Organizations");
        var count = await portal.WithDbAsync(db => db.Organizations.CountAsync());

        var result = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Name"] = " " });

        result.FieldError("Input.Name").ShouldBe("Pole Nazwa organizacji jest wymagane.");
        (await portal.WithDbAsync(db => db.Organizations.CountAsync())).ShouldBe(count);
    }

    [Fact]
    public async Task Search_ignores_case_and_long_results_come_a_page_at_a_time()
    {
        await portal.WithDbAsync(async db =>
        {
            for (var i = 1; i <= OrganizationsModelPageSize + 5; i++)
                db.Organizations.Add(new Organization { Name = $"Pagetest Co {i:00}", CreatedAt = DateTime.UtcNow });
            db.Organizations.Add(new Organization { Name = "Other pagetest-free name", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var client = await AdminAsync();

        var first = await client.GetAsync("/Admin/Organizations?q=PAGETEST%20co");
        var second = await client.GetAsync(first.Find("a[data-next]")!.GetAttribute("href")!);

        Names(first).ShouldBe(Enumerable.Range(1, OrganizationsModelPageSize).Select(i => $"Pagetest Co {i:00}"));
        Names(second).ShouldBe(Enumerable.Range(OrganizationsModelPageSize + 1, 5).Select(i => $"Pagetest Co {i:00}"));
        second.Find("a[data-next]").ShouldBeNull();
        Names(await client.GetAsync("/Admin/Organizations?q=northwind")).ShouldBe(["Northwind Logistics"]);
    }

    [Fact]
    public async Task Search_ignores_the_case_of_Polish_letters_too()
    {
        await portal.WithDbAsync(async db =>
        {
            db.Organizations.Add(new Organization { Name = "ŁÓDZKIE ZAKŁADY ŚWIATŁA", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var client = await AdminAsync();

        Names(await client.GetAsync("/Admin/Organizations?q=" + Uri.EscapeDataString("łódzkie zakłady"))).ShouldBe(["ŁÓDZKIE ZAKŁADY ŚWIATŁA"]);
    }

    [Fact]
    public async Task Admin_turns_organization_requests_on_and_off_and_each_change_is_audited()
    {
        var id = await NorthwindAsync();
        using var client = await AdminAsync();
        var page = await client.GetAsync($"/Admin/Organizations/{id}");
        page.Text.ShouldContain("każdy członek organizacji widzi i może śledzić zgłoszenia pozostałych członków");
        page.Find("#sharesRequests")!.HasAttribute("checked").ShouldBeFalse();

        var on = await client.SubmitAsync(page.Form("form[data-sharing]"), new Dictionary<string, string> { ["sharesRequests"] = "true" });

        on.Find("[role=status]")!.TextContent.ShouldBe("Członkowie organizacji Northwind Logistics widzą teraz wzajemnie swoje zgłoszenia.");
        on.Find("#sharesRequests")!.HasAttribute("checked").ShouldBeTrue();
        (await portal.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == id))).SharesRequests.ShouldBeTrue();

        // A cleared switch sends only the hidden "false".
        var off = await client.SubmitAsync(on.Form("form[data-sharing]"), new Dictionary<string, string> { ["sharesRequests"] = "false" });

        off.Find("[data-sharing-state]")!.TextContent.ShouldBe("Członkowie widzą tylko własne zgłoszenia");
        (await portal.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == id))).SharesRequests.ShouldBeFalse();
        (await AuditsAsync()).Where(d => d.StartsWith($"organization {id} requests")).ShouldBe(
            [$"organization {id} requests shared: Northwind Logistics", $"organization {id} requests private: Northwind Logistics"]);
    }

    [Fact]
    public async Task The_members_and_contracts_of_an_organization_are_listed()
    {
        var id = await NorthwindAsync();
        using var client = await AdminAsync();

        var page = await client.GetAsync($"/Admin/Organizations/{id}");

        var member = page.FindAll("[data-members] tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        member[0].ShouldBe("Chris Taylor");
        member[1].ShouldBe("customer@example.com");
        page.Find("[data-members] time")!.HasAttribute("datetime").ShouldBeTrue();
        page.FindAll("[data-contracts] tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ShouldBe(
            [("DEMO-0001", "Standard 8×5"), ("DEMO-0003", "Standard 8×5")]);
        var list = await client.GetAsync("/Admin/Organizations?q=northwind");
        list.Find($"tr[data-organization='{id}']")!.Children.Select(c => c.TextContent.Trim()).Skip(1).Take(3).ShouldBe(["PL5260001234", "1", "2"]);
    }

    [Theory]
    [InlineData("orders@example.com")]
    [InlineData("agent@example.com")]
    [InlineData("customer@example.com")]
    public async Task Only_admins_may_open_the_catalog_and_organization_pages(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        var manufacturer = await portal.WithDbAsync(db => db.Manufacturers.Select(m => m.Id).FirstAsync());
        var organization = await NorthwindAsync();

        foreach (var url in new[]
                 {
                     "/Admin/Manufacturers", "/Admin/Products", $"/Admin/Fields?manufacturerId={manufacturer}",
                     "/Admin/Organizations", $"/Admin/Organizations/{organization}",
                 })
            (await client.GetAsync(url)).Status.ShouldBe(HttpStatusCode.Forbidden, url);
    }

    private const int OrganizationsModelPageSize = Supportal.Pages.Admin.OrganizationsModel.PageSize;

    private static List<string> Names(Page page) => page.FindAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    private Task<int> NorthwindAsync() =>
        portal.WithDbAsync(db => db.Organizations.Where(o => o.Name == "Northwind Logistics").Select(o => o.Id).SingleAsync());

    private async Task<PortalClient> AdminAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        return client;
    }

    private Task<List<string>> AuditsAsync() => portal.WithDbAsync(db => db.AuditEvents
        .Where(a => a.Action == AuditActions.OrganizationChanged).OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync());
}
