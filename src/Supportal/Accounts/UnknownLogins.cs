using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Supportal.Accounts;

/// <summary>
/// Sign-in attempts for logins that have no account, answered as Identity answers for one that has: a password
/// check of the same cost, and a lockout after the same number of failures for the same time. Whoever tries
/// logins cannot tell by the answer, its timing or when "locked" comes which of them exist.
/// </summary>
/// <remarks>
/// Kept in memory, per node, for a day after a login's last try; at most <see cref="Capacity"/> logins, beyond
/// which new ones are not counted (and so never lock) until older ones expire.
/// </remarks>
public sealed class UnknownLogins(IOptions<IdentityOptions> identity, TimeProvider clock) : IDisposable
{
    public const int Capacity = 100_000;

    private readonly MemoryCache tries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    // A hash of a password nobody knows, made by the same hasher with the same settings as real ones.
    private string? decoy;

    private sealed class Tries
    {
        public int Failures;
        public DateTimeOffset LockedUntil;
    }

    /// <summary>Checks the password against a hash nobody knows the password of, with the hasher real accounts use.</summary>
    public SignInResult CheckPassword(string login, string password, IPasswordHasher<ApplicationUser> hasher)
    {
        var lockout = identity.Value.Lockout;
        var entry = tries.GetOrCreate(login.Trim().ToUpperInvariant(), e =>
        {
            e.Size = 1;
            e.SlidingExpiration = TimeSpan.FromDays(1);
            return new Tries();
        })!;
        // Identity answers "locked out" before it looks at the password.
        lock (entry)
        {
            if (entry.LockedUntil > clock.GetUtcNow())
                return SignInResult.LockedOut;
        }
        decoy ??= hasher.HashPassword(new ApplicationUser(), RandomNumberGenerator.GetHexString(32));
        hasher.VerifyHashedPassword(new ApplicationUser(), decoy, password);
        lock (entry)
        {
            if (++entry.Failures < lockout.MaxFailedAccessAttempts)
                return SignInResult.Failed;
            entry.Failures = 0;
            entry.LockedUntil = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
            return SignInResult.LockedOut;
        }
    }

    public void Dispose() => tries.Dispose();
}
