using Microsoft.Playwright;
using Supportal.Accounts;

namespace Supportal.EndToEnd;

[Collection(SharedBrowser.Name)]
public sealed class ProfileTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private async Task<IPage> SignedInPageAsync(string email, int width = 1366, int height = 900)
    {
        var page = await browser.NewPageAsync(portal.Url, width, height);
        await page.SignInAsync(portal.Factory, email);
        return page;
    }

    [Fact]
    public async Task A_customer_edits_the_profile_and_switches_the_portal_to_Polish_there()
    {
        await portal.Factory.CreateUserAsync("e2e.profile@customer.test", "Jan", "Kowalski");
        var page = await SignedInPageAsync("e2e.profile@customer.test");
        await page.GotoAsync("/Dashboard");
        await page.Locator("header .dropdown-toggle").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Profile");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "profile-en-desktop");

        // The header and footer have a language switch and phone numbers of their own.
        var form = page.Locator("main form");
        await form.GetByLabel("Company").FillAsync("Kowalski Sp. z o.o.");
        await form.GetByLabel("Phone").FillAsync("+48 12 345 67 89");
        await form.GetByLabel("Language").SelectOptionAsync("pl");
        await form.GetByLabel("Time zone").SelectOptionAsync("Europe/London");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pl");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Profil został zapisany.");
        await Assertions.Expect(form.GetByLabel("Firma")).ToHaveValueAsync("Kowalski Sp. z o.o.");
        await Assertions.Expect(form.GetByLabel("Strefa czasowa")).ToHaveValueAsync("Europe/London");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "profile-pl-desktop");
    }

    [Fact]
    public async Task At_phone_width_every_account_page_fits_and_has_no_serious_accessibility_problems()
    {
        await portal.Factory.CreateUserAsync("e2e.phone@customer.test", "Zofia", "Mazur", language: "pl");
        var page = await SignedInPageAsync("e2e.phone@customer.test", width: 390, height: 844);
        foreach (var (path, name) in new[]
                 {
                     ("/Account/Manage", "profile"), ("/Account/Manage/ChangePassword", "password"),
                     ("/Account/Manage/TwoFactor", "twofactor"), ("/Account/Manage/Sessions", "sessions"),
                 })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pl");
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue(path);
            (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty(path);
            await Browser.ScreenshotAsync(page, $"{name}-pl-phone");
        }
    }

    [Fact]
    public async Task A_customer_adds_an_authenticator_app_and_sees_the_recovery_codes()
    {
        await portal.Factory.CreateUserAsync("e2e.authenticator@customer.test", "Marek", "Nowicki");
        var page = await SignedInPageAsync("e2e.authenticator@customer.test");
        await page.GotoAsync("/Account/Manage/TwoFactor");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "twofactor-en-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an authenticator app" }).ClickAsync();
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code to scan with your authenticator app" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        (await qr.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(100);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "authenticator-en-desktop");

        var key = (await page.Locator("[data-shared-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key, portal.Factory.Clock.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-recovery-codes] li")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The authenticator app is set up.");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "recovery-codes-en-desktop");
    }

    [Fact]
    public async Task The_sessions_page_reads_well_in_dark_mode()
    {
        await portal.Factory.CreateUserAsync("e2e.sessions@customer.test", "Ola", "Kamińska");
        var page = await SignedInPageAsync("e2e.sessions@customer.test");
        await page.GotoAsync("/Account/Manage/Sessions");
        await page.Locator("[data-theme-toggle]").ClickAsync();

        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        await Assertions.Expect(page.Locator("[data-session]")).ToHaveCountAsync(1);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "sessions-en-dark");
    }
}
