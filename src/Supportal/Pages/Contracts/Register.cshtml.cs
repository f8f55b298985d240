using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;

namespace Supportal.Pages.Contracts;

/// <summary>"Register contract": the number and key from a support certificate put the contract on the account.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RegisterModel(
    AppDbContext db, ContractActivation contracts, UserManager<ApplicationUser> users, AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public DateTime? LockedUntil { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(50, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Register.ContractNumber")]
        public string Number { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Contracts.Key")]
        public string Key { get; set; } = "";
    }

    public async Task OnGetAsync() => LockedUntil = await contracts.LockedUntilAsync(UserId);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        LockedUntil = await contracts.LockedUntilAsync(UserId);
        if (LockedUntil is not null)
        {
            audit.Record(db, AuditActions.ContractRegisterLocked, UserId, ContractActivation.Normalize(Input.Number));
            await db.SaveChangesAsync();
            return Page();
        }
        var contract = await contracts.FindAsync(Input.Number, Input.Key);
        if (contract is null)
        {
            // Don't reveal whether the number exists: a wrong key and an unknown number read the same.
            audit.Record(db, AuditActions.ContractRegisterFailed, UserId, ContractActivation.Normalize(Input.Number));
            await db.SaveChangesAsync();
            LockedUntil = await contracts.LockedUntilAsync(UserId);
            ModelState.AddModelError("Input.Key", localizer["Register.WrongContract"]);
            return Page();
        }
        if (await db.ContractRegistrations.AnyAsync(r => r.ContractId == contract.Id && r.UserId == UserId))
        {
            ModelState.AddModelError("Input.Number", localizer["Contracts.AlreadyRegistered", contract.Number]);
            return Page();
        }
        await contracts.RegisterAsync(contract, (await users.GetUserAsync(User))!);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Contracts.Registered", contract.Number].Value;
        return RedirectToPage("Index");
    }

    private Guid UserId => User.RequiredAccountId();
}
