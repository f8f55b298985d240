using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Supportal.Accounts;

namespace Supportal.EndToEnd;

/// <summary>The orders team issues a contract, covers its assets and prints the certificate for the customer.</summary>
[Collection(SharedBrowser.Name)]
public sealed class OrdersTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private static async Task AddAssetAsync(IPage page, string product, string serial, string location)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Dodaj zasób" }).ClickAsync();
        await page.GetByLabel("Produkt").SelectOptionAsync(new SelectOptionValue { Label = product });
        await page.GetByLabel("Numer seryjny").FillAsync(serial);
        await page.GetByLabel("Lokalizacja").FillAsync(location);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(serial);
    }

    [Fact]
    public async Task The_orders_team_issues_a_contract_with_two_assets_and_prints_its_certificate_with_the_key()
    {
        var page = await browser.NewPageAsync(portal.Url);
        // The demo orders user reads the portal in Polish.
        await page.SignInAsync(portal.Factory, "orders@example.com");
        await page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = "Zamówienia" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kontrakty");
        await Assertions.Expect(page.Locator("tr[data-number='DEMO-0003'] [data-state]")).ToHaveTextAsync("Wygasły");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "orders-list-pl-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wystaw kontrakt" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Wystaw kontrakt");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        var number = await page.GetByLabel("Numer kontraktu").InputValueAsync();
        await page.GetByLabel("Lub nowa organizacja").FillAsync("Kwiaciarnia Różana");
        await page.GetByLabel("Poziom usług").SelectOptionAsync(new SelectOptionValue { Label = "Premium 24×7" });
        await page.Locator("main form button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Kontrakt {number}");
        var firstKey = await page.Locator("[data-key]").InnerTextAsync();
        (await portal.Factory.WithDbAsync(db => db.Contracts.Where(c => c.Number == number).Select(c => c.ActivationKeyHash).SingleAsync()))
            .ShouldNotContain(firstKey);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();

        await AddAssetAsync(page, "Sentinel 600F (SNT-600F)", "SNT600F-9001", "Kraków, ul. Różana 1");
        await AddAssetAsync(page, "Vaultline V5000 (VLT-5000)", "VLT5K-9002", "Kraków, serwerownia");
        // The first key was shown once; a new one goes onto the printed certificate.
        await page.GetByRole(AriaRole.Link, new() { Name = "Wygeneruj nowy klucz" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Wygeneruj nowy klucz" }).ClickAsync();
        var key = await page.Locator("[data-key]").InnerTextAsync();
        key.ShouldNotBe(firstKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Certyfikat wsparcia z tym kluczem" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Certyfikat wsparcia");
        await Assertions.Expect(page.Locator(".certificate [data-key]")).ToHaveTextAsync(key);
        var certificate = await page.Locator(".certificate").InnerTextAsync();
        certificate.ShouldContain("Kwiaciarnia Różana");
        certificate.ShouldContain("SNT600F-9001");
        certificate.ShouldContain("Kraków, serwerownia");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "orders-certificate-pl-desktop");
        // Printing hides the portal's shell and keeps the certificate.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.topbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-print]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".certificate [data-key]")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.EvaluateAsync("() => { window.printed = false; window.print = () => { window.printed = true; }; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Drukuj" }).ClickAsync();
        (await page.EvaluateAsync<bool>("() => window.printed")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_list_in_English_and_the_contract_page_at_phone_width()
    {
        await portal.Factory.CreateUserAsync("orders.en@orders.test", "Emma", "Stone", "en", Roles.Orders);
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, "orders.en@orders.test");
        await page.GotoAsync("/Orders");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Contracts");
        await Assertions.Expect(page.Locator("tr[data-number='DEMO-0001'] [data-state]")).ToHaveTextAsync("Active");
        await page.GetByLabel("State").SelectOptionAsync(new SelectOptionValue { Label = "Expired" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr")).ToContainTextAsync("DEMO-0003");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        // The contract page and the certificate read well in dark mode too.
        await page.Locator("[data-theme-toggle]").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "DEMO-0003" }).ClickAsync();
        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Support certificate" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-no-key]")).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();

        var phone = await browser.NewPageAsync(portal.Url, width: 390, height: 844);
        await phone.SignInAsync(portal.Factory, "orders.en@orders.test");
        await phone.GotoAsync("/Orders?q=DEMO-0001");
        await phone.GetByRole(AriaRole.Link, new() { Name = "DEMO-0001" }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync("Contract DEMO-0001");
        await Assertions.Expect(phone.Locator("section[aria-labelledby=registrations-heading]")).ToContainTextAsync("customer@example.com");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        (await Accessibility.SeriousViolationsAsync(phone)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(phone, "orders-contract-en-phone");
    }
}
