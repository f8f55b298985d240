using Microsoft.Playwright;

namespace Supportal.EndToEnd.Pages;

/// <summary>The sign-in form at /Account/Login and the code step it may lead to.</summary>
public sealed class SignInPage(IPage page)
{
    private ILocator Submit => page.Locator("main form button[type=submit]").First;

    public async Task<SignInPage> OpenAsync()
    {
        await page.GotoAsync("/Account/Login");
        return this;
    }

    public async Task SubmitAsync(string login, string password)
    {
        await page.Locator("input[name='Input.Login']").FillAsync(login);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await Submit.ClickAsync();
    }

    /// <summary>Waits for the portal to ask for the e-mailed code, which it has queued by then.</summary>
    public Task ShouldAskForCodeAsync() => page.ShouldReachAsync("**/Account/LoginWithCode**");

    public async Task EnterCodeAsync(string code)
    {
        await page.Locator("input[name='Input.Code']").FillAsync(code);
        await Submit.ClickAsync();
    }
}

/// <summary>"Forgot my password" at /Account/ForgotPassword: the address the portal sends a password link to.</summary>
public sealed class ForgotPasswordPage(IPage page)
{
    public async Task RequestLinkAsync(string email)
    {
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("main form button[type=submit]").ClickAsync();
    }
}

/// <summary>The page a password link opens at /Account/ResetPassword: the new password, twice.</summary>
public sealed class ResetPasswordPage(IPage page)
{
    public async Task FillAsync(string password)
    {
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync(password);
    }

    public Task SubmitAsync() => page.Locator("main form button[type=submit]").ClickAsync();

    public async Task SetAsync(string password)
    {
        await FillAsync(password);
        await SubmitAsync();
    }
}
