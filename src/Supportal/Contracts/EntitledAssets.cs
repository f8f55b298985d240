using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Contracts;

/// <summary>An asset a person may raise a support request for, with what the request form must ask.</summary>
public sealed record EntitledAsset(
    int AssetId, string? SerialNumber, string? Name, string? Location,
    int ProductId, string ProductName, string ProductCode,
    int ManufacturerId, string ManufacturerName,
    int ContractId, string ContractNumber, DateOnly ContractEndsOn, int OrganizationId);

/// <summary>
/// The entitlement rule in one place: assets of contracts the person registered that cover today (CON-7).
/// Everything is filtered by the person inside the query, so no id can reach another customer's asset.
/// </summary>
public sealed class EntitledAssets(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The person's assets. A person's contracts bound them, so pages read the list once and look an asset up in it
    /// (an id not in it is not theirs to raise a request for, whether it exists or not).
    /// </summary>
    public IQueryable<EntitledAsset> For(Guid userId)
    {
        var today = LocalTime.PortalToday(clock);
        var contracts = db.Contracts.Where(Contract.ActiveOn(today))
            .Where(c => c.Registrations.Any(r => r.UserId == userId))
            .Select(c => c.Id);
        return db.Assets.Where(a => contracts.Contains(a.ContractId))
            .Select(asset => new EntitledAsset(
                asset.Id, asset.SerialNumber, asset.Name, asset.Location,
                asset.ProductId, asset.Product.Name, asset.Product.Code,
                asset.Product.ManufacturerId, asset.Product.Manufacturer.Name,
                asset.ContractId, asset.Contract.Number, asset.Contract.EndsOn, asset.Contract.OrganizationId));
    }

    /// <summary>The manufacturer's current questions, in their order, with the options of choice fields.</summary>
    public Task<List<AdditionalField>> FieldsAsync(int manufacturerId) => db.AdditionalFields.AsNoTracking()
        .Where(f => f.ManufacturerId == manufacturerId && f.Active)
        .Include(f => f.Options.OrderBy(o => o.Order))
        .OrderBy(f => f.Order).ThenBy(f => f.Id)
        .ToListAsync();
}
