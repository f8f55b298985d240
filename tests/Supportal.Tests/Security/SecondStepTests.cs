using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;

namespace Supportal.Tests.Security;

/// <summary>The second step of sign-in cannot be skipped or replayed.</summary>
public sealed class SecondStepTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_the_next_step_s_code_works_again()
    {
        const string email = "replay.app@customer.test";
        await portal.CreateUserAsync(email);
        string key;
        using (var owner = portal.CreatePortalClient())
        {
            await owner.SignInAsync(email);
            (key, _) = await AuthenticatorPage.SetUpAsync(owner, portal);
        }
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(key, portal.Clock.GetUtcNow());

        using var first = portal.CreatePortalClient();
        var firstAnswer = await new SignInCodePage(first, await (await SignInPage.OpenAsync(first)).SubmitAsync(email)).EnterAsync(code);
        using var second = portal.CreatePortalClient();
        var secondCodePage = await (await SignInPage.OpenAsync(second)).SubmitAsync(email);
        var replay = await new SignInCodePage(second, secondCodePage).EnterAsync(code);
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        var next = await new SignInCodePage(second, replay).EnterAsync(Totp.Code(key, portal.Clock.GetUtcNow()));

        firstAnswer.Path.ShouldBe("/Dashboard");
        replay.Path.ShouldBe("/Account/LoginWithCode");
        replay.FieldError("Input.Code").ShouldNotBeEmpty();
        next.Path.ShouldBe("/Dashboard");
    }

    [Fact]
    public async Task Sign_out_everywhere_voids_a_copied_remember_this_browser_cookie_at_once()
    {
        const string email = "remember.copied@customer.test";
        await portal.CreateUserAsync(email);
        var remembered = new CookieContainer();
        using var browser = Client(remembered);
        var codePage = await (await SignInPage.OpenAsync(browser)).SubmitAsync(email);
        await new SignInCodePage(browser, codePage).EnterAsync(await portal.LatestSignInCodeAsync(email), rememberBrowser: true);
        var stolen = remembered.GetCookies(new Uri("https://localhost")).Single(c => c.Name.Contains("TwoFactorRememberMe", StringComparison.Ordinal));

        // Before: the copied cookie and the password skip the code.
        using (var before = Client(With(stolen)))
            (await (await SignInPage.OpenAsync(before)).SubmitAsync(email)).Path.ShouldBe("/Dashboard");
        var sessions = await browser.GetAsync("/Account/Manage/Sessions");
        await browser.SubmitAsync(sessions.Form("form[action*='handler=Everywhere']"));

        using var after = Client(With(stolen));
        (await (await SignInPage.OpenAsync(after)).SubmitAsync(email)).Path.ShouldBe("/Account/LoginWithCode");
    }

    [Fact]
    public async Task An_account_made_for_a_request_asks_for_the_second_step_once_it_has_a_password()
    {
        const string email = "made.for.request@newcustomer.test";
        using (var scope = portal.Services.CreateScope())
        {
            var (user, _) = await scope.ServiceProvider.GetRequiredService<PasswordlessAccounts>().FindOrCreateAsync(email, "Ada Request", "en");
            // What "Get a password" leaves behind: a proven address and a password.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            user.EmailConfirmed = true;
            (await users.AddPasswordAsync(user, PortalFactory.DemoPassword)).Succeeded.ShouldBeTrue();
        }
        using var client = portal.CreatePortalClient();

        var next = await (await SignInPage.OpenAsync(client)).SubmitAsync(email);

        next.Path.ShouldBe("/Account/LoginWithCode");
        (await client.EnterCodeAsync(next, email)).Path.ShouldBe("/Dashboard");
    }

    private PortalClient Client(CookieContainer cookies) =>
        new(portal.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)), portal, cookies);

    private static CookieContainer With(Cookie cookie)
    {
        var cookies = new CookieContainer();
        cookies.Add(new Uri("https://localhost"), new Cookie(cookie.Name, cookie.Value, "/"));
        return cookies;
    }
}
