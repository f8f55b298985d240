using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account;

/// <summary>The e-mailed link: a new password twice. The link works once and for 24 hours.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsSetup.AccountRateLimit)]
public sealed class ResetPasswordModel(UserManager<ApplicationUser> users, PortalSignInManager signIn, AppDbContext db, AuditLog audit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool LinkInvalid { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), StringLength(200, MinimumLength = 12, ErrorMessage = "Password.TooShort")]
        [Display(Name = "Reset.NewPassword")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "Password.Mismatch")]
        [Display(Name = "Register.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task OnGetAsync() => LinkInvalid = await FindUserWithValidLinkAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindUserWithValidLinkAsync() is not { } user)
        {
            LinkInvalid = true;
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();
        var result = await users.ResetPasswordAsync(user, Token!, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError("Input.Password", error.Description);
            return Page();
        }
        // Opening the e-mailed link proves the address, which matters for accounts made without one confirmed.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await signIn.RevokeOtherSessionsAsync(user, keepCurrent: false);
        audit.Record(db, AuditActions.PasswordReset, user.Id);
        await db.SaveChangesAsync();
        return RedirectToPage("ResetPasswordDone");
    }

    private string? Token
    {
        get
        {
            try
            {
                return Code is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code));
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }

    /// <summary>The link's account when its token is still good (not used, not expired); checked before any input.</summary>
    private async Task<ApplicationUser?> FindUserWithValidLinkAsync()
    {
        if (Token is not { } token || await users.FindByIdAsync(UserId.ToString()) is not { } user)
            return null;
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }
}
