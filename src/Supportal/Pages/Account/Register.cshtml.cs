using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Pages.Account;

/// <summary>Sign Up: contact details plus the contract number and activation code from the support certificate.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsSetup.AccountRateLimit)]
public sealed class RegisterModel(
    UserManager<ApplicationUser> users, AppDbContext db, ContractActivation contracts, AccountMails mails, AccountLinks links, AuditLog audit,
    IPasswordHasher<ApplicationUser> hasher, AccountThrottle throttle, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet() => Input.Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Languages.IsSupported(Input.Language))
            ModelState.AddModelError("Input.Language", localizer["Validation.Required", localizer["Register.Language"]]);
        if (!ModelState.IsValid)
            return Page();
        // Per address: bounds contract-key guessing and "you already have an account" mail to one inbox.
        if (!throttle.TryTake("sign-up", Input.Email))
        {
            ModelState.AddModelError(string.Empty, localizer["Throttle.Account"]);
            return Page();
        }

        var contract = await contracts.FindAsync(Input.ContractNumber, Input.ActivationCode);
        if (contract is null)
        {
            ModelState.AddModelError("Input.ActivationCode", localizer["Register.WrongContract"]);
            return Page();
        }

        var email = Input.Email.Trim();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // Don't reveal that the address has an account: answer as for a new one and tell only its owner.
            hasher.HashPassword(existing, Input.Password); // costs what creating an account costs
            mails.AlreadyRegistered(existing, links.Page("/Account/Login"));
            await db.SaveChangesAsync();
            return RedirectToPage("CheckEmail");
        }

        var user = new ApplicationUser
        {
            UserName = email, Email = email, FirstName = Input.FirstName.Trim(), LastName = Input.LastName.Trim(),
            Company = Input.Company.Trim(), PhoneNumber = Input.Phone.Trim(), Language = Input.Language,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The account, its contract, the audit trail and the confirmation mail commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) || error.Code == "CommonPassword" ? "Input.Password" : "Input.Email", error.Description);
            return Page();
        }
        await contracts.RegisterAsync(contract, user);
        await OrganizationDomains.JoinAsync(db, user);
        audit.Record(db, AuditActions.SignedUp, user.Id);
        mails.ConfirmAddress(user, await links.ConfirmationAsync(user));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage("CheckEmail");
    }
}
