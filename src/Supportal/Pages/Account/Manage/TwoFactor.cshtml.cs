using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Supportal.Accounts;

namespace Supportal.Pages.Account.Manage;

/// <summary>Which second steps guard the account: always the e-mailed code, optionally an authenticator app.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorModel(UserManager<ApplicationUser> users) : PageModel
{
    public bool EmailConfirmed { get; private set; }
    public bool AuthenticatorOn { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        EmailConfirmed = user.EmailConfirmed;
        AuthenticatorOn = await AuthenticatorApp.IsOnAsync(users, user);
        RecoveryCodesLeft = AuthenticatorOn ? await users.CountRecoveryCodesAsync(user) : 0;
        return Page();
    }
}
