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
    public IQueryable<CustomerContract> Of(Guid userId) =>
        from registration in db.ContractRegistrations
        where registration.UserId == userId
        let contract = registration.Contract
        orderby contract.EndsOn descending, contract.Number
        select new CustomerContract(
            contract.Id, contract.Number, contract.Organization.Name, contract.ServiceLevel.Name,
            contract.StartsOn, contract.EndsOn, registration.RegisteredAt,
            contract.Assets.OrderBy(a => a.Product.Name).ThenBy(a => a.SerialNumber)
                .Select(a => new CustomerAsset(a.Id, a.Product.Name, a.Product.Manufacturer.Name, a.SerialNumber, a.Name, a.Location))
                .ToList());

    public Task<CustomerContract?> FindAsync(Guid userId, int contractId) => Of(userId).FirstOrDefaultAsync(c => c.Id == contractId);
}
