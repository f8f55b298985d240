using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Pages;

/// <summary>The sign-in page at /Account/Login: the login and password step.</summary>
public sealed class SignInPage(PortalClient client, Page page) : PortalPage(client, page)
{
    public static async Task<SignInPage> OpenAsync(PortalClient client, string? returnUrl = null) =>
        new(client, await client.GetAsync(returnUrl is null ? "/Account/Login" : $"/Account/Login?ReturnUrl={returnUrl}"));

    /// <summary>
    /// The password step. The portal answers with the code step (<see cref="SignInCodePage"/>), with the next page when
    /// this browser needs no code, or with this page and its errors.
    /// </summary>
    public Task<Page> SubmitAsync(string login, string password = PortalFactory.DemoPassword, bool follow = true) =>
        Client.SubmitAsync(Page.Form(), Fields(("Input.Login", login), ("Input.Password", password)), follow: follow);
}

/// <summary>The code step at /Account/LoginWithCode: the code e-mailed, or shown by the authenticator app.</summary>
public sealed class SignInCodePage(PortalClient client, Page page) : PortalPage(client, page)
{
    public Task<Page> EnterAsync(string code, bool rememberBrowser = false) =>
        Client.SubmitAsync(Page.Form(), Fields(("Input.Code", code), ("Input.RememberBrowser", rememberBrowser ? "true" : "false")));
}
