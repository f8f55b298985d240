using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account.Manage;

/// <summary>
/// New recovery codes, after a confirmation because the old ones stop working. Codes are shown once, straight
/// after they are made (carried through TempData across the redirect), and never again.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RecoveryCodesModel(
    UserManager<ApplicationUser> users,
    AppDbContext db,
    AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const string CodesKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public static void Show(ITempDataDictionary tempData, IEnumerable<string> codes) => tempData[CodesKey] = codes.ToArray();

    public async Task<IActionResult> OnGetAsync()
    {
        if (TempData[CodesKey] is string[] codes)
        {
            Codes = codes;
            return Page();
        }
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        return await AuthenticatorApp.IsOnAsync(users, user) ? Page() : RedirectToPage("TwoFactor");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!await AuthenticatorApp.IsOnAsync(users, user))
            return RedirectToPage("TwoFactor");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorModel.RecoveryCodeCount) ?? [];
        audit.Record(db, AuditActions.TwoFactorChanged, user.Id, "recovery codes reset");
        await db.SaveChangesAsync();
        Show(TempData, codes);
        TempData["StatusMessage"] = localizer["Manage.Codes.Made"].Value;
        return RedirectToPage();
    }
}
