using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;

namespace Supportal.Tests.Security;

/// <summary>Every place a secret of the account can be guessed counts toward the same lockout as sign-in.</summary>
public sealed class LockoutTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string TooMany = "Too many failed attempts. Try again in 15 minutes.";

    [Fact]
    public async Task Wrong_recovery_codes_lock_the_account_and_then_even_a_right_one_is_refused()
    {
        const string email = "lockout.recovery@customer.test";
        await portal.CreateUserAsync(email);
        string recovery;
        using (var owner = portal.CreatePortalClient())
        {
            await owner.SignInAsync(email);
            recovery = (await AuthenticatorPage.SetUpAsync(owner, portal)).RecoveryCodes[0];
        }
        using var guesser = portal.CreatePortalClient();
        var codePage = await (await SignInPage.OpenAsync(guesser)).SubmitAsync(email);
        var recoveryPage = await guesser.GetAsync(codePage.Find("a[href^='/Account/LoginWithRecoveryCode']")!.GetAttribute("href")!);

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
            answers.Add((await guesser.SubmitAsync(recoveryPage.Form(), new Dictionary<string, string> { ["RecoveryCode"] = $"WRONG-{i:D5}" })).FieldError("RecoveryCode"));
        var right = await guesser.SubmitAsync(recoveryPage.Form(), new Dictionary<string, string> { ["RecoveryCode"] = recovery });

        answers.Take(4).ShouldAllBe(a => a == "This recovery code is not correct or has been used.");
        answers[4].ShouldBe(TooMany);
        right.Path.ShouldBe("/Account/LoginWithRecoveryCode");
        right.FieldError("RecoveryCode").ShouldBe(TooMany);
        using var later = portal.CreatePortalClient();
        (await (await SignInPage.OpenAsync(later)).SubmitAsync(email)).Find(".validation-summary-errors")!.TextContent.ShouldContain(TooMany);
    }

    [Fact]
    public async Task Wrong_current_passwords_in_change_password_lock_the_account()
    {
        const string email = "lockout.change@customer.test";
        await portal.CreateUserAsync(email);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);

        async Task<Page> ChangeAsync(string current)
        {
            var form = await client.GetAsync("/Account/Manage/ChangePassword");
            return await client.SubmitAsync(form.Form(), new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = "amber harbour violin kettle", ["Input.ConfirmPassword"] = "amber harbour violin kettle",
            });
        }
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
            answers.Add((await ChangeAsync($"wrong-current-{i}")).FieldError("Input.CurrentPassword"));
        var right = await ChangeAsync(PortalFactory.DemoPassword);

        answers.Take(4).ShouldAllBe(a => a != TooMany && a.Length > 0);
        answers[4].ShouldBe(TooMany);
        right.FieldError("Input.CurrentPassword").ShouldBe(TooMany);
        using var other = portal.CreatePortalClient();
        (await (await SignInPage.OpenAsync(other)).SubmitAsync(email)).Find(".validation-summary-errors")!.TextContent.ShouldContain(TooMany);
    }
}
