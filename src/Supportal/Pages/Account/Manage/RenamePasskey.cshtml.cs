using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account.Manage;

/// <summary>
/// Gives a passkey a new name. The passkey is looked up among the signed-in account's own, so another account's id
/// is simply not found.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RenamePasskeyModel(
    UserManager<ApplicationUser> users,
    AppDbContext db,
    AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(PasskeyNames.MaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Manage.Passkeys.Name")]
        public string Name { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (await OwnPasskeyAsync(user) is not { } passkey)
            return NotFound();
        Input.Name = passkey.Name ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (await OwnPasskeyAsync(user) is not { } passkey)
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        passkey.Name = Input.Name.Trim();
        if (!(await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer["Manage.Passkeys.RenameFailed"]);
            return Page();
        }
        audit.Record(db, AuditActions.PasskeyRenamed, user.Id, passkey.Name);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Manage.Passkeys.Renamed"].Value;
        return RedirectToPage("Passkeys");
    }

    private async Task<UserPasskeyInfo?> OwnPasskeyAsync(ApplicationUser user) =>
        PasskeyId.Parse(Id) is { } credentialId ? await users.GetPasskeyAsync(user, credentialId) : null;
}
