using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account.Manage;

/// <summary>Removes the authenticator app after a confirmation step; the e-mailed code stays.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RemoveAuthenticatorModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AppDbContext db,
    AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        return await AuthenticatorApp.IsOnAsync(users, user) ? Page() : RedirectToPage("TwoFactor");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (await AuthenticatorApp.IsOnAsync(users, user))
        {
            await AuthenticatorApp.RemoveAsync(users, user);
            audit.Record(db, AuditActions.TwoFactorChanged, user.Id, "authenticator removed");
            await db.SaveChangesAsync();
            // Resetting the key renews the security stamp; reissue this browser's cookie with the new one.
            await signIn.RefreshSignInAsync(user);
            TempData["StatusMessage"] = localizer["Manage.Remove.Done"].Value;
        }
        return RedirectToPage("TwoFactor");
    }
}
