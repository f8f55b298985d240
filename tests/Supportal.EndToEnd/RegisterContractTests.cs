using Microsoft.Playwright;

namespace Supportal.EndToEnd;

[Collection(SharedBrowser.Name)]
public sealed class RegisterContractTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    [Theory]
    [InlineData("en", "Register contract", "Contract number", "Contract key", "Apply", "Contract DEMO-0002 has been registered on your account.")]
    [InlineData("pl", "Zarejestruj kontrakt", "Numer kontraktu", "Klucz kontraktu", "Zastosuj", "Kontrakt DEMO-0002 został zarejestrowany na Twoim koncie.")]
    public async Task A_customer_registers_a_contract_from_the_top_bar_and_sees_it_under_contracts(
        string language, string button, string numberLabel, string keyLabel, string apply, string done)
    {
        var email = $"contract.{language}@customer.test";
        await portal.Factory.CreateUserAsync(email, "Iga", "Nowak", language);
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, email);

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = button }).ClickAsync();
        await page.GetByLabel(numberLabel).FillAsync("DEMO-0002");
        await page.GetByLabel(keyLabel).FillAsync("DEMO-0002-KEY");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"register-contract-{language}-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = apply }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(done);
        var card = page.Locator("[data-contract='DEMO-0002']");
        await Assertions.Expect(card.Locator("tr[data-asset]")).ToHaveCountAsync(2);
        await Assertions.Expect(card).ToContainTextAsync("Premium 24×7");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"contracts-{language}-desktop");
    }

    [Fact]
    public async Task Wrong_keys_are_refused_and_then_the_form_is_locked()
    {
        await portal.Factory.CreateUserAsync("contract.guesser@customer.test", "Ola", "Zgadywacz");
        var page = await browser.NewPageAsync(portal.Url, width: 390, height: 844);
        await page.SignInAsync(portal.Factory, "contract.guesser@customer.test");
        await page.GotoAsync("/Contracts/Register");

        for (var i = 0; i < 10; i++)
        {
            await page.GetByLabel("Contract number").FillAsync("DEMO-0002");
            await page.GetByLabel("Contract key").FillAsync($"WRONG-{i}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Key']")).ToContainTextAsync("not correct");
        }

        await Assertions.Expect(page.Locator("[data-locked]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply" })).ToBeDisabledAsync();
        await Browser.ScreenshotAsync(page, "register-contract-locked-en-phone");
    }
}
