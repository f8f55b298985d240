using Microsoft.Playwright;

namespace Supportal.EndToEnd;

/// <summary>
/// Passkeys in Chromium, with its virtual authenticator (DevTools' WebAuthn domain) standing in for a phone or a
/// fingerprint reader: it keeps the passkeys it makes and says yes to every user verification.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class PasskeyTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    /// <summary>
    /// WebAuthn takes a domain, not an IP address, as the relying party: the browser visits the same loopback server
    /// as "localhost" (a secure context over plain http).
    /// </summary>
    private string Url => portal.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
            },
        });
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.Locator("header .dropdown-toggle").ClickAsync();
        await page.Locator("header form[action*='Logout'] button").ClickAsync();
        await Assertions.Expect(page.Locator("header .dropdown-toggle")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("en", "Passkeys", "Add a passkey", "Sign in with a passkey", "Remove", "Yes, remove the passkey", "That passkey did not sign you in.")]
    [InlineData("pl", "Klucze dostępu", "Dodaj klucz dostępu", "Zaloguj się kluczem dostępu", "Usuń", "Tak, usuń klucz dostępu", "Ten klucz dostępu nie pozwolił się zalogować.")]
    public async Task A_customer_adds_a_passkey_signs_in_with_it_alone_removes_it_and_it_no_longer_signs_in(
        string language, string title, string add, string signInWithPasskey, string remove, string confirmRemove, string refused)
    {
        var email = $"e2e.passkey.{language}@customer.test";
        await portal.Factory.CreateUserAsync(email, "Iga", "Passkey", language: language);
        var page = await browser.NewPageAsync(Url, locale: language);
        await AddVirtualAuthenticatorAsync(page);
        await page.SignInAsync(portal.Factory, email);

        // Add a passkey under a name of one's own.
        await page.GotoAsync("/Account/Manage");
        await page.Locator("nav[aria-label] a[href='/Account/Manage/Passkeys']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var form = page.Locator("form[data-passkey=create]");
        await form.Locator("input[name='Input.Name']").FillAsync("Test laptop");
        await form.GetByRole(AriaRole.Button, new() { Name = add }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-passkey-name]")).ToHaveTextAsync(["Test laptop"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"passkeys-{language}-desktop");

        // Sign out, and back in with the passkey alone: no password, no code.
        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"sign-in-passkey-{language}-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = signInWithPasskey }).ClickAsync();
        await page.ShouldReachAsync("**/Dashboard");

        // The list shows its last use; remove it after the confirmation step.
        await page.GotoAsync("/Account/Manage/Passkeys");
        await Assertions.Expect(page.Locator("[data-passkey-id] time")).ToHaveCountAsync(2);
        await page.Locator("[data-passkey-id]").GetByRole(AriaRole.Link, new() { Name = remove }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = confirmRemove }).ClickAsync();
        await page.ShouldReachAsync("**/Account/Manage/Passkeys");
        await Assertions.Expect(page.Locator("[data-no-passkeys]")).ToBeVisibleAsync();

        // The authenticator still holds the passkey, but the portal no longer knows it.
        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = signInWithPasskey }).ClickAsync();
        await page.ShouldReachAsync("**/Account/LoginWithPasskey");
        await Assertions.Expect(page.Locator("main .alert-danger")).ToContainTextAsync(refused);
    }
}
