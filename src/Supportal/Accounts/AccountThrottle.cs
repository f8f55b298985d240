using System.Threading.RateLimiting;

namespace Supportal.Accounts;

/// <summary>
/// Per-account limits (the per-address ones are middleware policies): at most a few tries per account within
/// a window, whether or not the account exists, so the limit itself reveals nothing. Kept in memory: with
/// several nodes each node counts on its own, which still bounds guessing.
/// </summary>
public sealed class AccountThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 5,
            Window = TimeSpan.FromMinutes(15),
            QueueLimit = 0,
        }));

    /// <summary>Takes one try for this purpose and account; false when the account has used them all.</summary>
    public bool TryTake(string purpose, string account)
    {
        using var lease = limiter.AttemptAcquire(Key(purpose, account));
        return lease.IsAcquired;
    }

    /// <summary>True when no try is left, without using one (for limits that count only failures).</summary>
    public bool IsExhausted(string purpose, string account) =>
        limiter.GetStatistics(Key(purpose, account))?.CurrentAvailablePermits == 0;

    private static string Key(string purpose, string account) => $"{purpose}:{account.Trim().ToUpperInvariant()}";

    public void Dispose() => limiter.Dispose();
}
