using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Supportal.Accounts;

/// <summary>Absolute links put into e-mails, built from the request being served.</summary>
public sealed class AccountLinks(UserManager<ApplicationUser> users, LinkGenerator links, IHttpContextAccessor http)
{
    /// <summary>"Set your password" (Forgot my password, Get a password, accounts made for a request).</summary>
    public async Task<string> PasswordAsync(ApplicationUser user)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        return Page("/Account/ResetPassword", new { userId = user.Id, code = token });
    }

    public string Page(string page, object? values = null) =>
        links.GetUriByPage(Context, page, null, values) ?? throw new InvalidOperationException($"No page {page}.");

    /// <summary>A site path made absolute with the address the portal is being served on.</summary>
    public string Absolute(string path)
    {
        var request = Context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("Links are built while serving a request.");
}
