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
/// The account's passkeys, and adding one: the browser asks its authenticator for a new passkey with the options made
/// here, and Identity checks the answer before it is stored under the name the person gave.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PasskeysModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AppDbContext db,
    AuditLog audit,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock) : PageModel
{
    /// <summary>More than anyone needs (a phone, a laptop, a password manager, a spare key), and a bound on the table.</summary>
    public const int MaxPasskeys = 20;

    public sealed record PasskeyRow(string Id, string Name, DateTime AddedAt, DateTime? LastUsedAt);

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(PasskeyNames.MaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Manage.Passkeys.Name")]
        public string Name { get; set; } = "";

        /// <summary>The browser's new passkey, <c>PublicKeyCredential</c> as JSON; empty without JavaScript or WebAuthn.</summary>
        public string? CredentialJson { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        // A name the person will recognise later, until they give a better one.
        Input.Name = BrowserName.Describe(Request.Headers.UserAgent) ?? localizer["Manage.Passkeys.DefaultName"];
        await LoadAsync(user);
        return Page();
    }

    /// <summary>
    /// The options for a new passkey of this account; the ones it has are listed so the same authenticator is not
    /// added twice. Identity keeps the challenge in a short-lived cookie until the answer comes back.
    /// </summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email ?? user.UserName ?? user.Id.ToString(),
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(Input.CredentialJson))
            ModelState.AddModelError(string.Empty, localizer["Passkeys.NeedsScript"]);
        if (ModelState.IsValid && (await users.GetPasskeysAsync(user)).Count >= MaxPasskeys)
            ModelState.AddModelError(string.Empty, localizer["Manage.Passkeys.TooMany", MaxPasskeys]);
        if (!ModelState.IsValid)
            return await PageAsync(user);

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(Input.CredentialJson!);
        }
        catch (InvalidOperationException ex)
        {
            // No creation under way: the challenge's cookie expired or never came.
            attestation = PasskeyAttestationResult.Fail(new PasskeyException(ex.Message, ex));
        }
        // The challenge was made for the account signed in when it was asked for; it must still be this one.
        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id.ToString())
        {
            ModelState.AddModelError(string.Empty, localizer["Manage.Passkeys.AddFailed"]);
            return await PageAsync(user);
        }

        var made = attestation.Passkey;
        // Identity stamps the passkey with the system clock; the portal's clock is the one every other date uses.
        var passkey = new UserPasskeyInfo(made.CredentialId, made.PublicKey, clock.GetUtcNow(), made.SignCount, made.Transports,
            made.IsUserVerified, made.IsBackupEligible, made.IsBackedUp, made.AttestationObject, made.ClientDataJson)
        {
            Name = Input.Name.Trim(),
        };
        if (!(await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer["Manage.Passkeys.AddFailed"]);
            return await PageAsync(user);
        }
        audit.Record(db, AuditActions.PasskeyAdded, user.Id, passkey.Name);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Manage.Passkeys.Added"].Value;
        return RedirectToPage();
    }

    private async Task<PageResult> PageAsync(ApplicationUser user)
    {
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        var lastUsed = await PasskeyUse.LastUsedAsync(db, user.Id);
        Passkeys = (await users.GetPasskeysAsync(user))
            .Select(p => new PasskeyRow(PasskeyId.Format(p.CredentialId), p.Name ?? "", p.CreatedAt.UtcDateTime,
                lastUsed.GetValueOrDefault(PasskeyId.Format(p.CredentialId))))
            .OrderBy(p => p.AddedAt)
            .ToList();
    }
}
