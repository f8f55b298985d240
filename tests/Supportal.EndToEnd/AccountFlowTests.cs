using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Supportal.Data;
using Supportal.EndToEnd.Pages;
using Supportal.Tests.Infrastructure;

namespace Supportal.EndToEnd;

/// <summary>The account flows in Chromium, with every e-mail read back from a real SMTP server.</summary>
[Collection(SharedBrowser.Name)]
public sealed partial class AccountFlowTests(Browser browser, MailingPortal portal) : IClassFixture<MailingPortal>
{
    private const string Password = "quiet river copper lantern";

    private Task<MailFile> MailAsync(string to, string subjectPart) => portal.MailAsync(to, subjectPart);

    private static string Link(MailFile mail, string pathPart) =>
        LinkPattern().Matches(mail.Text).Select(m => m.Value).First(u => u.Contains(pathPart, StringComparison.Ordinal));

    private async Task SignInWithCodeAsync(IPage page, string email, string password, string codeSubject)
    {
        var signIn = await new SignInPage(page).OpenAsync();
        await signIn.SubmitAsync(email, password);
        await signIn.ShouldAskForCodeAsync();
        await signIn.EnterCodeAsync(CodePattern().Match((await MailAsync(email, codeSubject)).Subject).Value);
        await page.ShouldReachAsync("**/Dashboard");
    }

    [Theory]
    [InlineData("en", "Confirm your e-mail address", "Your sign-in code", "Welcome, Lena Nowicka")]
    [InlineData("pl", "Potwierdź swój adres e-mail", "Twój kod logowania", "Witaj, Lena Nowicka")]
    public async Task A_new_customer_signs_up_with_the_demo_contract_confirms_and_signs_in_with_the_emailed_code(
        string language, string confirmSubject, string codeSubject, string welcome)
    {
        var email = $"lena.{language}@customer.test";
        var page = await browser.NewPageAsync(portal.Url, locale: language);
        await page.GotoAsync("/");
        await page.Locator("header a[href='/Account/Register']").ClickAsync();

        await page.Locator("input[name='Input.FirstName']").FillAsync("Lena");
        await page.Locator("input[name='Input.LastName']").FillAsync("Nowicka");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Company']").FillAsync("Nowicka Systems");
        await page.Locator("input[name='Input.Phone']").FillAsync("+48 601 222 333");
        await page.Locator("input[name='Input.Password']").FillAsync(Password);
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync(Password);
        await page.Locator("select[name='Input.Language']").SelectOptionAsync(language);
        await page.Locator("input[name='Input.ContractNumber']").FillAsync(DemoData.ContractNumber);
        await page.Locator("input[name='Input.ActivationCode']").FillAsync(DemoData.ContractKey);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"sign-up-{language}-desktop");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.ShouldReachAsync("**/Account/CheckEmail");

        var confirmation = await MailAsync(email, confirmSubject);
        await page.GotoAsync(Link(confirmation, "/Account/ConfirmEmail"));
        await Assertions.Expect(page.Locator("main .bi-check-circle")).ToBeVisibleAsync();

        await SignInWithCodeAsync(page, email, Password, codeSubject);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(welcome);
        // Over a real connection the audit trail has the address the sign-in came from.
        var ip = await portal.Factory.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == Supportal.Accounts.AuditActions.SignInSucceeded)
            .OrderByDescending(a => a.Id).Select(a => a.Ip).FirstAsync());
        ip.ShouldBe("127.0.0.1");
    }

    [Theory]
    [InlineData("en", "Set your password", "Password has been changed")]
    [InlineData("pl", "Ustaw hasło", "Hasło zostało zmienione")]
    public async Task A_customer_who_forgot_the_password_sets_a_new_one_from_the_emailed_link(string language, string subject, string done)
    {
        var email = $"forgetful.{language}@customer.test";
        await portal.Factory.CreateUserAsync(email, "Jan", "Zapominalski", language);
        var page = await browser.NewPageAsync(portal.Url, locale: language);
        await page.GotoAsync("/Account/Login");
        await page.Locator("main a[href='/Account/ForgotPassword']").ClickAsync();
        await new ForgotPasswordPage(page).RequestLinkAsync(email);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        await page.GotoAsync(Link(await MailAsync(email, subject), "/Account/ResetPassword"));
        var reset = new ResetPasswordPage(page);
        await reset.FillAsync(Password);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await reset.SubmitAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(done);

        await SignInWithCodeAsync(page, email, Password, language == "pl" ? "Twój kod logowania" : "Your sign-in code");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();
}
