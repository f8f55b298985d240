using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;

namespace Supportal.Tests.Accounts;

public sealed class TwoFactorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string SharedKey(Page setup) =>
        setup.Find("[data-shared-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The code the phone shows now, by the portal's clock.</summary>
    private string CodeFromApp(string key) => Totp.Code(key, portal.Clock.GetUtcNow());

    private async Task<PortalClient> SignedInAsync(string email)
    {
        await portal.CreateUserAsync(email);
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task The_e_mailed_code_is_explained_as_always_on_and_the_app_as_optional()
    {
        using var client = await SignedInAsync("twofactor.overview@customer.test");

        var page = await client.GetAsync("/Account/Manage/TwoFactor");

        page.Find("h1")!.TextContent.ShouldBe("Two-factor authentication");
        page.Text.ShouldContain("cannot be turned off");
        page.Find("main a[href='/Account/Manage/Authenticator']")!.TextContent.ShouldBe("Add an authenticator app");
    }

    [Fact]
    public async Task Setting_up_an_authenticator_app_with_a_code_from_it_shows_ten_recovery_codes_once()
    {
        using var client = await SignedInAsync("twofactor.setup@customer.test");
        var setup = await client.GetAsync("/Account/Manage/Authenticator");
        var key = SharedKey(setup);
        setup.Find("img[src^='data:image/png;base64,']").ShouldNotBeNull();
        setup.Find("[data-shared-key]")!.TextContent.Split(' ').SkipLast(1).ShouldAllBe(group => group.Length == 4);

        var codes = await client.SubmitAsync(setup.Form(), new Dictionary<string, string> { ["Input.Code"] = CodeFromApp(key) });

        codes.Path.ShouldBe("/Account/Manage/RecoveryCodes");
        codes.FindAll("[data-recovery-codes] li").Count().ShouldBe(10);
        codes.Text.ShouldContain("Keep these codes somewhere safe");
        var overview = await client.GetAsync("/Account/Manage/TwoFactor");
        overview.Text.ShouldContain("Recovery codes left: 10");
        var again = await client.GetAsync("/Account/Manage/RecoveryCodes");
        again.Find("[data-recovery-codes]").ShouldBeNull();
        var user = await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "twofactor.setup@customer.test"));
        user.TwoFactorEnabled.ShouldBeTrue();
        (await portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == user.Id && a.Action == AuditActions.TwoFactorChanged))).ShouldBe(1);
    }

    [Fact]
    public async Task With_the_app_set_up_sign_in_asks_for_its_code_and_accepts_a_recovery_code_once()
    {
        string key, recovery;
        using (var client = await SignedInAsync("twofactor.login@customer.test"))
        {
            var setup = await client.GetAsync("/Account/Manage/Authenticator");
            key = SharedKey(setup);
            var codes = await client.SubmitAsync(setup.Form(), new Dictionary<string, string> { ["Input.Code"] = CodeFromApp(key) });
            recovery = codes.FindAll("[data-recovery-codes] li").First().TextContent.Trim();
        }
        static async Task<Page> PasswordStepAsync(PortalClient client) =>
            await (await SignInPage.OpenAsync(client)).SubmitAsync("twofactor.login@customer.test");

        // The setup's code was used; the phone shows the next one half a minute later.
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        using (var app = portal.CreatePortalClient())
        {
            var codePage = await PasswordStepAsync(app);
            codePage.Path.ShouldBe("/Account/LoginWithCode");
            codePage.Text.ShouldContain("Enter the code shown by your authenticator app.");
            (await new SignInCodePage(app, codePage).EnterAsync(CodeFromApp(key))).Path.ShouldBe("/Dashboard");
        }
        static async Task<Page> RecoveryPageAsync(PortalClient client)
        {
            var codePage = await PasswordStepAsync(client);
            return await client.GetAsync(codePage.Find("a[href^='/Account/LoginWithRecoveryCode']")!.GetAttribute("href")!);
        }
        using (var byRecovery = portal.CreatePortalClient())
        {
            var recoveryPage = await RecoveryPageAsync(byRecovery);
            (await byRecovery.SubmitAsync(recoveryPage.Form(), new Dictionary<string, string> { ["RecoveryCode"] = recovery })).Path.ShouldBe("/Dashboard");
        }
        using var reuse = portal.CreatePortalClient();
        var again = await RecoveryPageAsync(reuse);
        (await reuse.SubmitAsync(again.Form(), new Dictionary<string, string> { ["RecoveryCode"] = recovery }))
            .FieldError("RecoveryCode").ShouldBe("This recovery code is not correct or has been used.");
    }

    [Fact]
    public async Task A_wrong_code_is_refused_by_the_field_and_the_same_key_is_offered_again()
    {
        using var client = await SignedInAsync("twofactor.wrong@customer.test");
        var setup = await client.GetAsync("/Account/Manage/Authenticator");
        var key = SharedKey(setup);
        var wrong = ((int.Parse(CodeFromApp(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        var page = await client.SubmitAsync(setup.Form(), new Dictionary<string, string> { ["Input.Code"] = wrong });

        page.Path.ShouldBe("/Account/Manage/Authenticator");
        page.FieldError("Input.Code").ShouldStartWith("That code is not correct.");
        SharedKey(page).ShouldBe(key);
        (await client.GetAsync("/Account/Manage/TwoFactor")).Find("main a[href='/Account/Manage/Authenticator']").ShouldNotBeNull();
    }

    [Fact]
    public async Task New_recovery_codes_need_a_confirmation_and_replace_the_old_ones()
    {
        using var client = await SignedInAsync("twofactor.codes@customer.test");
        var setup = await client.GetAsync("/Account/Manage/Authenticator");
        var first = await client.SubmitAsync(setup.Form(), new Dictionary<string, string> { ["Input.Code"] = CodeFromApp(SharedKey(setup)) });
        var oldCodes = first.FindAll("[data-recovery-codes] li").Select(c => c.TextContent.Trim()).ToList();

        var confirm = await client.GetAsync("/Account/Manage/RecoveryCodes");
        confirm.Text.ShouldContain("the old codes stop working");
        var fresh = await client.SubmitAsync(confirm.Form());

        var newCodes = fresh.FindAll("[data-recovery-codes] li").Select(c => c.TextContent.Trim()).ToList();
        newCodes.Count.ShouldBe(10);
        newCodes.Intersect(oldCodes).ShouldBeEmpty();
    }

    [Fact]
    public async Task Removing_the_app_asks_first_then_the_app_codes_stop_working_and_the_browser_stays_signed_in()
    {
        using var client = await SignedInAsync("twofactor.remove@customer.test");
        var setup = await client.GetAsync("/Account/Manage/Authenticator");
        var key = SharedKey(setup);
        await client.SubmitAsync(setup.Form(), new Dictionary<string, string> { ["Input.Code"] = CodeFromApp(key) });

        var confirm = await client.GetAsync("/Account/Manage/RemoveAuthenticator");
        confirm.Text.ShouldContain("the app's codes no longer work");
        (await client.GetAsync("/Account/Manage/TwoFactor")).Text.ShouldContain("Recovery codes left");
        var done = await client.SubmitAsync(confirm.Form());

        done.Path.ShouldBe("/Account/Manage/TwoFactor");
        done.Find("[role=status]")!.TextContent.ShouldBe("The authenticator app was removed.");
        done.Find("main a[href='/Account/Manage/Authenticator']").ShouldNotBeNull();
        var newSetup = await client.GetAsync("/Account/Manage/Authenticator");
        SharedKey(newSetup).ShouldNotBe(key);
    }
}
