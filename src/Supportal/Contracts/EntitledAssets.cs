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
    public IQueryable<EntitledAsset> For(Guid userId)
    {
        var today = LocalTime.PortalToday(clock);
        var activeContracts = db.Contracts.Where(Contract.ActiveOn(today))
            .Where(c => c.Registrations.Any(r => r.UserId == userId));
        return from asset in db.Assets
               join contract in activeContracts on asset.ContractId equals contract.Id
               select new EntitledAsset(
                   asset.Id, asset.SerialNumber, asset.Name, asset.Location,
                   asset.ProductId, asset.Product.Name, asset.Product.Code,
                   asset.Product.ManufacturerId, asset.Product.Manufacturer.Name,
                   contract.Id, contract.Number, contract.EndsOn);
    }

    /// <summary>The asset if the person may raise a request for it; null for anything else, existing or not.</summary>
    public Task<EntitledAsset?> FindAsync(Guid userId, int assetId) => For(userId).FirstOrDefaultAsync(a => a.AssetId == assetId);

    /// <summary>The manufacturer's current questions, in their order, with the options of choice fields.</summary>
    public Task<List<AdditionalField>> FieldsAsync(int manufacturerId) => db.AdditionalFields.AsNoTracking()
        .Where(f => f.ManufacturerId == manufacturerId && f.Active)
        .Include(f => f.Options.OrderBy(o => o.Order))
        .OrderBy(f => f.Order).ThenBy(f => f.Id)
        .ToListAsync();
}
