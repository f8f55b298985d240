using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account;

/// <summary>
/// "Forgot my password" and "Get a password" (accounts migrated or made by a request have none yet): both
/// e-mail a link to set a password. The answer never says whether the address has an account.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsSetup.AccountRateLimit)]
public sealed class ForgotPasswordModel(UserManager<ApplicationUser> users, AppDbContext db, AccountMails mails, AccountLinks links, AccountThrottle throttle) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    /// <summary>True for "Get a password": same flow, words for someone who never had a password.</summary>
    [BindProperty(SupportsGet = true)]
    public bool First { get; set; }

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var email = Input.Email.Trim();
        if (throttle.TryTake("password", email) && await users.FindByEmailAsync(email) is { } user)
        {
            mails.PasswordLink(user, await links.PasswordAsync(user));
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}
