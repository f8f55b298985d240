using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Contracts;

/// <summary>An asset a person may raise a support request for, with what the request form must ask.</summary>
public sealed record EntitledAsset(
    int AssetId, string? SerialNumber, string? Name, string? Location,
    int ProductId, string ProductName, string ProductCode,
    int ManufacturerId, string ManufacturerName,
    int ContractId, string ContractNumber, DateOnly ContractEndsOn);

/// <summary>
/// The entitlement rule in one place: assets of contracts the person registered that cover today (CON-7).
/// Everything is filtered by the person inside the query, so no id can reach another customer's asset.
/// </summary>
public sealed class EntitledAssets(AppDbContext db, TimeProvider clock)
{
    public IQueryable<EntitledAsset> For(Guid userId) => Query(userId, null);

    /// <summary>The asset if the person may raise a request for it; null for anything else, existing or not.</summary>
    public Task<EntitledAsset?> FindAsync(Guid userId, int assetId) => Query(userId, assetId).FirstOrDefaultAsync();

    // Filters go before the projection: EF cannot filter on a record's constructor arguments.
    private IQueryable<EntitledAsset> Query(Guid userId, int? assetId)
    {
        var today = LocalTime.PortalToday(clock);
        var contracts = db.Contracts.Where(Contract.ActiveOn(today))
            .Where(c => c.Registrations.Any(r => r.UserId == userId))
            .Select(c => c.Id);
        return db.Assets.Where(a => contracts.Contains(a.ContractId) && (assetId == null || a.Id == assetId))
            .Select(asset => new EntitledAsset(
                asset.Id, asset.SerialNumber, asset.Name, asset.Location,
                asset.ProductId, asset.Product.Name, asset.Product.Code,
                asset.Product.ManufacturerId, asset.Product.Manufacturer.Name,
                asset.ContractId, asset.Contract.Number, asset.Contract.EndsOn));
    }


    /// <summary>The manufacturer's current questions, in their order, with the options of choice fields.</summary>
    public Task<List<AdditionalField>> FieldsAsync(int manufacturerId) => db.AdditionalFields.AsNoTracking()
        .Where(f => f.ManufacturerId == manufacturerId && f.Active)
        .Include(f => f.Options.OrderBy(o => o.Order))
        .OrderBy(f => f.Order).ThenBy(f => f.Id)
        .ToListAsync();
}
