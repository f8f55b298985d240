using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;

namespace Supportal.Tests.Accounts;

public sealed class SignInCodeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static async Task<Page> PasswordStepAsync(PortalClient client, string email) =>
        await (await SignInPage.OpenAsync(client)).SubmitAsync(email);

    private static Task<Page> EnterAsync(PortalClient client, Page codePage, string code, bool remember = false) =>
        new SignInCodePage(client, codePage).EnterAsync(code, remember);

    [Fact]
    public async Task The_password_step_emails_a_code_and_a_wrong_code_is_refused()
    {
        await portal.CreateUserAsync("code.wrong@customer.test");
        using var client = portal.CreatePortalClient();

        var codePage = await PasswordStepAsync(client, "code.wrong@customer.test");

        codePage.Path.ShouldBe("/Account/LoginWithCode");
        (await portal.MailsToAsync("code.wrong@customer.test")).Single().Subject.ShouldStartWith("Your sign-in code: ");
        var right = await portal.LatestSignInCodeAsync("code.wrong@customer.test");
        var wrong = right == "000000" ? "111111" : "000000";
        var refused = await EnterAsync(client, codePage, wrong);
        refused.FieldError("Input.Code").ShouldBe("This code is not correct.");
        (await client.Http.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await EnterAsync(client, refused, right)).Path.ShouldBe("/Dashboard");
    }

    [Fact]
    public async Task An_expired_code_says_so_and_a_new_code_works()
    {
        await portal.CreateUserAsync("code.expired@customer.test");
        using var client = portal.CreatePortalClient();
        var codePage = await PasswordStepAsync(client, "code.expired@customer.test");
        var old = await portal.LatestSignInCodeAsync("code.expired@customer.test");

        portal.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await EnterAsync(client, codePage, old);

        expired.FieldError("Input.Code").ShouldBe("This code has expired. Send a new code and enter it.");
        var resent = await client.SubmitAsync(expired.Form("form[action*='handler=Resend']"));
        resent.Find("[role=status]")!.TextContent.ShouldBe("A new code has been sent to your e-mail address.");
        var fresh = await portal.LatestSignInCodeAsync("code.expired@customer.test");
        (await EnterAsync(client, resent, fresh)).Path.ShouldBe("/Dashboard");
    }

    [Fact]
    public async Task A_code_works_only_once()
    {
        var user = await portal.CreateUserAsync("code.once@customer.test");
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var code = await users.GenerateTwoFactorTokenAsync(user, EmailCodeProvider.Name);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();

        (await users.VerifyTwoFactorTokenAsync(user, EmailCodeProvider.Name, code)).ShouldBeTrue();
        (await users.VerifyTwoFactorTokenAsync(user, EmailCodeProvider.Name, code)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_remembered_browser_skips_the_code_next_time()
    {
        await portal.CreateUserAsync("code.remember@customer.test");
        using var client = portal.CreatePortalClient();
        var codePage = await PasswordStepAsync(client, "code.remember@customer.test");
        var dashboard = await EnterAsync(client, codePage, await portal.LatestSignInCodeAsync("code.remember@customer.test"), remember: true);
        await client.SubmitAsync(dashboard.Form("header form[action='/Account/Logout']"));

        var again = await PasswordStepAsync(client, "code.remember@customer.test");

        again.Path.ShouldBe("/Dashboard");
        (await portal.MailsToAsync("code.remember@customer.test")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account()
    {
        await portal.CreateUserAsync("code.guesser@customer.test");
        using var client = portal.CreatePortalClient();
        var page = await PasswordStepAsync(client, "code.guesser@customer.test");
        var right = await portal.LatestSignInCodeAsync("code.guesser@customer.test");

        for (var i = 0; i < 5; i++)
            page = await EnterAsync(client, page, right == "000000" ? "111111" : "000000");

        page.FieldError("Input.Code").ShouldBe("Too many failed attempts. Try again in 15 minutes.");
        (await EnterAsync(client, page, right)).Path.ShouldNotBe("/Dashboard");
    }

    [Fact]
    public async Task Sign_in_success_and_failure_are_audited()
    {
        var user = await portal.CreateUserAsync("audited@customer.test");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("audited@customer.test", "not the right password");
        await client.SignInAsync("audited@customer.test");

        var events = await portal.WithDbAsync(db => db.AuditEvents.Where(a => a.UserId == user.Id).OrderBy(a => a.Id).ToListAsync());

        events.Select(e => e.Action).ShouldBe([AuditActions.SignInFailed, AuditActions.SignInSucceeded]);
    }

    [Fact]
    public async Task A_session_survives_identitys_periodic_security_stamp_check()
    {
        await portal.CreateUserAsync("long.session@customer.test");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("long.session@customer.test");

        portal.Clock.Advance(TimeSpan.FromMinutes(31));
        (await client.Http.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.Http.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_out_session_cookie_cannot_be_replayed()
    {
        await portal.CreateUserAsync("replay@customer.test");
        using var client = portal.CreatePortalClient();
        var dashboard = await client.SignInAsync("replay@customer.test");
        var stolen = client.CookieHeader;

        await client.SubmitAsync(dashboard.Form("header form[action='/Account/Logout']"));
        using var replay = portal.CreateDefaultClient(new Uri("https://localhost"));
        replay.DefaultRequestHeaders.Add("Cookie", stolen);

        (await replay.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
