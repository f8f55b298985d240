using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Supportal.Platform;

namespace Supportal.Accounts;

/// <summary>Absolute links put into e-mails, all starting with the portal's public address.</summary>
public sealed class AccountLinks(UserManager<ApplicationUser> users, LinkGenerator links, PublicAddress address)
{
    /// <summary>"Set your password" (Forgot my password, Get a password, accounts made for a request).</summary>
    public async Task<string> PasswordAsync(ApplicationUser user)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        return Page("/Account/ResetPassword", new { userId = user.Id, code = token });
    }

    /// <summary>"Confirm your address" after signing up, or when asked for again.</summary>
    public async Task<string> ConfirmationAsync(ApplicationUser user)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        return Page("/Account/ConfirmEmail", new { userId = user.Id, code = token });
    }

    public string Page(string page, object? values = null) =>
        Absolute(links.GetPathByPage(page, handler: null, values) ?? throw new InvalidOperationException($"No page {page}."));

    /// <summary>A site path ("/Tickets/12") made absolute.</summary>
    public string Absolute(string path) => address.Root + path;
}
