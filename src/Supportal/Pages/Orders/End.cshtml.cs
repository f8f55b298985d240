using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Pages.Orders;

/// <summary>
/// Ends a contract at once: its last day becomes yesterday in portal time, so it is expired today and no one
/// can raise new requests under it. Asks first.
/// </summary>
public sealed class EndModel(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ContractSummary Contract { get; private set; } = null!;
    public bool AlreadyEnded { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await ContractSummary.FindAsync(db, id) is not { } contract)
            return NotFound();
        Contract = contract;
        AlreadyEnded = contract.EndsOn < LocalTime.PortalToday(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Id == id);
        if (contract is null)
            return NotFound();
        var yesterday = LocalTime.PortalToday(clock).AddDays(-1);
        if (contract.EndsOn <= yesterday)
            return RedirectToPage("Contract", new { id });
        var detail = $"{contract.Number}: ended, end date {contract.EndsOn:yyyy-MM-dd} moved to {yesterday:yyyy-MM-dd}";
        contract.EndsOn = yesterday;
        // A contract that had not started yet would otherwise end before it starts and show as "not started".
        if (contract.StartsOn > yesterday)
        {
            detail += $", start date {contract.StartsOn:yyyy-MM-dd} too";
            contract.StartsOn = yesterday;
        }
        audit.Record(db, AuditActions.ContractChanged, ContractSummary.UserId(User), detail);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Orders.End.Done", contract.Number].Value;
        return RedirectToPage("Contract", new { id });
    }
}
