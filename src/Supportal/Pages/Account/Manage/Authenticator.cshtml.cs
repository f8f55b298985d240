using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Pages.Account.Manage;

/// <summary>Adds an authenticator app: scan the key, prove it with one code, receive the recovery codes.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AuthenticatorModel(
    UserManager<ApplicationUser> users,
    AppDbContext db,
    AuditLog audit,
    IOptions<PortalOptions> portal,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public string SharedKey { get; private set; } = "";
    public string QrCode { get; private set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(9, ErrorMessage = "Manage.Authenticator.CodeFormat")]
        [Display(Name = "Manage.Authenticator.Code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (await AuthenticatorApp.IsOnAsync(users, user))
            return RedirectToPage("TwoFactor");
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (await AuthenticatorApp.IsOnAsync(users, user))
            return RedirectToPage("TwoFactor");
        // Apps show "123 456"; people copy it as shown.
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", localizer["Manage.Authenticator.WrongCode"]);
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        await AuthenticatorApp.MarkOnAsync(users, user, clock.GetUtcNow().UtcDateTime);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        audit.Record(db, AuditActions.TwoFactorChanged, user.Id, "authenticator added");
        await db.SaveChangesAsync();
        RecoveryCodesModel.Show(TempData, codes);
        TempData["StatusMessage"] = localizer["Manage.Authenticator.Added"].Value;
        return RedirectToPage("RecoveryCodes");
    }

    /// <summary>The key is stored when setup starts and kept until a code proves the app has it.</summary>
    private async Task LoadKeyAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = AuthenticatorApp.FormatKey(key);
        QrCode = AuthenticatorApp.QrCodeDataUri(AuthenticatorApp.SetupUri(portal.Value.Name, user.Email ?? user.UserName ?? "", key));
    }
}
