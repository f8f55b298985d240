using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account;

/// <summary>The second step of sign-in: the e-mailed code, or the authenticator app's code when one is set up.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsSetup.AccountRateLimit)]
public sealed class LoginWithCodeModel(
    PortalSignInManager signIn, AppDbContext db, AuditLog audit, AccountThrottle throttle, AccountMails mails,
    EmailCodeProvider codes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string AppMethod = "app";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Method { get; set; }

    public bool UsesApp => Method == AppMethod;

    /// <summary>Set when the code ran out, so the page offers "Send a new code" prominently.</summary>
    public bool Expired { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(7, ErrorMessage = "Code.Invalid")]
        [Display(Name = "Code.Label")]
        public string Code { get; set; } = "";

        [Display(Name = "Code.Remember")]
        public bool RememberBrowser { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return RedirectToPage("Login", new { ReturnUrl });
        if (!ModelState.IsValid)
            return Page();

        var provider = UsesApp ? TokenOptions.DefaultAuthenticatorProvider : EmailCodeProvider.Name;
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorSignInAsync(provider, code, isPersistent: false, Input.RememberBrowser);
        if (result.Succeeded)
        {
            audit.Record(db, AuditActions.SignInSucceeded, user.Id);
            await db.SaveChangesAsync();
            LanguageModel.Remember(Response, user.Language);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Dashboard");
        }
        audit.Record(db, AuditActions.SignInFailed, user.Id, "code");
        await db.SaveChangesAsync();
        Expired = !UsesApp && !result.IsLockedOut && await codes.LatestHasExpiredAsync(user, "TwoFactor");
        ModelState.AddModelError("Input.Code", localizer[result.IsLockedOut ? "Login.LockedOut" : Expired ? "Code.Expired" : "Code.Wrong"]);
        return Page();
    }

    /// <summary>"Send a new code": a fresh e-mailed code replaces the old one (also a way out of the app method).</summary>
    public async Task<IActionResult> OnPostResendAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return RedirectToPage("Login", new { ReturnUrl });
        ModelState.Clear();
        if (!throttle.TryTake("code", user.Id.ToString()))
        {
            ModelState.AddModelError(string.Empty, localizer["Throttle.Account"]);
            return Page();
        }
        mails.SignInCode(user, await signIn.UserManager.GenerateTwoFactorTokenAsync(user, EmailCodeProvider.Name));
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Code.Sent"].Value;
        return RedirectToPage(new { ReturnUrl });
    }
}
