using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Supportal.Accounts;

/// <summary>
/// The tokens of e-mailed links (password reset, address confirmation): protected with the app's keys and good for the
/// options' lifespan, counted on the portal's clock as sign-in codes and sessions are. Identity's own
/// <see cref="DataProtectorTokenProvider{TUser}"/> counts on the system clock. The protected content is laid out as
/// Identity lays it out (creation time, user id, purpose, security stamp) under the same protector name, so a link
/// sent by either one opens with the other.
/// </summary>
public abstract class LinkTokenProvider(IDataProtectionProvider protection, DataProtectionTokenProviderOptions options, TimeProvider clock)
    : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IDataProtector protector = protection.CreateProtector(options.Name);

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var userId = await manager.GetUserIdAsync(user);
        var stamp = manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) : null;
        using var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, Utf8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(userId);
            writer.Write(purpose);
            writer.Write(stamp ?? "");
        }
        return Convert.ToBase64String(protector.Protect(content.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (Read(token) is not { } link || link.CreatedAt + options.TokenLifespan < clock.GetUtcNow()
            || link.UserId != await manager.GetUserIdAsync(user) || link.Purpose != purpose)
            return false;
        // A new password or a reset elsewhere changes the stamp, which ends every link sent before.
        var stamp = manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) : null;
        return link.Stamp == (stamp ?? "");
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);

    private (DateTimeOffset CreatedAt, string UserId, string Purpose, string Stamp)? Read(string token)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(protector.Unprotect(Convert.FromBase64String(token))), Utf8);
            var link = (new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero), reader.ReadString(), reader.ReadString(), reader.ReadString());
            return reader.PeekChar() == -1 ? link : null;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or EndOfStreamException or ArgumentException)
        {
            // Not base64, not ours, cut short, or its time out of range: a link someone typed or changed.
            return null;
        }
    }
}

/// <summary>Identity's default provider, as the portal uses it: password reset links, good for a day.</summary>
public sealed class DefaultLinkTokenProvider(IDataProtectionProvider protection, IOptions<DataProtectionTokenProviderOptions> options, TimeProvider clock)
    : LinkTokenProvider(protection, options.Value, clock);
