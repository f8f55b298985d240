using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Admin;

public sealed class CatalogTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_adds_renames_and_deactivates_a_manufacturer_and_every_change_is_audited()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        var admin = await client.GetAsync("/Admin");
        var page = await client.GetAsync(admin.Find("main a[href='/Admin/Manufacturers']")!.GetAttribute("href")!);
        var audits = await CatalogAuditsAsync();

        var added = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Name"] = "  Acme Robotics " });

        added.Find("[role=status]")!.TextContent.ShouldBe("Dodano producenta Acme Robotics.");
        var id = await portal.WithDbAsync(db => db.Manufacturers.Where(m => m.Name == "Acme Robotics").Select(m => m.Id).SingleAsync());
        var row = added.Find($"tr[data-manufacturer='{id}']")!;
        row.QuerySelector("[data-count=products]")!.TextContent.ShouldBe("0");
        row.QuerySelector("[data-count=fields]")!.TextContent.ShouldBe("0");

        var edit = await client.GetAsync(row.QuerySelector("a[href*='edit=']")!.GetAttribute("href")!);
        edit.Find("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("Acme Robotics");
        var renamed = await client.SubmitAsync(edit.Form(), new Dictionary<string, string> { ["Input.Name"] = "Acme Robotics EU" });
        renamed.Find("[role=status]")!.TextContent.ShouldBe("Producent nazywa się teraz Acme Robotics EU.");

        var deactivated = await client.SubmitAsync(renamed.Form($"form[action*='handler=Active'][action*='id={id}&']"));

        var manufacturer = await portal.WithDbAsync(db => db.Manufacturers.SingleAsync(m => m.Id == id));
        manufacturer.Name.ShouldBe("Acme Robotics EU");
        manufacturer.Active.ShouldBeFalse();
        deactivated.Find($"tr[data-manufacturer='{id}'] .badge")!.TextContent.ShouldBe("Nieaktywny");
        (await CatalogAuditsAsync()).Skip(audits.Count).ShouldBe(
        [
            $"manufacturer {id} added: Acme Robotics",
            $"manufacturer {id} renamed from Acme Robotics to Acme Robotics EU",
            $"manufacturer {id} deactivated: Acme Robotics EU",
        ]);
    }

    [Fact]
    public async Task The_demo_manufacturers_are_listed_with_their_product_and_field_counts()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");

        var page = await client.GetAsync("/Admin/Manufacturers");

        var id = await ManufacturerIdAsync("Vaultline Storage");
        page.Find($"tr[data-manufacturer='{id}'] [data-count=products]")!.TextContent.ShouldBe("3");
        page.Find($"tr[data-manufacturer='{id}'] [data-count=fields]")!.TextContent.ShouldBe("3");
    }

    [Fact]
    public async Task A_manufacturer_name_already_taken_is_refused_whatever_its_case()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        var page = await client.GetAsync("/Admin/Manufacturers");
        var count = await portal.WithDbAsync(db => db.Manufacturers.CountAsync());

        var result = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Name"] = "sentinel firewalls" });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.FieldError("Input.Name").ShouldBe("Producent o nazwie sentinel firewalls już istnieje.");
        (await portal.WithDbAsync(db => db.Manufacturers.CountAsync())).ShouldBe(count);
    }

    [Fact]
    public async Task Admin_adds_a_product_with_its_code_in_capitals_edits_and_deactivates_it()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        var meshport = await ManufacturerIdAsync("Meshport Networks");
        var page = await client.GetAsync($"/Admin/Products?manufacturerId={meshport}");
        page.FindAll("tbody tr").Select(r => r.GetAttribute("data-product")).ShouldBe(["MSP-24", "MSP-48"]);

        var added = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.ManufacturerId"] = meshport.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = "Meshport MS-96", ["Input.Code"] = " msp-96 ",
        });

        added.Find("[role=status]")!.TextContent.ShouldBe("Dodano produkt MSP-96.");
        added.FindAll("tbody tr").Select(r => r.GetAttribute("data-product")).ShouldBe(["MSP-24", "MSP-48", "MSP-96"]);
        var id = await portal.WithDbAsync(db => db.Products.Where(p => p.Code == "MSP-96").Select(p => p.Id).SingleAsync());
        var edit = await client.GetAsync(added.Find("tr[data-product='MSP-96'] a[href*='edit=']")!.GetAttribute("href")!);
        await client.SubmitAsync(edit.Form(), new Dictionary<string, string> { ["Input.Name"] = "Meshport MS-96 PoE" });
        var list = await client.GetAsync($"/Admin/Products?manufacturerId={meshport}");
        await client.SubmitAsync(list.Form($"form[action*='handler=Active'][action*='id={id}&']"));

        var product = await portal.WithDbAsync(db => db.Products.SingleAsync(p => p.Id == id));
        product.Name.ShouldBe("Meshport MS-96 PoE");
        product.Code.ShouldBe("MSP-96");
        product.Active.ShouldBeFalse();
        (await CatalogAuditsAsync()).ShouldContain($"product {id} deactivated: MSP-96");
    }

    [Fact]
    public async Task A_product_code_already_taken_is_refused()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        var page = await client.GetAsync("/Admin/Products");
        var count = await portal.WithDbAsync(db => db.Products.CountAsync());

        var result = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.ManufacturerId"] = (await ManufacturerIdAsync("Sentinel Firewalls")).ToString(CultureInfo.InvariantCulture), ["Input.Name"] = "Copy", ["Input.Code"] = "snt-200f",
        });

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.FieldError("Input.Code").ShouldBe("Inny produkt ma już kod SNT-200F.");
        (await portal.WithDbAsync(db => db.Products.CountAsync())).ShouldBe(count);
    }

    [Theory]
    [InlineData("orders@example.com")]
    [InlineData("agent@example.com")]
    [InlineData("customer@example.com")]
    public async Task Only_admins_may_open_the_catalog_pages(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        var manufacturer = await portal.WithDbAsync(db => db.Manufacturers.Select(m => m.Id).FirstAsync());

        foreach (var url in new[] { "/Admin/Manufacturers", "/Admin/Products", $"/Admin/Fields?manufacturerId={manufacturer}" })
            (await client.GetAsync(url)).Status.ShouldBe(HttpStatusCode.Forbidden, url);
    }

    private Task<int> ManufacturerIdAsync(string name) =>
        portal.WithDbAsync(db => db.Manufacturers.Where(m => m.Name == name).Select(m => m.Id).SingleAsync());

    private Task<List<string>> CatalogAuditsAsync() => portal.WithDbAsync(db => db.AuditEvents
        .Where(a => a.Action == AuditActions.CatalogChanged).OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync());
}
