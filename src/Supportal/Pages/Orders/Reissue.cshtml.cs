using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;

namespace Supportal.Pages.Orders;

/// <summary>
/// Replaces a contract's activation key (lost certificate, key given to the wrong person). The old key stops
/// working at once; people who already registered keep their access.
/// </summary>
public sealed class ReissueModel(AppDbContext db, ContractActivation activation, AuditLog audit, TimeProvider clock) : PageModel
{
    public ContractSummary Contract { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await ContractSummary.FindAsync(db, id) is not { } contract)
            return NotFound();
        Contract = contract;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Id == id);
        if (contract is null)
            return NotFound();
        var key = ActivationKeys.Generate();
        contract.ActivationKeyHash = activation.HashKey(contract, key);
        contract.KeyIssuedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(db, AuditActions.ContractKeyReissued, ContractSummary.UserId(User), contract.Number);
        await db.SaveChangesAsync();
        TempData[ContractModel.NewKey] = key;
        return RedirectToPage("Contract", new { id });
    }
}
