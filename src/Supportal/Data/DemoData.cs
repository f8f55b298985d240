using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Platform;

namespace Supportal.Data;

/// <summary>Demo people so a new user can look around at once. Runs on every start; adds only what is missing.</summary>
public static class DemoData
{
    public static readonly IReadOnlyList<(string Email, string FirstName, string LastName, string? Role, string Language)> Users =
    [
        ("admin@example.com", "Anna", "Nowak", Roles.Admin, "pl"),
        ("agent@example.com", "Piotr", "Kowalski", Roles.Agent, "en"),
        ("orders@example.com", "Olga", "Zielińska", Roles.Orders, "pl"),
        ("customer@example.com", "Chris", "Taylor", null, "en"),
    ];

    public static async Task SeedDemoDataAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var seed = scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (!seed.Demo)
            return;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var (email, first, last, role, language) in Users)
        {
            if (await users.FindByEmailAsync(email) is not null)
                continue;
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true,
                FirstName = first, LastName = last, Language = language, CreatedAt = now, TwoFactorEnabled = true,
            };
            Check(await users.CreateAsync(user, seed.DemoPassword));
            if (role is not null)
                Check(await users.AddToRoleAsync(user, role));
        }
        await SeedContractAsync(scope.ServiceProvider, now);
    }

    public const string ContractNumber = "DEMO-0001";
    public const string ContractKey = "DEMO-0001-KEY";

    private static async Task SeedContractAsync(IServiceProvider services, DateTime now)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Contracts.AnyAsync(c => c.Number == ContractNumber))
            return;
        var contract = new Contract { Number = ContractNumber, ActivationKeyHash = "", CreatedAt = now };
        contract.ActivationKeyHash = services.GetRequiredService<ContractActivation>().HashKey(contract, ContractKey);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo data could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)) + " (check Seed:DemoPassword)");
    }
}
