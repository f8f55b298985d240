using Microsoft.Playwright;
using Supportal.Tests.Infrastructure;

namespace Supportal.EndToEnd;

/// <summary>The portal with a real SMTP server and its background sender running as in production.</summary>
public sealed class MailingPortal : LivePortal
{
    public TestSmtpServer Smtp { get; private set; } = null!;

    protected override async Task ConfigureAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        Factory.Settings["Smtp:Host"] = "127.0.0.1";
        Factory.Settings["Smtp:Port"] = Smtp.Port.ToString();
        Factory.Settings["Email:PollSeconds"] = "1";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class EmailTests(Browser browser, MailingPortal portal) : IClassFixture<MailingPortal>
{
    [Fact]
    public async Task Admin_sends_a_test_email_that_a_real_mail_server_receives()
    {
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, "admin@example.com");

        await page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = "Administracja" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Otwórz skrzynkę nadawczą" }).ClickAsync();
        await page.GetByPlaceholder("Adres e-mail").FillAsync("it-team@customer.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyślij", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Wiadomość testowa trafiła do kolejki.");
        await Browser.ScreenshotAsync(page, "admin-outbox-pl-desktop");

        var mail = await portal.Smtp.WaitForMailAsync("it-team@customer.test");
        mail.Subject.ShouldBe("Wiadomość testowa");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Wysłana");
    }
}
