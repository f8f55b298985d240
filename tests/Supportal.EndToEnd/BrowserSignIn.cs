using Microsoft.Playwright;
using Supportal.Tests.Infrastructure;

namespace Supportal.EndToEnd;

public static class BrowserSignIn
{
    /// <summary>Signs in through the form, answering the code step with the code the portal e-mailed.</summary>
    public static async Task SignInAsync(this IPage page, PortalFactory portal, string email, string password = PortalFactory.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Login']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.ShouldReachAsync("**/Account/LoginWithCode**");
        await page.Locator("input[name='Input.Code']").FillAsync(await portal.LatestSignInCodeAsync(email));
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.ShouldReachAsync("**/Dashboard");
    }
}
