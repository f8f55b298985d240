using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Accounts;

public sealed class PasswordTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "a brand new pass phrase";

    private static async Task<Page> AskForLinkAsync(PortalClient client, string email, bool first = false)
    {
        var page = await client.GetAsync(first ? "/Account/ForgotPassword?first=true" : "/Account/ForgotPassword");
        return await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Email"] = email });
    }

    private static async Task<Page> SetPasswordAsync(PortalClient client, string link, string password, string? confirm = null)
    {
        var page = await client.GetAsync(link);
        return await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm ?? password,
        });
    }

    [Fact]
    public async Task Forgot_my_password_answers_the_same_whether_or_not_the_address_has_an_account()
    {
        await portal.CreateUserAsync("has.account@customer.test");
        using var client = portal.CreatePortalClient();

        var known = await AskForLinkAsync(client, "has.account@customer.test");
        var unknown = await AskForLinkAsync(client, "no.account@customer.test");

        known.Find("[role=status]")!.TextContent.ShouldBe(unknown.Find("[role=status]")!.TextContent);
        known.Status.ShouldBe(unknown.Status);
        (await portal.MailsToAsync("has.account@customer.test")).Single().Subject.ShouldBe("Set your password");
        (await portal.MailsToAsync("no.account@customer.test")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_link_sets_a_new_password_once_and_ends_every_session()
    {
        await portal.CreateUserAsync("resetter@customer.test");
        using var elsewhere = portal.CreatePortalClient();
        (await elsewhere.SignInAsync("resetter@customer.test")).Path.ShouldBe("/Dashboard");
        using var client = portal.CreatePortalClient();
        await AskForLinkAsync(client, "resetter@customer.test");
        var link = await portal.LinkInLatestMailAsync("resetter@customer.test", "ResetPassword");

        var done = await SetPasswordAsync(client, link, NewPassword);

        done.Find("h1")!.TextContent.ShouldBe("Password has been changed");
        (await elsewhere.Http.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SignInAsync("resetter@customer.test", PortalFactory.DemoPassword)).Path.ShouldBe("/Account/Login");
        (await client.SignInAsync("resetter@customer.test", NewPassword)).Path.ShouldBe("/Dashboard");
        var reused = await client.GetAsync(link);
        reused.Find("h1")!.TextContent.ShouldBe("This link cannot be used");
        (await portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditActions.PasswordReset))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_weak_or_mismatched_new_password_is_explained_and_the_link_still_works()
    {
        await portal.CreateUserAsync("careful@customer.test");
        using var client = portal.CreatePortalClient();
        await AskForLinkAsync(client, "careful@customer.test");
        var link = await portal.LinkInLatestMailAsync("careful@customer.test", "ResetPassword");

        (await SetPasswordAsync(client, link, "123456123456")).FieldError("Input.Password")
            .ShouldBe("This password is one of the most common ones and easy to guess. Choose another.");
        (await SetPasswordAsync(client, link, NewPassword, "something different")).FieldError("Input.ConfirmPassword")
            .ShouldBe("The passwords do not match.");
        (await SetPasswordAsync(client, link, NewPassword)).Find("h1")!.TextContent.ShouldBe("Password has been changed");
    }

    [Fact]
    public async Task A_tampered_link_is_refused()
    {
        var user = await portal.CreateUserAsync("tampered@customer.test");
        using var client = portal.CreateClient();

        var page = await Page.LoadAsync(await client.GetAsync($"/Account/ResetPassword?userId={user.Id}&code=bm90LWEtdG9rZW4"));

        page.Find("h1")!.TextContent.ShouldBe("This link cannot be used");
    }

    [Fact]
    public async Task A_migrated_account_without_a_password_gets_one_through_get_a_password()
    {
        var user = await portal.CreateUserAsync("migrated@customer.test");
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.RemovePasswordAsync(stored);
            stored.EmailConfirmed = false; // as an account made by an anonymous request
            await users.UpdateAsync(stored);
        }
        using var client = portal.CreatePortalClient();

        var refused = await client.SignInAsync("migrated@customer.test", "anything at all 123");
        refused.Find(".validation-summary-errors")!.TextContent.ShouldContain("Forgot my password");

        var asked = await AskForLinkAsync(client, "migrated@customer.test", first: true);
        asked.Find("h1")!.TextContent.ShouldBe("Get a password");
        var done = await SetPasswordAsync(client, await portal.LinkInLatestMailAsync("migrated@customer.test", "ResetPassword"), NewPassword);
        done.Find("h1")!.TextContent.ShouldBe("Password has been changed");
        (await client.SignInAsync("migrated@customer.test", NewPassword)).Path.ShouldBe("/Dashboard");
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("PASSWORD", true)]
    [InlineData("passwordpassword", true)]
    [InlineData("123456123456", true)]
    [InlineData("correct horse battery staple", false)]
    [InlineData("passwordpassworx", false)]
    public void Common_passwords_and_their_repetitions_are_recognised(string password, bool common) =>
        CommonPasswordValidator.IsCommon(password).ShouldBe(common);

    [Fact]
    public async Task Unknown_and_existing_logins_are_both_locked_after_five_failures()
    {
        await portal.CreateUserAsync("locked.real@customer.test");
        using var client = portal.CreatePortalClient();
        Page real = null!, ghost = null!;
        for (var i = 0; i < 6; i++)
        {
            real = await client.SignInAsync("locked.real@customer.test", $"wrong guess number {i}");
            ghost = await client.SignInAsync("locked.ghost@customer.test", $"wrong guess number {i}");
        }

        real.Find(".validation-summary-errors")!.TextContent.Trim().ShouldBe("Too many failed attempts. Try again in 15 minutes.");
        ghost.Find(".validation-summary-errors")!.TextContent.Trim().ShouldBe("Too many failed attempts. Try again in 15 minutes.");
    }
}
