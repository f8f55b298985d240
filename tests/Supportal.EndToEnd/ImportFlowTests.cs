using System.Text;
using Microsoft.Playwright;
using Supportal.EndToEnd.Pages;

namespace Supportal.EndToEnd;

/// <summary>Accounts migrated from the previous portal: an admin imports them, a person gets a password.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ImportFlowTests(Browser browser, MailingPortal portal) : IClassFixture<MailingPortal>
{
    private const string Csv = """
        email,first_name,last_name,company,phone,language
        marek.migrated@customer.test,Marek,Migrowany,"Stara Firma, S.A.",+48 600 700 800,pl
        olivia.migrated@customer.test,Olivia,Moved,Old Corp,+44 20 7946 0001,en
        not-an-address,Bad,Row,Nowhere,,en
        """;

    [Fact]
    public async Task An_admin_imports_old_accounts_and_a_migrated_customer_gets_a_password_and_signs_in()
    {
        var admin = await browser.NewPageAsync(portal.Url);
        await admin.SignInAsync(portal.Factory, "admin@example.com");
        await admin.GotoAsync("/Admin");
        await admin.Locator("main a[href='/Admin/ImportAccounts']").ClickAsync();
        await admin.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "old-portal.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Csv),
        });
        await admin.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-count=created]")).ToHaveTextAsync("2");
        await Assertions.Expect(admin.Locator("tr[data-line='4']")).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(admin)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(admin, "import-accounts-pl-desktop");

        var person = await browser.NewPageAsync(portal.Url);
        await person.GotoAsync("/Account/Login");
        await person.Locator("main a[href='/Account/ForgotPassword?first=true']").ClickAsync();
        await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("Get a password");
        await new ForgotPasswordPage(person).RequestLinkAsync("olivia.migrated@customer.test");
        var mail = await portal.MailAsync("olivia.migrated@customer.test", "Set your password");
        await person.GotoAsync(System.Text.RegularExpressions.Regex.Match(mail.Text, @"https?://\S+ResetPassword\S+").Value);
        await new ResetPasswordPage(person).SetAsync("olivia sets a long password");
        await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("Password has been changed");

        await person.SignInAsync(portal.Factory, "olivia.migrated@customer.test", "olivia sets a long password");
        (await person.Locator("h1").InnerTextAsync()).ShouldBe("Welcome, Olivia Moved");
    }
}
