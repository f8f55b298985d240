using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Contracts;

public sealed record CustomerAsset(int Id, string Product, string Manufacturer, string? SerialNumber, string? Name, string? Location);

public sealed record CustomerContract(
    int Id, string Number, string Organization, string ServiceLevel, DateOnly StartsOn, DateOnly EndsOn, DateTime RegisteredAt,
    IReadOnlyList<CustomerAsset> Assets)
{
    public ContractState StateOn(DateOnly today) => Contract.State(StartsOn, EndsOn, today);
}

/// <summary>The contracts a person registered, as the customer pages show them; always filtered by that person.</summary>
public sealed class CustomerContracts(AppDbContext db)
{
    public IQueryable<CustomerContract> Of(Guid userId) => Query(userId, null);

    public Task<CustomerContract?> FindAsync(Guid userId, int contractId) => Query(userId, contractId).FirstOrDefaultAsync();

    // Filters go before the projection: EF cannot filter on a record's constructor arguments.
    private IQueryable<CustomerContract> Query(Guid userId, int? contractId) =>
        from registration in db.ContractRegistrations
        where registration.UserId == userId && (contractId == null || registration.ContractId == contractId)
        let contract = registration.Contract
        orderby contract.EndsOn descending, contract.Number
        select new CustomerContract(
            contract.Id, contract.Number, contract.Organization.Name, contract.ServiceLevel.Name,
            contract.StartsOn, contract.EndsOn, registration.RegisteredAt,
            contract.Assets.OrderBy(a => a.Product.Name).ThenBy(a => a.SerialNumber)
                .Select(a => new CustomerAsset(a.Id, a.Product.Name, a.Product.Manufacturer.Name, a.SerialNumber, a.Name, a.Location))
                .ToList());
}
