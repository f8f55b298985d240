using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Orders;

public sealed class ContractChangeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<PortalClient> OrdersClientAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(OrdersData.OrdersUser);
        return client;
    }

    private static string State(Page page) => page.Find("h1 [data-state]")!.GetAttribute("data-state")!;

    [Fact]
    public async Task An_asset_needs_a_serial_number_or_a_name_and_can_be_added_and_removed()
    {
        var today = OrdersData.Today(portal);
        var id = await OrdersData.CreateContractAsync(portal, "ASSET-1", today, today.AddYears(1));
        using var client = await OrdersClientAsync();
        var contract = await client.GetAsync($"/Orders/Contract/{id}");
        var form = await client.GetAsync(contract.Find("main a[href$='/AddAsset']")!.GetAttribute("href")!);
        var product = await portal.WithDbAsync(db => db.Products.SingleAsync(p => p.Code == "VLT-BA"));
        form.FindAll("select[name='Input.ProductId'] optgroup").Select(g => g.GetAttribute("label")).ShouldBe(
            ["Meshport Networks", "Sentinel Firewalls", "Vaultline Storage"]);

        var refused = await client.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.ProductId"] = product.Id.ToString(CultureInfo.InvariantCulture), ["Input.SerialNumber"] = " ", ["Input.Name"] = "", ["Input.Location"] = "Kraków",
        });
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.FieldError("Input.SerialNumber").ShouldBe("Podaj numer seryjny lub nazwę.");
        (await portal.WithDbAsync(db => db.Assets.CountAsync(a => a.ContractId == id))).ShouldBe(0);

        var added = await client.SubmitAsync(refused.Form(), new Dictionary<string, string> { ["Input.Name"] = "Backup Kraków" });
        added.Path.ShouldBe($"/Orders/Contract/{id}");
        var asset = await portal.WithDbAsync(db => db.Assets.SingleAsync(a => a.ContractId == id));
        (asset.ProductId, asset.SerialNumber, asset.Name, asset.Location).ShouldBe((product.Id, (string?)null, "Backup Kraków", "Kraków"));
        added.Find($"tr[data-asset='{asset.Id}']")!.TextContent.ShouldContain("Vaultline Backup Appliance");

        var confirm = await client.GetAsync(added.Find($"tr[data-asset='{asset.Id}'] a")!.GetAttribute("href")!);
        confirm.Text.ShouldContain("Backup Kraków");
        (await portal.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == asset.Id))).ShouldBeTrue();
        var removed = await client.SubmitAsync(confirm.Form());
        removed.Path.ShouldBe($"/Orders/Contract/{id}");
        (await portal.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == asset.Id))).ShouldBeFalse();

        var audit = await OrdersData.AuditAsync(portal, AuditActions.ContractChanged, "ASSET-1:");
        audit.Select(a => a.Detail).ShouldBe(["ASSET-1: asset added: Backup Kraków", "ASSET-1: asset removed: Backup Kraków"], ignoreOrder: true);
    }

    [Fact]
    public async Task Extending_moves_the_end_later_and_ending_now_makes_the_contract_expired()
    {
        var today = OrdersData.Today(portal);
        var id = await OrdersData.CreateContractAsync(portal, "EXTEND-1", today.AddYears(-1), today.AddDays(10));
        using var client = await OrdersClientAsync();
        State(await client.GetAsync($"/Orders/Contract/{id}")).ShouldBe("Expiring");

        var extend = await client.GetAsync($"/Orders/Contract/{id}/Extend");
        var refused = await client.SubmitAsync(extend.Form(), new Dictionary<string, string> { ["Input.EndsOn"] = today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        refused.FieldError("Input.EndsOn").ShouldStartWith("Nowa data zakończenia musi być późniejsza niż");
        var extended = await client.SubmitAsync(extend.Form(), new Dictionary<string, string> { ["Input.EndsOn"] = today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        State(extended).ShouldBe("Active");
        (await portal.WithDbAsync(db => db.Contracts.SingleAsync(c => c.Id == id))).EndsOn.ShouldBe(today.AddYears(1));

        var end = await client.GetAsync($"/Orders/Contract/{id}/End");
        (await portal.WithDbAsync(db => db.Contracts.SingleAsync(c => c.Id == id))).EndsOn.ShouldBe(today.AddYears(1));
        var ended = await client.SubmitAsync(end.Form());
        State(ended).ShouldBe("Expired");
        (await portal.WithDbAsync(db => db.Contracts.SingleAsync(c => c.Id == id))).EndsOn.ShouldBe(today.AddDays(-1));

        (await OrdersData.AuditAsync(portal, AuditActions.ContractChanged, "EXTEND-1:")).Select(a => a.Detail).ShouldBe([
            $"EXTEND-1: extended from {today.AddDays(10):yyyy-MM-dd} to {today.AddYears(1):yyyy-MM-dd}",
            $"EXTEND-1: ended, end date {today.AddYears(1):yyyy-MM-dd} moved to {today.AddDays(-1):yyyy-MM-dd}",
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task A_reissued_key_activates_the_contract_and_the_old_one_no_longer_does()
    {
        var today = OrdersData.Today(portal);
        var id = await OrdersData.CreateContractAsync(portal, "REISSUE-1", today, today.AddYears(1), key: "OLD-KEY");
        using var client = await OrdersClientAsync();

        var confirm = await client.GetAsync($"/Orders/Contract/{id}/Reissue");
        (await OrdersData.ActivateAsync(portal, "REISSUE-1", "OLD-KEY")).ShouldNotBeNull();
        var shown = await client.SubmitAsync(confirm.Form());

        var key = shown.Find("[data-key]")!.TextContent.Trim();
        (await OrdersData.ActivateAsync(portal, "REISSUE-1", key))!.Id.ShouldBe(id);
        (await OrdersData.ActivateAsync(portal, "REISSUE-1", "OLD-KEY")).ShouldBeNull();
        (await OrdersData.AuditAsync(portal, AuditActions.ContractKeyReissued, "REISSUE-1")).Count.ShouldBe(1);

        // The old key cannot be slipped onto a certificate either.
        var certificate = await client.SubmitAsync(shown.Form("form[action$='/Certificate']"), new Dictionary<string, string> { ["key"] = "OLD-KEY" });
        certificate.Find("[data-key]").ShouldBeNull();
    }

    [Fact]
    public async Task The_certificate_lists_the_assets_and_the_contract_page_who_registered()
    {
        var today = OrdersData.Today(portal);
        var id = await OrdersData.CreateContractAsync(portal, "CERT-1", today, today.AddYears(1), assets: 2);
        using var client = await OrdersClientAsync();

        var certificate = await client.GetAsync($"/Orders/Contract/{id}/Certificate");

        certificate.Find("[data-number]")!.TextContent.ShouldBe("CERT-1");
        certificate.Text.ShouldContain("CERT-1-SN1");
        certificate.Text.ShouldContain("CERT-1-SN2");
        certificate.Find("button[data-print]").ShouldNotBeNull();
        certificate.Find("script[src^='/js/print.js']").ShouldNotBeNull();

        var demo = await portal.WithDbAsync(db => db.Contracts.SingleAsync(c => c.Number == "DEMO-0001"));
        var page = await client.GetAsync($"/Orders/Contract/{demo.Id}");
        page.Find("section[aria-labelledby=registrations-heading] tbody")!.TextContent.ShouldContain("customer@example.com");
        page.Find("section[aria-labelledby=registrations-heading] tbody time").ShouldNotBeNull();
    }
}
