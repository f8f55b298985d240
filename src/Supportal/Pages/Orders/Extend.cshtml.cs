using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Orders;

/// <summary>Moves a contract's end date later (a renewal); shortening is "End now", never a typo here.</summary>
public sealed class ExtendModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ContractSummary Contract { get; private set; } = null!;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Orders.Extend.NewEnd")]
        public DateOnly? EndsOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await ContractSummary.FindAsync(db, id) is not { } contract)
            return NotFound();
        Contract = contract;
        Input.EndsOn = contract.EndsOn.AddYears(1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await ContractSummary.FindAsync(db, id) is not { } contract)
            return NotFound();
        Contract = contract;
        if (Input.EndsOn is { } requested && requested <= contract.EndsOn)
            ModelState.AddModelError("Input.EndsOn", localizer["Orders.Extend.NotLater", contract.EndsOn.ToString("D", CultureInfo.CurrentCulture)]);
        if (!ModelState.IsValid)
            return Page();

        var newEnd = Input.EndsOn!.Value;
        // Conditional on the end date read above, so two people extending at once cannot undo each other unseen.
        var changed = await db.Contracts.Where(c => c.Id == id && c.EndsOn == contract.EndsOn)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndsOn, newEnd));
        if (changed == 0)
            return RedirectToPage(new { id });
        audit.Record(db, AuditActions.ContractChanged, ContractSummary.UserId(User),
            $"{contract.Number}: extended from {contract.EndsOn:yyyy-MM-dd} to {newEnd:yyyy-MM-dd}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Orders.Extend.Done", newEnd.ToString("D", CultureInfo.CurrentCulture)].Value;
        return RedirectToPage("Contract", new { id });
    }
}
