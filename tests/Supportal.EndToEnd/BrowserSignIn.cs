using Microsoft.Playwright;
using Supportal.EndToEnd.Pages;
using Supportal.Tests.Infrastructure;

namespace Supportal.EndToEnd;

public static class BrowserSignIn
{
    /// <summary>Signs in through the form, answering the code step with the code the portal e-mailed.</summary>
    public static async Task SignInAsync(this IPage page, PortalFactory portal, string email, string password = PortalFactory.DemoPassword)
    {
        var signIn = await new SignInPage(page).OpenAsync();
        await signIn.SubmitAsync(email, password);
        await signIn.ShouldAskForCodeAsync();
        await signIn.EnterCodeAsync(await portal.LatestSignInCodeAsync(email));
        await page.ShouldReachAsync("**/Dashboard");
    }
}
