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

    /// <summary>Keys are printed in capitals; someone typing them in lower case still means the same key.</summary>
    private static string NormalizeKey(string key) => key.Trim().ToUpperInvariant();

    public string HashKey(Contract contract, string key) => hasher.HashPassword(contract, NormalizeKey(key));

    /// <summary>The contract when number and key belong together; null otherwise, without saying which was wrong.</summary>
    public async Task<Contract?> FindAsync(string number, string key)
    {
        var normalized = Normalize(number);
        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.Number == normalized);
        var result = hasher.VerifyHashedPassword(contract!, contract?.ActivationKeyHash ?? DecoyHash.Value, NormalizeKey(key));
        return contract is not null && result != PasswordVerificationResult.Failed ? contract : null;
    }

    public const int AllowedFailures = 10;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// When "Register contract" is locked for the person: ten wrong pairs within an hour lock it for an hour
    /// after the tenth. Counted from the audit trail, so the lock holds across restarts and nodes.
    /// </summary>
    public async Task<DateTime?> LockedUntilAsync(Guid userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - 2 * FailureWindow;
        var recent = await db.AuditEvents
            .Where(a => a.UserId == userId && a.Action == AuditActions.ContractRegisterFailed && a.At > since)
            .OrderByDescending(a => a.At).Take(AllowedFailures).Select(a => a.At).ToListAsync();
        if (recent.Count < AllowedFailures || recent[0] - recent[^1] > FailureWindow)
            return null;
        var until = recent[0] + FailureWindow;
        return until > now ? until : null;
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
