using System.Globalization;
using Microsoft.Playwright;
using Supportal.Email;
using Supportal.Tests.Infrastructure;

namespace Supportal.EndToEnd;

/// <summary>The portal with a real SMTP server and its background sender running as in production.</summary>
public sealed class MailingPortal : LivePortal
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public TestSmtpServer Smtp { get; private set; } = null!;

    protected override async Task ConfigureAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        Factory.Settings["Smtp:Host"] = "127.0.0.1";
        Factory.Settings["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
        Factory.Settings["Email:PollSeconds"] = PollInterval.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Factory.BackgroundLoops = true;
    }

    /// <summary>
    /// Starts a round of the background sender once the portal has queued an e-mail to the address (the request that
    /// queues it may still be running). The sender's timer runs on the fake clock, so the clock is moved by one polling
    /// interval; nothing waits for real time to pass.
    /// </summary>
    public async Task SendQueuedMailAsync(string to, Func<OutboxMessage, bool>? which = null)
    {
        await Eventually.TrueAsync(async () => (await Factory.MailsToAsync(to)).Any(which ?? (_ => true)), $"an e-mail to {to} to be queued");
        Factory.Clock.Advance(PollInterval);
    }

    /// <summary>
    /// The newest e-mail to the address (with the text in its subject, if given) as the SMTP server received it, after
    /// a round of the sender: what is waited for is the delivery itself, a conversation with another process.
    /// </summary>
    public async Task<MailFile> MailAsync(string to, string? subjectContains = null)
    {
        await SendQueuedMailAsync(to, m => subjectContains is null || m.Subject.Contains(subjectContains, StringComparison.Ordinal));
        return await Smtp.WaitForMailAsync(to, subjectContains);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

[Collection(SharedBrowser.Name)]
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

        var mail = await portal.MailAsync("it-team@customer.test");
        mail.Subject.ShouldBe("Wiadomość testowa");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Wysłana");
    }
}
