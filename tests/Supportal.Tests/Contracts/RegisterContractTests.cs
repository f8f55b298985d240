using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Contracts;

public sealed class RegisterContractTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static async Task<Page> ApplyAsync(PortalClient client, string number, string key)
    {
        var page = await client.GetAsync("/Contracts/Register");
        return await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Number"] = number, ["Input.Key"] = key });
    }

    private async Task<(PortalClient Client, Guid UserId)> CustomerAsync(string email)
    {
        var user = await portal.CreateUserAsync(email, "Kasia", "Wrona");
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        return (client, user.Id);
    }

    [Fact]
    public async Task A_customer_registers_a_contract_and_sees_it_with_its_assets_and_joins_its_organization()
    {
        var (client, userId) = await CustomerAsync("register.ok@customer.test");
        using var _ = client;

        var contracts = await ApplyAsync(client, "demo-0002", "DEMO-0002-KEY");

        contracts.Path.ShouldBe("/Contracts");
        contracts.Find("[role=status]")!.TextContent.ShouldBe("Contract DEMO-0002 has been registered on your account.");
        var card = contracts.Find("[data-contract='DEMO-0002']")!;
        card.TextContent.ShouldContain("Premium 24×7");
        card.TextContent.ShouldContain("Baltic Retail Group");
        card.QuerySelector("[data-state]")!.GetAttribute("data-state").ShouldBe("Active");
        card.QuerySelectorAll("tr[data-asset]").Length.ShouldBe(2);
        card.TextContent.ShouldContain("MSP48-10001");
        (await portal.WithDbAsync(db => db.OrganizationMembers.AnyAsync(m => m.UserId == userId && m.Organization.Name == "Baltic Retail Group"))).ShouldBeTrue();
        (await portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == userId && a.Action == AuditActions.ContractActivated && a.Detail == "DEMO-0002"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Registering_a_contract_already_on_the_account_says_so()
    {
        var (client, _) = await CustomerAsync("register.twice@customer.test");
        using var _ = client;
        await ApplyAsync(client, "DEMO-0002", "DEMO-0002-KEY");

        var again = await ApplyAsync(client, "DEMO-0002", "DEMO-0002-KEY");

        again.FieldError("Input.Number").ShouldBe("Contract DEMO-0002 is already on your account.");
    }

    [Fact]
    public async Task Colleagues_may_register_the_same_contract()
    {
        var (first, firstId) = await CustomerAsync("colleague.one@customer.test");
        var (second, secondId) = await CustomerAsync("colleague.two@customer.test");
        using var a = first;
        using var b = second;

        (await ApplyAsync(first, "DEMO-0001", "DEMO-0001-KEY")).Path.ShouldBe("/Contracts");
        (await ApplyAsync(second, "DEMO-0001", "DEMO-0001-KEY")).Path.ShouldBe("/Contracts");

        var holders = await portal.WithDbAsync(db => db.ContractRegistrations.Where(r => r.Contract.Number == "DEMO-0001").Select(r => r.UserId).ToListAsync());
        holders.ShouldContain(firstId);
        holders.ShouldContain(secondId);
    }

    [Theory]
    [InlineData("DEMO-0001", "WRONG-KEY")]
    [InlineData("NO-SUCH-NUMBER", "DEMO-0001-KEY")]
    public async Task A_wrong_pair_reads_the_same_whether_or_not_the_number_exists_and_is_audited(string number, string key)
    {
        var (client, userId) = await CustomerAsync($"wrong.{number.ToLowerInvariant()}@customer.test");
        using var _ = client;

        var page = await ApplyAsync(client, number, key);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.FieldError("Input.Key").ShouldStartWith("The contract number or activation code is not correct.");
        page.Find("input[name='Input.Number']")!.GetAttribute("value").ShouldBe(number);
        (await portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == userId && a.Action == AuditActions.ContractRegisterFailed))).ShouldBe(1);
        (await portal.WithDbAsync(db => db.ContractRegistrations.AnyAsync(r => r.UserId == userId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Ten_wrong_keys_in_an_hour_lock_the_feature_for_an_hour_even_for_the_right_key()
    {
        var (client, userId) = await CustomerAsync("guesser@customer.test");
        using var _ = client;
        for (var i = 0; i < 10; i++)
            await ApplyAsync(client, "DEMO-0002", $"GUESS-{i}");

        var locked = await ApplyAsync(client, "DEMO-0002", "DEMO-0002-KEY");

        locked.Find("[data-locked]").ShouldNotBeNull();
        locked.Find("main button[type=submit]")!.HasAttribute("disabled").ShouldBeTrue();
        (await portal.WithDbAsync(db => db.ContractRegistrations.AnyAsync(r => r.UserId == userId))).ShouldBeFalse();
        (await portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == userId && a.Action == AuditActions.ContractRegisterLocked))).ShouldBe(1);

        portal.Clock.Advance(TimeSpan.FromMinutes(61));
        (await ApplyAsync(client, "DEMO-0002", "DEMO-0002-KEY")).Path.ShouldBe("/Contracts");
    }

    [Fact]
    public async Task Wrong_keys_spread_over_more_than_an_hour_do_not_lock()
    {
        var (client, _) = await CustomerAsync("slow.guesser@customer.test");
        using var _ = client;
        for (var i = 0; i < 10; i++)
        {
            await ApplyAsync(client, "DEMO-0002", $"GUESS-{i}");
            portal.Clock.Advance(TimeSpan.FromMinutes(7));
        }
        (await ApplyAsync(client, "DEMO-0002", "DEMO-0002-KEY")).Path.ShouldBe("/Contracts");
    }

    [Fact]
    public async Task A_customer_cannot_open_a_contract_that_is_not_on_the_account()
    {
        var (client, _) = await CustomerAsync("nosy@customer.test");
        using var _ = client;
        var demo = await portal.WithDbAsync(db => db.Contracts.SingleAsync(c => c.Number == "DEMO-0001"));

        (await client.GetAsync($"/Contracts/{demo.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Contracts/999999")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/Contracts")).Find("[data-contract]").ShouldBeNull();
    }

    [Fact]
    public async Task The_demo_customer_sees_the_expired_contract_as_expired_without_assets_to_raise_requests_for()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("customer@example.com");
        var expired = await portal.WithDbAsync(db => db.Contracts.SingleAsync(c => c.Number == "DEMO-0003"));

        var list = await client.GetAsync("/Contracts");
        var details = await client.GetAsync($"/Contracts/{expired.Id}");

        list.Find("[data-contract='DEMO-0003'] [data-state]")!.GetAttribute("data-state").ShouldBe("Expired");
        list.Find("[data-contract='DEMO-0001'] [data-state]")!.GetAttribute("data-state").ShouldBe("Active");
        details.Status.ShouldBe(HttpStatusCode.OK);
        details.Find("main [role=status]")!.TextContent.ShouldContain("does not cover today");
        details.Find("tr[data-asset]").ShouldBeNull();
    }
}
