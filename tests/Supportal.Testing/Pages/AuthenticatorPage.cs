using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Pages;

/// <summary>Profile → Two-factor → Add an authenticator app, answered as a phone would by the portal's clock.</summary>
public sealed class AuthenticatorPage(PortalClient client, Page page) : PortalPage(client, page)
{
    public static async Task<AuthenticatorPage> OpenAsync(PortalClient client) => new(client, await client.GetAsync("/Account/Manage/Authenticator"));

    /// <summary>The shared key as an app reads it: the shown groups without spaces.</summary>
    public string Key => Find("[data-shared-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Sets the app up with its current code; returns the key and the recovery codes shown once.</summary>
    public static async Task<(string Key, List<string> RecoveryCodes)> SetUpAsync(PortalClient client, PortalFactory portal)
    {
        var setup = await OpenAsync(client);
        var codes = await client.SubmitAsync(setup.Page.Form(), Fields(("Input.Code", Totp.Code(setup.Key, portal.Clock.GetUtcNow()))));
        return (setup.Key, codes.FindAll("[data-recovery-codes] li").Select(c => c.TextContent.Trim()).ToList());
    }
}
