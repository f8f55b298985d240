using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Pages.Orders;

/// <summary>
/// The printable support certificate handed to the customer. It carries the activation key only when the
/// browser that was just shown the key sends it here; the portal cannot print a key it does not keep.
/// </summary>
public sealed class CertificateModel(AppDbContext db, ContractActivation activation, IOptions<PortalOptions> portal, TimeProvider clock) : PageModel
{
    public sealed record Details(int Id, string Number, string Organization, string ServiceLevel, DateOnly StartsOn, DateOnly EndsOn);

    public sealed record AssetRow(string Product, string? SerialNumber, string? Name, string? Location);

    public string PortalName => portal.Value.Name;
    public Details Contract { get; private set; } = null!;
    public IReadOnlyList<AssetRow> Assets { get; private set; } = [];
    public DateOnly PrintedOn { get; private set; }
    public string? Key { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>From the "certificate with this key" button next to a key just shown.</summary>
    public async Task<IActionResult> OnPostAsync(int id, string? key)
    {
        if (!await LoadAsync(id))
            return NotFound();
        // Only the contract's current key is printed: an old or mistyped one would hand the customer a dud.
        if (key is { Length: > 0 } && await activation.FindAsync(Contract.Number, key) is { } match && match.Id == id)
            Key = key.Trim();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var contract = await db.Contracts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new Details(c.Id, c.Number, c.Organization.Name, c.ServiceLevel.Name, c.StartsOn, c.EndsOn))
            .SingleOrDefaultAsync();
        if (contract is null)
            return false;
        Contract = contract;
        Assets = await db.Assets.AsNoTracking().Where(a => a.ContractId == id)
            .OrderBy(a => a.Product.Manufacturer.Name).ThenBy(a => a.Product.Name).ThenBy(a => a.Id)
            .Select(a => new AssetRow(a.Product.Manufacturer.Name + " " + a.Product.Name, a.SerialNumber, a.Name, a.Location))
            .ToListAsync();
        PrintedOn = LocalTime.PortalToday(clock);
        return true;
    }
}
