using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsSetup.AccountRateLimit)]
public sealed class LoginModel(
    PortalSignInManager signIn, AppDbContext db, AuditLog audit, AccountMails mails,
    IStringLocalizer<SharedResource> localizer, IOptions<SeedOptions> seed, IWebHostEnvironment environment) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when the password was right but the address is not confirmed yet: offer a new link.</summary>
    public bool OfferConfirmationLink { get; private set; }

    /// <summary>Shown only in Development with demo data, so nobody mistakes it for a real credential.</summary>
    public string? DemoPassword => environment.IsDevelopment() && seed.Value.Demo ? seed.Value.DemoPassword : null;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Login.Login")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Login.Password")]
        public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var (result, user) = await signIn.PasswordSignInAsync(Input.Login.Trim(), Input.Password);
        if (result.Succeeded)
        {
            audit.Record(db, AuditActions.SignInSucceeded, user!.Id);
            await db.SaveChangesAsync();
            LanguageModel.Remember(Response, user.Language);
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.RequiresTwoFactor)
            return await StartSecondStepAsync(user!);
        if (result.IsNotAllowed)
        {
            OfferConfirmationLink = true;
            return await RefuseAsync("Login.NotConfirmed", user);
        }
        return await RefuseAsync(result.IsLockedOut ? "Login.LockedOut" : "Login.Failed", user);
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Dashboard";

    private async Task<IActionResult> StartSecondStepAsync(ApplicationUser user)
    {
        if (await AuthenticatorApp.IsOnAsync(signIn.UserManager, user))
            return RedirectToPage("LoginWithCode", new { ReturnUrl, method = LoginWithCodeModel.AppMethod });
        mails.SignInCode(user, await signIn.UserManager.GenerateTwoFactorTokenAsync(user, EmailCodeProvider.Name));
        await db.SaveChangesAsync();
        return RedirectToPage("LoginWithCode", new { ReturnUrl });
    }

    private async Task<PageResult> RefuseAsync(string messageKey, ApplicationUser? user)
    {
        audit.Record(db, AuditActions.SignInFailed, user?.Id);
        await db.SaveChangesAsync();
        ModelState.AddModelError(string.Empty, localizer[messageKey]);
        return Page();
    }
}
