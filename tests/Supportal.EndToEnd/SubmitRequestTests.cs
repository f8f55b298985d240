using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Supportal.Accounts;
using Supportal.EndToEnd.Pages;
using Supportal.Tests.Infrastructure;

namespace Supportal.EndToEnd;

/// <summary>"Submit a request" without an account, then "Get a password" and the request on the dashboard.</summary>
[Collection(SharedBrowser.Name)]
public sealed partial class SubmitRequestTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private const string Password = "silver meadow orbit candle";

    [Theory]
    [InlineData("en", "Submit a request", "Name", "E-mail", "Platform or service", "Subject", "Description", "Submit", "Sign in", "Get a password", "My open requests")]
    [InlineData("pl", "Prześlij zgłoszenie", "Imię i nazwisko", "Adres e-mail", "Platforma lub usługa", "Temat", "Opis", "Prześlij", "Zaloguj", "Utwórz hasło", "Moje otwarte zgłoszenia")]
    public async Task A_visitor_submits_a_request_with_a_file_gets_a_password_and_finds_the_request_on_the_dashboard(
        string language, string link, string name, string emailLabel, string service, string subject, string description,
        string submit, string signIn, string getPassword, string openRequests)
    {
        var email = $"visitor.{language}@newcustomer.test";
        var page = await browser.NewPageAsync(portal.Url, locale: language);
        await page.GotoAsync("/");
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
        await page.ShouldReachAsync("**/Requests/Submit");

        await page.GetByLabel(name, new() { Exact = true }).FillAsync("Wiktor Gość");
        await page.GetByLabel(emailLabel, new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(service).SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.GetByLabel(subject, new() { Exact = true }).FillAsync("Invoices stuck in sending");
        await page.GetByLabel(description, new() { Exact = true }).FillAsync("Since 9:00 no invoice leaves the *sending* state.");
        await page.Locator("input[type=file][name=Files]").SetInputFilesAsync(new FilePayload
        {
            Name = "invoice-list.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("FV/2026/11/0042 sending since 09:02"),
        });
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"submit-request-{language}-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = submit, Exact = true }).ClickAsync();

        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToHaveTextAsync(new Regex(@"#\d+"));
        var number = long.Parse(NumberPattern().Match(await status.InnerTextAsync()).Value, CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("[data-submitted]")).ToContainTextAsync(email);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"submit-request-done-{language}-desktop");
        (await portal.Factory.WithDbAsync(db => db.TicketAttachments.Where(a => a.TicketId == number).Select(a => a.FileName).ToListAsync()))
            .ShouldBe(["invoice-list.txt"]);

        await page.Locator("[data-submitted]").GetByRole(AriaRole.Link, new() { Name = signIn, Exact = true }).ClickAsync();
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = getPassword }).ClickAsync();
        await new ForgotPasswordPage(page).RequestLinkAsync(email);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () => (await portal.Factory.MailsToAsync(email)).Count == 2, "the password mail");

        await page.GotoAsync(await portal.Factory.LinkInLatestMailAsync(email, "/Account/ResetPassword"));
        await new ResetPasswordPage(page).SetAsync(Password);
        await page.ShouldReachAsync("**/Account/ResetPasswordDone");

        // An account made for a request signs in with the second step like every other.
        await page.SignInAsync(portal.Factory, email, Password);

        var open = page.Locator("[data-open-requests]");
        await Assertions.Expect(open.GetByRole(AriaRole.Heading)).ToHaveTextAsync(openRequests);
        await Assertions.Expect(open.Locator($"[data-ticket='{number}'] a[href='/Tickets/{number}']")).ToHaveTextAsync($"#{number} Invoices stuck in sending");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"dashboard-requests-{language}-desktop");
        (await portal.Factory.WithDbAsync(db => db.Tickets.Where(t => t.Id == number).Select(t => t.Requester.Email).SingleAsync())).ShouldBe(email);

        // The new user follows the request from the dashboard to its page.
        await open.Locator($"[data-ticket='{number}'] a").ClickAsync();
        await page.ShouldReachAsync($"**/Tickets/{number}");
        await Assertions.Expect(page.Locator("[data-ticket-title]")).ToHaveTextAsync($"#{number} Invoices stuck in sending");
        // Whoever sent it never proved the address: the owner of the account is told so.
        await Assertions.Expect(page.Locator("[data-sent-without-sign-in-note]")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, $"request-sent-without-sign-in-{language}-desktop");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public async Task The_form_the_confirmation_and_the_dashboard_fit_a_phone(string language)
    {
        var email = $"phone.{language}@newcustomer.test";
        var page = await browser.NewPageAsync(portal.Url, width: 390, height: 844, locale: language);
        await page.GotoAsync("/Requests/Submit");
        await page.Locator("input[name='Input.Name']").FillAsync("Fiona Telefon");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("select[name='Input.ServiceId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("input[name='Input.Subject']").FillAsync("Portal login loops");
        await page.Locator("textarea[name='Input.Description']").FillAsync("The sign-in page keeps coming back.");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"submit-request-{language}-phone");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();

        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-submitted]")).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"submit-request-done-{language}-phone");

        var customer = await portal.Factory.CreateUserAsync($"phone.customer.{language}@customer.test", "Fiona", "Telefon", language);
        await page.SignInAsync(portal.Factory, customer.Email!);
        await Assertions.Expect(page.Locator("[data-open-requests] [data-empty]")).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"dashboard-requests-{language}-phone");
    }

    [Theory]
    [InlineData("en", "Platforms and services", "Name in English", "Name in Polish", "Add", "Service {0} has been added.")]
    [InlineData("pl", "Platformy i usługi", "Nazwa po angielsku", "Nazwa po polsku", "Dodaj", "Dodano usługę {0}.")]
    public async Task An_admin_adds_a_service_that_visitors_can_then_choose(
        string language, string title, string nameEn, string namePl, string add, string added)
    {
        var admin = await portal.Factory.CreateUserAsync($"services.admin.{language}@example.com", "Ada", "Usługowa", language, Roles.Admin);
        var page = await browser.NewPageAsync(portal.Url, locale: language);
        await page.SignInAsync(portal.Factory, admin.Email!);
        await page.GotoAsync("/Admin");
        await page.Locator("main a[href='/Admin/Services']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);

        await page.GetByLabel(nameEn).FillAsync($"Field service {language}");
        await page.GetByLabel(namePl).FillAsync($"Serwis w terenie {language}");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Button, new() { Name = add, Exact = true }).ClickAsync();

        var shown = language == "pl" ? $"Serwis w terenie {language}" : $"Field service {language}";
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, added, shown));
        await Assertions.Expect(page.Locator("tr[data-service]").Last).ToContainTextAsync($"Field service {language}");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"admin-services-{language}-desktop");

        var phone = await browser.NewPageAsync(portal.Url, width: 390, height: 844, locale: language);
        await phone.SignInAsync(portal.Factory, admin.Email!);
        await phone.GotoAsync("/Admin/Services");
        (await Accessibility.SeriousViolationsAsync(phone)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(phone, $"admin-services-{language}-phone");

        var visitor = await browser.NewPageAsync(portal.Url, locale: language);
        await visitor.GotoAsync("/Requests/Submit");
        await Assertions.Expect(visitor.Locator("select[name='Input.ServiceId'] option").Last)
            .ToHaveTextAsync(shown);
    }

    [GeneratedRegex(@"(?<=#)\d+")]
    private static partial Regex NumberPattern();
}
