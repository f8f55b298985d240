using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account.Manage;

/// <summary>A new password; every other browser of the account is signed out, this one stays.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users,
    PortalSignInManager signIn,
    AppDbContext db,
    AuditLog audit,
    IOptions<IdentityOptions> identity,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Migrated accounts have no password until they ask for one by e-mail.</summary>
    public bool HasPassword { get; private set; }

    public int MinLength => identity.Value.Password.RequiredLength;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Manage.Password.Current")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Manage.Password.New")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "Manage.Password.NoMatch")]
        [Display(Name = "Manage.Password.Confirm")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        HasPassword = await users.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        HasPassword = await users.HasPasswordAsync(user);
        if (!HasPassword)
            return RedirectToPage();
        if (!ModelState.IsValid)
            return Page();

        // The current password is guessed here as at sign-in (by whoever found a signed-in browser): failures
        // count toward the same lockout, and a locked account's password is not checked.
        const string currentField = $"{nameof(Input)}.{nameof(InputModel.CurrentPassword)}";
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(currentField, localizer["Login.LockedOut"]);
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
                audit.Record(db, AuditActions.PasswordChangeFailed, user.Id);
                await db.SaveChangesAsync();
                if (await users.IsLockedOutAsync(user))
                {
                    ModelState.AddModelError(currentField, localizer["Login.LockedOut"]);
                    return Page();
                }
            }
            foreach (var error in result.Errors)
                ModelState.AddModelError(FieldOf(error), Describe(error));
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        audit.Record(db, AuditActions.PasswordChanged, user.Id);
        await db.SaveChangesAsync();
        // Whoever knew the old password may be signed in elsewhere: end those browsers, keep this one.
        await signIn.RevokeOtherSessionsAsync(user, keepCurrent: true);
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = localizer["Manage.Password.Changed"].Value;
        return RedirectToPage();
    }

    /// <summary>A wrong current password belongs by that field; anything a password validator says, by the new one.</summary>
    private static string FieldOf(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => $"{nameof(Input)}.{nameof(InputModel.CurrentPassword)}",
        nameof(IdentityErrorDescriber.ConcurrencyFailure) or nameof(IdentityErrorDescriber.DefaultError) => string.Empty,
        _ => $"{nameof(Input)}.{nameof(InputModel.NewPassword)}",
    };

    /// <summary>Identity's own texts are English only; the ones we know are said in the reader's language.</summary>
    private string Describe(IdentityError error)
    {
        var text = localizer[$"Manage.Password.Error.{error.Code}", identity.Value.Password.RequiredLength];
        return text.ResourceNotFound ? error.Description : text.Value;
    }
}
