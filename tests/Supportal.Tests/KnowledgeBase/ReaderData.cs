using Microsoft.EntityFrameworkCore;
using Supportal.Contracts;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Orders;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>Readers for the help-center tests: a customer holding an active contract for a manufacturer's product.</summary>
public static class ReaderData
{
    /// <summary>A new customer with an active contract (one asset) registered to them; returns the asset's manufacturer.</summary>
    public static async Task<int> CreateContractHolderAsync(PortalFactory portal, string email, string contractNumber)
    {
        var user = await portal.CreateUserAsync(email);
        var today = OrdersData.Today(portal);
        var contractId = await OrdersData.CreateContractAsync(portal, contractNumber, today.AddDays(-10), today.AddYears(1), assets: 1);
        return await portal.WithDbAsync(async db =>
        {
            db.ContractRegistrations.Add(new ContractRegistration { ContractId = contractId, UserId = user.Id, RegisteredAt = portal.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
            return await db.Assets.Where(a => a.ContractId == contractId).Select(a => a.Product.ManufacturerId).SingleAsync();
        });
    }

    /// <summary>A manufacturer nobody in the test holds a contract for.</summary>
    public static Task<int> CreateManufacturerAsync(PortalFactory portal, string name) => portal.WithDbAsync(async db =>
    {
        var manufacturer = new Manufacturer { Name = name };
        db.Manufacturers.Add(manufacturer);
        await db.SaveChangesAsync();
        return manufacturer.Id;
    });
}
