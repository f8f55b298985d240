using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Orders;

/// <summary>Takes an asset off a contract after the person confirms which one.</summary>
public sealed class RemoveAssetModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record AssetDetails(string Product, string? SerialNumber, string? Name, string? Location);

    public ContractSummary Contract { get; private set; } = null!;
    public AssetDetails Asset { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int assetId) => await LoadAsync(id, assetId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int assetId)
    {
        var asset = await db.Assets.Include(a => a.Contract).SingleOrDefaultAsync(a => a.Id == assetId && a.ContractId == id);
        if (asset is null)
            return NotFound();
        db.Assets.Remove(asset);
        audit.Record(db, Accounts.AuditActions.ContractChanged, ContractSummary.UserId(User), $"{asset.Contract.Number}: asset removed: {asset.Label}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Orders.RemoveAsset.Done", asset.Label].Value;
        return RedirectToPage("Contract", new { id });
    }

    private async Task<bool> LoadAsync(int id, int assetId)
    {
        var contract = await ContractSummary.FindAsync(db, id);
        var asset = await db.Assets.AsNoTracking().Where(a => a.Id == assetId && a.ContractId == id)
            .Select(a => new AssetDetails(a.Product.Manufacturer.Name + " " + a.Product.Name, a.SerialNumber, a.Name, a.Location))
            .SingleOrDefaultAsync();
        if (contract is null || asset is null)
            return false;
        (Contract, Asset) = (contract, asset);
        return true;
    }
}
