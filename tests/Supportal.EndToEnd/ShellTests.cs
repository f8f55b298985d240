using Microsoft.Playwright;

namespace Supportal.EndToEnd;

[Collection(SharedBrowser.Name)]
public sealed class ShellTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task Shell_at_desktop_width_has_no_serious_accessibility_problems_in_either_language()
    {
        var page = await browser.NewPageAsync(portal.Url);
        await page.GotoAsync("/");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "shell-home-en-desktop");

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pl");
        (await page.Locator("footer").InnerTextAsync()).ShouldContain("Godziny pracy zespołów".ToUpperInvariant());
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "shell-home-pl-desktop");

        await page.GotoAsync("/Account/Login");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "sign-in-pl-desktop");
        await page.GotoAsync("/no/such/page");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Nie znaleziono strony");
        await Browser.ScreenshotAsync(page, "not-found-pl-desktop");
    }

    [Fact]
    public async Task Signed_in_customer_shell_shows_the_shortcuts_and_the_user_menu_signs_out()
    {
        await portal.Factory.CreateUserAsync("maria.wisniewska@customer.test", "Maria", "Wiśniewska");
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, "maria.wisniewska@customer.test");

        var header = page.Locator("header");
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Register contract" })).ToBeVisibleAsync();
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Create new ticket" })).ToBeVisibleAsync();
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Support request" })).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "shell-dashboard-en-desktop");

        await page.GetByRole(AriaRole.Button, new() { Name = "Polski" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pl");
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Zarejestruj kontrakt" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "shell-dashboard-pl-desktop");

        await header.GetByRole(AriaRole.Button, new() { Name = "Maria Wiśniewska" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Wyloguj" }).ClickAsync();
        await Assertions.Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Zaloguj" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("en", "Contact")]
    [InlineData("pl", "Kontakt")]
    public async Task At_phone_width_the_page_fits_and_the_menu_opens_from_the_menu_button(string language, string contact)
    {
        var email = $"phone.{language}@customer.test";
        await portal.Factory.CreateUserAsync(email, "Tomasz", "Lewandowski");
        var page = await browser.NewPageAsync(portal.Url, width: 390, height: 844, locale: language);
        await page.SignInAsync(portal.Factory, email);
        if (language == "pl")
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "PL", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pl");
        }

        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await Assertions.Expect(page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = contact })).Not.ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, $"shell-dashboard-{language}-phone");

        await page.Locator("button[aria-controls=sidebar]").ClickAsync();
        await Assertions.Expect(page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = contact })).ToBeVisibleAsync();
        // Bootstrap marks the menu "showing" while it slides in and "show" once it is in place.
        await page.Locator("#sidebar.show:not(.showing)").WaitForAsync();
        await Browser.ScreenshotAsync(page, $"shell-menu-{language}-phone", fullPage: false);
    }

    [Fact]
    public async Task Dark_mode_is_chosen_with_the_toggle_and_kept_after_reload()
    {
        var page = await browser.NewPageAsync(portal.Url);
        await page.GotoAsync("/Contact");
        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("light");

        await page.Locator("[data-theme-toggle]").ClickAsync();
        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        await page.ReloadAsync();
        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "shell-contact-en-dark");
    }

    [Fact]
    public async Task Keyboard_users_can_skip_straight_to_the_content()
    {
        var page = await browser.NewPageAsync(portal.Url);
        await page.GotoAsync("/Contact");

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()")).ShouldBe("Skip to content");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main");
    }
}
