using Microsoft.Playwright;

namespace Supportal.EndToEnd;

/// <summary>An admin shapes the support request form of a manufacturer and the visibility of an organization's requests.</summary>
[Collection(SharedBrowser.Name)]
public sealed class CatalogTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task An_admin_adds_a_field_sees_it_in_the_preview_in_both_languages_and_shares_an_organizations_requests()
    {
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, "admin@example.com");
        await page.GotoAsync("/Admin");
        await page.Locator("main a[href='/Admin/Manufacturers']").ClickAsync();
        await page.Locator("tr", new() { HasText = "Meshport Networks" }).Locator("a[href*='/Admin/Fields']").ClickAsync();

        var form = page.Locator("form[data-field-form]");
        await form.GetByLabel("Etykieta (angielski)").FillAsync("Rack position");
        await form.GetByLabel("Etykieta (polski)").FillAsync("Pozycja w szafie");
        await form.GetByLabel("Podpowiedź (polski)").FillAsync("Np. R12-U30");
        await form.GetByLabel("Typ").SelectOptionAsync("Text");
        await form.GetByLabel("Wymagane").CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();

        var preview = page.Locator("[data-preview]");
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Dodano pole Pozycja w szafie.");
        var added = preview.GetByLabel("Pozycja w szafie");
        await Assertions.Expect(added).ToHaveAttributeAsync("aria-required", "true");
        await Assertions.Expect(preview.Locator("[data-field] label")).ToHaveTextAsync(
            ["Model przełącznika*", "Liczba przełączników w stosie", "Data wystąpienia problemu", "Pozycja w szafie*"]);
        await Assertions.Expect(preview.GetByText("Np. R12-U30")).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "fields-preview-pl-desktop");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(preview.Locator("legend")).ToHaveTextAsync("Additional information");
        await Assertions.Expect(preview.GetByLabel("Rack position")).ToBeVisibleAsync();
        await Assertions.Expect(preview.GetByLabel("Switch model").Locator("option")).ToHaveTextAsync(["Choose…", "MS-24", "MS-48"]);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();

        await page.GotoAsync("/Agent/Organizations");
        await Browser.ScreenshotAsync(page, "organizations-en-desktop");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Link, new() { Name = "Northwind Logistics" }).ClickAsync();
        var sharing = page.Locator("form[data-sharing]");
        await sharing.GetByRole(AriaRole.Switch, new() { Name = "Members can see each other's requests" }).CheckAsync();
        await sharing.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-sharing-state]")).ToHaveTextAsync("Members see each other's requests");
        await Assertions.Expect(page.Locator("#sharesRequests")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-contracts]")).ToContainTextAsync("DEMO-0001");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();

        var phone = await browser.NewPageAsync(portal.Url, width: 390, height: 844);
        await phone.SignInAsync(portal.Factory, "admin@example.com");
        await phone.GotoAsync(page.Url.Replace(new Uri(page.Url).AbsolutePath, "/Admin/Manufacturers", StringComparison.Ordinal));
        await phone.Locator("tr", new() { HasText = "Meshport Networks" }).Locator("a[href*='/Admin/Fields']").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-preview]").GetByLabel("Rack position")).ToBeVisibleAsync();
        (await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        (await Accessibility.SeriousViolationsAsync(phone)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(phone, "fields-preview-en-phone");
    }
}
