using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account.Manage;

/// <summary>
/// Removes a passkey after a confirmation step. The passkey is looked up among the signed-in account's own, so another
/// account's id is simply not found.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RemovePasskeyModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AppDbContext db,
    AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (await OwnPasskeyAsync(user) is not { } passkey)
            return NotFound();
        Name = passkey.Name ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (await OwnPasskeyAsync(user) is not { } passkey)
            return NotFound();
        if (!(await users.RemovePasskeyAsync(user, passkey.CredentialId)).Succeeded)
        {
            Name = passkey.Name ?? "";
            ModelState.AddModelError(string.Empty, localizer["Manage.Passkeys.RemoveFailed"]);
            return Page();
        }
        audit.Record(db, AuditActions.PasskeyRemoved, user.Id, passkey.Name);
        await db.SaveChangesAsync();
        // Identity may renew the security stamp with the removal; reissue this browser's cookie with the new one.
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = localizer["Manage.Passkeys.Removed"].Value;
        return RedirectToPage("Passkeys");
    }

    private async Task<UserPasskeyInfo?> OwnPasskeyAsync(ApplicationUser user) =>
        PasskeyId.Parse(Id) is { } credentialId ? await users.GetPasskeyAsync(user, credentialId) : null;
}
