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

    /// <summary>
    /// Links the person to the contract and to its organization (adding to the context; the caller saves).
    /// Any number of colleagues may register the same contract.
    /// </summary>
    public async Task RegisterAsync(Contract contract, ApplicationUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.ContractRegistrations.Add(new ContractRegistration { Contract = contract, UserId = user.Id, RegisteredAt = now });
        var organizationId = contract.OrganizationId;
        var alreadyMember = db.OrganizationMembers.Local.Any(m => m.UserId == user.Id && m.OrganizationId == organizationId)
            || await db.OrganizationMembers.AnyAsync(m => m.UserId == user.Id && m.OrganizationId == organizationId);
        if (!alreadyMember)
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organizationId, UserId = user.Id, JoinedAt = now });
        audit.Record(db, AuditActions.ContractActivated, user.Id, contract.Number);
    }
}
