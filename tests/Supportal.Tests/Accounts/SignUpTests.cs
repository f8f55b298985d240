using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Accounts;

public sealed class SignUpTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Form(string email, string password = "correct horse battery staple") => new()
    {
        ["Input.FirstName"] = "Ewa", ["Input.LastName"] = "Mazur", ["Input.Email"] = email, ["Input.Company"] = "Mazur Sp. z o.o.",
        ["Input.Phone"] = "+48 600 100 200", ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        ["Input.Language"] = "pl", ["Input.ContractNumber"] = DemoData.ContractNumber, ["Input.ActivationCode"] = DemoData.ContractKey,
    };

    private static async Task<Page> SubmitAsync(PortalClient client, Dictionary<string, string> values)
    {
        var page = await client.GetAsync("/Account/Register");
        return await client.SubmitAsync(page.Form(), values);
    }

    [Fact]
    public async Task Sign_up_with_the_demo_contract_needs_a_confirmed_address_before_the_first_sign_in()
    {
        using var client = portal.CreatePortalClient();

        var done = await SubmitAsync(client, Form("ewa.mazur@customer.test"));

        done.Path.ShouldBe("/Account/CheckEmail");
        var user = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "ewa.mazur@customer.test"));
        user.EmailConfirmed.ShouldBeFalse();
        user.TwoFactorEnabled.ShouldBeTrue();
        (user.FirstName, user.Company, user.PhoneNumber, user.Language).ShouldBe(("Ewa", "Mazur Sp. z o.o.", "+48 600 100 200", "pl"));
        (await portal.WithDbAsync(db => db.ContractRegistrations.AnyAsync(r => r.UserId == user.Id && r.Contract.Number == DemoData.ContractNumber))).ShouldBeTrue();
        var actions = await portal.WithDbAsync(db => db.AuditEvents.Where(a => a.UserId == user.Id).Select(a => a.Action).ToListAsync());
        actions.ShouldContain(AuditActions.SignedUp);
        actions.ShouldContain(AuditActions.ContractActivated);
        (await portal.MailsToAsync(user.Email!)).Single().Subject.ShouldBe("Potwierdź swój adres e-mail");

        var notYet = await client.SignInAsync(user.Email!, "correct horse battery staple");
        notYet.Path.ShouldBe("/Account/Login");
        notYet.Text.ShouldContain("This account cannot sign in yet: confirm your e-mail address first.");
        notYet.Find("a[href^='/Account/ResendConfirmation']").ShouldNotBeNull();

        var confirmed = await client.GetAsync(await portal.LinkInLatestMailAsync(user.Email!, "ConfirmEmail"));
        confirmed.Find("h1")!.TextContent.ShouldBe("E-mail address confirmed");
        (await client.SignInAsync(user.Email!, "correct horse battery staple")).Path.ShouldBe("/Dashboard");
    }

    [Fact]
    public async Task A_wrong_contract_pair_is_explained_and_creates_nothing()
    {
        using var client = portal.CreatePortalClient();
        var values = Form("wrong.pair@customer.test");
        values["Input.ActivationCode"] = "NOT-THE-KEY";

        var page = await SubmitAsync(client, values);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.FieldError("Input.ActivationCode").ShouldStartWith("The contract number or activation code is not correct.");
        page.Find("input[name='Input.FirstName']")!.GetAttribute("value").ShouldBe("Ewa");
        page.Find("input[name='Input.Password']")!.GetAttribute("value").ShouldBeNullOrEmpty();
        (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "wrong.pair@customer.test"))).ShouldBeFalse();
        (await portal.MailsToAsync("wrong.pair@customer.test")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_contract_number_gets_the_same_message_as_a_wrong_key()
    {
        using var client = portal.CreatePortalClient();
        var values = Form("unknown.number@customer.test");
        values["Input.ContractNumber"] = "NO-SUCH-0001";

        var page = await SubmitAsync(client, values);

        page.FieldError("Input.ActivationCode").ShouldStartWith("The contract number or activation code is not correct.");
    }

    [Fact]
    public async Task Signing_up_again_with_a_registered_address_looks_the_same_and_tells_only_the_owner()
    {
        using var client = portal.CreatePortalClient();
        var before = await portal.WithDbAsync(db => db.Users.CountAsync());

        var page = await SubmitAsync(client, Form("customer@example.com"));

        page.Path.ShouldBe("/Account/CheckEmail");
        (await portal.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
        (await portal.MailsToAsync("customer@example.com")).Last().Subject.ShouldBe("You already have an account");
    }

    [Theory]
    [InlineData("short", "correct horse battery staple", "Input.Password", "Password must have at least 12 characters.")]
    [InlineData("passwordpassword", "passwordpassword", "Input.Password", "This password is one of the most common ones and easy to guess. Choose another.")]
    [InlineData("correct horse battery staple", "something else entirely", "Input.ConfirmPassword", "The passwords do not match.")]
    public async Task Weak_or_mismatched_passwords_are_refused_next_to_the_field(string password, string confirm, string field, string message)
    {
        using var client = portal.CreatePortalClient();
        var values = Form("weak.password@customer.test", password);
        values["Input.ConfirmPassword"] = confirm;

        var page = await SubmitAsync(client, values);

        page.FieldError(field).ShouldBe(message);
        (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "weak.password@customer.test"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Repeated_sign_ups_for_one_address_are_limited()
    {
        using var client = portal.CreatePortalClient();
        var values = Form("persistent@customer.test");
        values["Input.ActivationCode"] = "GUESS";
        for (var i = 0; i < 5; i++)
            (await SubmitAsync(client, values)).FieldError("Input.ActivationCode").ShouldNotBeEmpty();

        var refused = await SubmitAsync(client, Form("persistent@customer.test"));

        refused.Find(".validation-summary-errors")!.TextContent.Trim().ShouldBe("Too many attempts for this address. Please try again in 15 minutes.");
        (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "persistent@customer.test"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Missing_fields_are_each_explained()
    {
        using var client = portal.CreatePortalClient();

        var page = await SubmitAsync(client, []);

        page.FieldError("Input.FirstName").ShouldBe("First name is required.");
        page.FieldError("Input.Email").ShouldBe("E-mail is required.");
        page.FieldError("Input.ContractNumber").ShouldBe("Contract number is required.");
    }
}
