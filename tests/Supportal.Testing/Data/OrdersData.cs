using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Contracts;
using Supportal.Platform;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Orders;

/// <summary>Contracts made straight in the database, with a key the test knows.</summary>
public static class OrdersData
{
    public const string OrdersUser = "orders@example.com";

    public static DateOnly Today(PortalFactory portal) => LocalTime.PortalToday(portal.Clock);

    public static async Task<int> CreateContractAsync(PortalFactory portal, string number, DateOnly startsOn, DateOnly endsOn,
        string key = "TEST-KEY", string organization = "Orders Test Org", int assets = 0)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Supportal.Data.AppDbContext>();
        var activation = scope.ServiceProvider.GetRequiredService<ContractActivation>();
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Name == organization) ?? new Organization { Name = organization, CreatedAt = now };
        var product = await db.Products.OrderBy(p => p.Id).FirstAsync();
        var contract = new Contract
        {
            Number = number, ActivationKeyHash = "", KeyIssuedAt = now, Organization = org, ServiceLevelId = 1,
            StartsOn = startsOn, EndsOn = endsOn, CreatedAt = now,
            Assets = Enumerable.Range(1, assets).Select(i => new Asset { ProductId = product.Id, SerialNumber = $"{number}-SN{i}", CreatedAt = now }).ToList(),
        };
        contract.ActivationKeyHash = activation.HashKey(contract, key);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        return contract.Id;
    }

    /// <summary>The contract whose number and key belong together, as sign-up checks them.</summary>
    public static async Task<Contract?> ActivateAsync(PortalFactory portal, string number, string key)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContractActivation>().FindAsync(number, key);
    }

    public static Task<List<Supportal.Accounts.AuditEvent>> AuditAsync(PortalFactory portal, string action, string numberPrefix) =>
        portal.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.Action == action && a.Detail != null && a.Detail.StartsWith(numberPrefix)).ToListAsync());
}
