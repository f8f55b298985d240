using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>
/// The e-mailed sign-in code: six random digits, valid for ten minutes, usable once, stored only as a hash.
/// Identity's own e-mail provider derives codes from the security stamp, which can be used more than once
/// within their window and cannot say "expired"; this one can.
/// </summary>
public sealed class EmailCodeProvider(AppDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string Name = "EmailCode";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(user.EmailConfirmed && user.Email is not null);

    /// <summary>
    /// Adds a new code and retires the older ones. It does not save: the caller queues the e-mail carrying the
    /// code and saves both in one transaction.
    /// </summary>
    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OneTimeCodes.Where(c => c.UserId == user.Id && c.Purpose == purpose && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now));
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        db.OneTimeCodes.Add(new OneTimeCode
        {
            UserId = user.Id, Purpose = purpose, CodeHash = Hash(user.Id, code), CreatedAt = now, ExpiresAt = now + Lifetime,
        });
        return code;
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Hash(user.Id, token.Trim());
        // One statement both checks and spends the code, so two requests cannot use it twice.
        var used = await db.OneTimeCodes
            .Where(c => c.UserId == user.Id && c.Purpose == purpose && c.CodeHash == hash && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now));
        return used == 1;
    }

    /// <summary>True when the newest code for the purpose was never used and has run out.</summary>
    public Task<bool> LatestHasExpiredAsync(ApplicationUser user, string purpose)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.OneTimeCodes.Where(c => c.UserId == user.Id && c.Purpose == purpose)
            .OrderByDescending(c => c.Id).Take(1).AnyAsync(c => c.UsedAt == null && c.ExpiresAt <= now);
    }

    private static string Hash(Guid userId, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{code}")));
}
