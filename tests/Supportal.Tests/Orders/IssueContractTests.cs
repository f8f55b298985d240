using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Orders;

public sealed partial class IssueContractTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string Value(Page page, string name) => page.Find($"[name='{name}']")!.GetAttribute("value") ?? "";

    [Fact]
    public async Task Issuing_creates_the_contract_with_a_hashed_key_that_activates_it_and_shows_the_key_once()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(OrdersData.OrdersUser);
        var today = OrdersData.Today(portal);
        var form = await client.GetAsync("/Orders/Issue");
        var proposed = Value(form, "Input.Number");
        proposed.ShouldMatch($@"^C-{today.Year}-\d{{5}}$");
        Value(form, "Input.StartsOn").ShouldBe(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Value(form, "Input.EndsOn").ShouldBe(today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var shown = await client.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.NewOrganization"] = "Fabrikam Sp. z o.o.", ["Input.ServiceLevelId"] = "2", ["Input.Notes"] = "Signed at the fair.",
        });

        shown.Path.ShouldStartWith("/Orders/Contract/");
        var key = shown.Find("[data-key]")!.TextContent.Trim();
        key.ShouldMatch(@"^[A-HJ-NP-Z2-9]{5}(-[A-HJ-NP-Z2-9]{5}){3}$");
        var contract = await portal.WithDbAsync(db => db.Contracts.Include(c => c.Organization).SingleAsync(c => c.Number == proposed));
        contract.Organization.Name.ShouldBe("Fabrikam Sp. z o.o.");
        contract.ServiceLevelId.ShouldBe(2);
        contract.StartsOn.ShouldBe(today);
        contract.Notes.ShouldBe("Signed at the fair.");
        contract.ActivationKeyHash.ShouldNotContain(key);
        contract.KeyIssuedAt.ShouldBe(portal.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1));
        (await OrdersData.ActivateAsync(portal, proposed, key))!.Id.ShouldBe(contract.Id);
        (await OrdersData.AuditAsync(portal, AuditActions.ContractIssued, proposed)).Count.ShouldBe(1);

        // Shown once: the same page again has no key, and the next proposal is one higher.
        (await client.GetAsync(shown.Path)).Find("[data-key]").ShouldBeNull();
        var next = Value(await client.GetAsync("/Orders/Issue"), "Input.Number");
        next.ShouldBe($"C-{today.Year}-{int.Parse(proposed[^5..], CultureInfo.InvariantCulture) + 1:D5}");

        // The certificate carries the key only when the page that showed it sends it along.
        var certificate = await client.SubmitAsync(shown.Form("form[action$='/Certificate']"));
        certificate.Find("[data-key]")!.TextContent.Trim().ShouldBe(key);
        certificate.Text.ShouldContain("Fabrikam Sp. z o.o.");
        var plain = await client.GetAsync($"/Orders/Contract/{contract.Id}/Certificate");
        plain.Find("[data-key]").ShouldBeNull();
        plain.Find("[data-no-key]").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_existing_organization_can_be_chosen_and_the_number_changed()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(OrdersData.OrdersUser);
        var baltic = await portal.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Name == "Baltic Retail Group"));
        var form = await client.GetAsync("/Orders/Issue");

        var shown = await client.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.OrganizationId"] = baltic.Id.ToString(CultureInfo.InvariantCulture), ["Input.Number"] = " baltic-2026-a ",
        });

        shown.Find("[data-key]").ShouldNotBeNull();
        var contract = await portal.WithDbAsync(db => db.Contracts.SingleAsync(c => c.Number == "BALTIC-2026-A"));
        contract.OrganizationId.ShouldBe(baltic.Id);
        (await portal.WithDbAsync(db => db.Organizations.CountAsync(o => o.Name == "Baltic Retail Group"))).ShouldBe(1);
    }

    [Theory]
    [InlineData("Input.Number", "DEMO-0001", "Numer kontraktu DEMO-0001 jest już zajęty. Wybierz inny.")]
    [InlineData("Input.EndsOn", "start", "Data zakończenia musi być późniejsza niż data rozpoczęcia.")]
    [InlineData("Input.OrganizationId", "", "Wybierz organizację albo wpisz nazwę nowej.")]
    [InlineData("Input.Number", "", "Pole Numer kontraktu jest wymagane.")]
    public async Task A_wrong_field_is_explained_by_the_field_and_nothing_is_created(string field, string value, string message)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(OrdersData.OrdersUser);
        var form = await client.GetAsync("/Orders/Issue");
        var values = new Dictionary<string, string> { ["Input.NewOrganization"] = "Should Not Exist Ltd" };
        if (field == "Input.OrganizationId")
            values["Input.NewOrganization"] = "";
        values[field] = value == "start" ? Value(form, "Input.StartsOn") : value;
        var contracts = await portal.WithDbAsync(db => db.Contracts.CountAsync());

        var result = await client.SubmitAsync(form.Form(), values);

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.FieldError(field).ShouldBe(message);
        (await portal.WithDbAsync(db => db.Contracts.CountAsync())).ShouldBe(contracts);
        (await portal.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == "Should Not Exist Ltd"))).ShouldBeFalse();
    }

    [Fact]
    public void Generated_keys_use_the_unambiguous_alphabet_and_differ()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => Supportal.Contracts.ActivationKeys.Generate()).ToList();

        keys.ShouldAllBe(k => KeyPattern().IsMatch(k));
        keys.Distinct().Count().ShouldBe(keys.Count);
    }

    [GeneratedRegex("^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$")]
    private static partial Regex KeyPattern();
}
