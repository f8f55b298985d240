using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Contracts;

/// <summary>Checks a contract number with its activation key and links the contract to a person.</summary>
public sealed class ContractActivation(AppDbContext db, IPasswordHasher<Contract> hasher, AuditLog audit, TimeProvider clock)
{
    // Verified against when the number does not exist, so both answers take the same time.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<Contract>().HashPassword(null!, Guid.NewGuid().ToString()));

    public static string Normalize(string number) => number.Trim().ToUpperInvariant();

    public string HashKey(Contract contract, string key) => hasher.HashPassword(contract, key.Trim());

    /// <summary>The contract when number and key belong together; null otherwise, without saying which was wrong.</summary>
    public async Task<Contract?> FindAsync(string number, string key)
    {
        var normalized = Normalize(number);
        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Number == normalized);
        var result = hasher.VerifyHashedPassword(contract!, contract?.ActivationKeyHash ?? DecoyHash.Value, key.Trim());
        return contract is not null && result != PasswordVerificationResult.Failed ? contract : null;
    }

    /// <summary>Adds the registration and its audit record to the context; the caller saves.</summary>
    public void Register(Contract contract, ApplicationUser user)
    {
        db.ContractRegistrations.Add(new ContractRegistration { ContractId = contract.Id, UserId = user.Id, RegisteredAt = clock.GetUtcNow().UtcDateTime });
        audit.Record(db, AuditActions.ContractActivated, user.Id, contract.Number);
    }
}
