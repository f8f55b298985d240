using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Supportal.Contracts;
using Supportal.Tickets;

namespace Supportal.EndToEnd;

[Collection(SharedBrowser.Name)]
public sealed partial class NewTicketTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private async Task<(IPage Page, Guid UserId)> SignedInAsync(string email, string language, bool withContract = false, bool javaScript = true)
    {
        var user = await portal.Factory.CreateUserAsync(email, "Ewa", "Lis", language);
        if (withContract)
        {
            using var scope = portal.Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Supportal.Data.AppDbContext>();
            var contract = await db.Contracts.SingleAsync(c => c.Number == "DEMO-0001");
            await scope.ServiceProvider.GetRequiredService<ContractActivation>().RegisterAsync(contract, user);
            await db.SaveChangesAsync();
        }
        var page = await browser.NewPageAsync(portal.Url, javaScript: javaScript);
        await page.SignInAsync(portal.Factory, email);
        return (page, user.Id);
    }

    /// <summary>Waits for the redirect to the new request's address and returns its number.</summary>
    private static async Task<long> CreatedTicketAsync(IPage page)
    {
        await page.ShouldReachAsync(TicketAddress());
        return long.Parse(TicketAddress().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/Tickets/(\d+)$")]
    private static partial Regex TicketAddress();

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    [Theory]
    [InlineData("en", "Create new ticket", "Subject", "Description", "Priority", "High", "Create")]
    [InlineData("pl", "Utwórz nowe zgłoszenie", "Temat", "Opis", "Priorytet", "Wysoki", "Utwórz")]
    public async Task An_administrative_request_from_the_top_bar(
        string language, string shortcut, string subject, string description, string priority, string high, string create)
    {
        var (page, userId) = await SignedInAsync($"new.admin.{language}@customer.test", language);

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = shortcut }).First.ClickAsync();
        await page.ShouldReachAsync("**/Tickets/New");
        await Assertions.Expect(page.Locator("[data-notice] a[href^='mailto:']")).ToHaveTextAsync("maintenance@localhost");
        await Field(page, subject).FillAsync("Cannot register a contract");
        await Field(page, description).FillAsync("The key is *refused*.");
        await Field(page, priority).SelectOptionAsync(new SelectOptionValue { Label = high });
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"new-ticket-administrative-{language}-desktop");
        await page.Locator("[data-theme-toggle]").ClickAsync();
        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        // Colours fade between themes; measure contrast once the transitions have ended.
        await page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"new-ticket-administrative-{language}-desktop-dark");
        await page.GetByRole(AriaRole.Button, new() { Name = create, Exact = true }).ClickAsync();

        var id = await CreatedTicketAsync(page);
        var ticket = await portal.Factory.WithDbAsync(db => db.Tickets.Include(t => t.Comments).SingleAsync(t => t.Id == id));
        ticket.RequesterId.ShouldBe(userId);
        ticket.Kind.ShouldBe(TicketKind.Administrative);
        ticket.Priority.ShouldBe(TicketPriority.High);
        ticket.Subject.ShouldBe("Cannot register a contract");
        ticket.Comments.ShouldHaveSingleItem().Body.ShouldBe("The key is *refused*.");
    }

    [Theory]
    [InlineData("en", "Add asset", "Choose", "Subject", "Description", "Create", "Subject is required.", "Firmware version is required.", "Serial number", "Firmware version")]
    [InlineData("pl", "Dodaj zasób", "Wybierz", "Temat", "Opis", "Utwórz", "Pole Temat jest wymagane.", "Pole „Wersja firmware” jest wymagane.", "Numer seryjny", "Wersja firmware")]
    public async Task A_support_request_for_an_asset_chosen_in_the_picker_with_its_required_answers(
        string language, string addAsset, string choose, string subject, string description, string create,
        string subjectRequired, string firmwareRequired, string serialLabel, string firmwareLabel)
    {
        var (page, userId) = await SignedInAsync($"new.support.{language}@customer.test", language, withContract: true);
        var assetId = await portal.Factory.WithDbAsync(db => db.Assets.Where(a => a.SerialNumber == "SNT600F-0042").Select(a => a.Id).SingleAsync());

        await page.GotoAsync("/Tickets/New?kind=support");
        await page.GetByRole(AriaRole.Link, new() { Name = addAsset }).ClickAsync();
        var picker = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(picker).ToBeVisibleAsync();
        await Assertions.Expect(picker.Locator("tr[data-asset-row]:visible")).ToHaveCountAsync(3);
        await picker.GetByRole(AriaRole.Searchbox).FillAsync("snt600");
        await Assertions.Expect(picker.Locator("tr[data-asset-row]:visible")).ToHaveCountAsync(1);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"new-ticket-asset-picker-{language}-desktop", fullPage: false);
        await picker.Locator($"tr[data-asset-row='{assetId}']").GetByRole(AriaRole.Link, new() { Name = choose }).ClickAsync();

        await page.ShouldReachAsync($"**/Tickets/New?kind=support&asset={assetId}");
        await Assertions.Expect(page.Locator("[data-chosen-asset]")).ToContainTextAsync("SNT600F-0042");
        await page.GetByRole(AriaRole.Button, new() { Name = create, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Subject']")).ToHaveTextAsync(subjectRequired);
        await Assertions.Expect(page.Locator("[data-field] .invalid-feedback").Filter(new() { HasText = firmwareRequired })).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"new-ticket-support-errors-{language}-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await Browser.ScreenshotAsync(page, $"new-ticket-support-errors-{language}-phone");
        await page.SetViewportSizeAsync(1366, 900);

        await Field(page, subject).FillAsync("VPN tunnels drop");
        await Field(page, description).FillAsync("Every hour since the update.");
        await page.Locator("[data-additional-fields]").GetByLabel(serialLabel).FillAsync("SNT600F-0042");
        await page.Locator("[data-additional-fields]").GetByLabel(firmwareLabel).FillAsync("7.4.2");
        await page.GetByRole(AriaRole.Button, new() { Name = create, Exact = true }).ClickAsync();

        var id = await CreatedTicketAsync(page);
        var ticket = await portal.Factory.WithDbAsync(db => db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == id));
        ticket.RequesterId.ShouldBe(userId);
        ticket.Kind.ShouldBe(TicketKind.Support);
        ticket.AssetId.ShouldBe(assetId);
        ticket.Fields.OrderBy(f => f.Order).Select(f => $"{f.LabelEn}={f.ValueEn}").ToArray()
            .ShouldBe(["Serial number=SNT600F-0042", "Firmware version=7.4.2"]);
    }

    [Fact]
    public async Task Without_script_the_asset_picker_opens_in_place_searches_on_the_server_and_chooses()
    {
        var (page, _) = await SignedInAsync("new.noscript@customer.test", "en", withContract: true, javaScript: false);

        await page.GotoAsync("/Tickets/New?kind=support");
        await Assertions.Expect(page.Locator("[data-asset-picker]")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add asset" }).ClickAsync();
        var picker = page.Locator("[data-asset-picker]");
        await Assertions.Expect(picker).ToBeVisibleAsync();
        await Assertions.Expect(picker.Locator("tr[data-asset-row]")).ToHaveCountAsync(3);
        await picker.GetByRole(AriaRole.Searchbox).FillAsync("vlt5k");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(picker).ToBeVisibleAsync();
        await Assertions.Expect(picker.Locator("tr[data-asset-row]")).ToHaveCountAsync(1);
        await picker.GetByRole(AriaRole.Link, new() { Name = "Choose" }).First.ClickAsync();

        await Assertions.Expect(page.Locator("[data-chosen-asset]")).ToContainTextAsync("VLT5K-77812");
    }

    [Theory]
    [InlineData("en", "Service request", "Platform or service", "E2E mail platform", "Business impact", "Many users affected", "When did it happen?",
        "During which process?", "Subject", "Description", "Anything else", "Attachments", "Create")]
    [InlineData("pl", "Zgłoszenie dotyczące usługi", "Platforma lub usługa", "Platforma pocztowa E2E", "Wpływ na działalność", "Dotyczy wielu użytkowników",
        "Kiedy to się stało?", "Podczas jakiego procesu?", "Temat", "Opis", "Coś jeszcze", "Załączniki", "Utwórz")]
    public async Task A_service_request_with_two_attachments(
        string language, string tab, string serviceLabel, string serviceName, string impactLabel, string impact, string whenLabel,
        string processLabel, string subject, string description, string more, string attachments, string create)
    {
        var serviceId = await portal.Factory.WithDbAsync(async db =>
        {
            var existing = await db.Services.Where(s => s.NameEn == "E2E mail platform").Select(s => (int?)s.Id).FirstOrDefaultAsync();
            if (existing is { } id)
                return id;
            var service = new Service { NameEn = "E2E mail platform", NamePl = "Platforma pocztowa E2E", Order = 1 };
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        var (page, userId) = await SignedInAsync($"new.service.{language}@customer.test", language);

        await page.GotoAsync("/Tickets/New");
        await page.Locator(".new-ticket-kinds").GetByRole(AriaRole.Link, new() { Name = tab }).ClickAsync();
        await page.ShouldReachAsync("**/Tickets/New?kind=service");
        await page.GetByLabel(serviceLabel).SelectOptionAsync(new SelectOptionValue { Label = serviceName });
        await Field(page, impactLabel).SelectOptionAsync(new SelectOptionValue { Label = impact });
        await Field(page, whenLabel).FillAsync("2025-01-15T10:30");
        await Field(page, processLabel).FillAsync("Month-end closing");
        await Field(page, subject).FillAsync("Mail is delayed");
        await Field(page, description).FillAsync("Messages arrive an hour late.");
        await Field(page, more).FillAsync("Only external senders.");
        await page.GetByLabel(attachments, new() { Exact = true }).SetInputFilesAsync(
        [
            new FilePayload { Name = "headers.txt", MimeType = "text/plain", Buffer = "Received: from mx"u8.ToArray() },
            new FilePayload { Name = "screen.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52] },
        ]);
        await Assertions.Expect(page.Locator("[data-file-list] li")).ToHaveCountAsync(2);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"new-ticket-service-{language}-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = create, Exact = true }).ClickAsync();

        var id = await CreatedTicketAsync(page);
        var ticket = await portal.Factory.WithDbAsync(db => db.Tickets.Include(t => t.Attachments).Include(t => t.Comments).SingleAsync(t => t.Id == id));
        ticket.RequesterId.ShouldBe(userId);
        ticket.Kind.ShouldBe(TicketKind.Service);
        ticket.ServiceId.ShouldBe(serviceId);
        ticket.Impact.ShouldBe(BusinessImpact.ManyUsers);
        ticket.OccurredAt.ShouldBe(new DateTime(2025, 1, 15, 9, 30, 0, DateTimeKind.Utc));
        ticket.Process.ShouldBe("Month-end closing");
        ticket.MoreInformation.ShouldBe("Only external senders.");
        ticket.Attachments.Select(a => a.FileName).Order().ToArray().ShouldBe(["headers.txt", "screen.png"]);
        ticket.Comments.ShouldHaveSingleItem().Body.ShouldBe("Messages arrive an hour late.");
    }
}
