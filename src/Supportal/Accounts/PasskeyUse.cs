using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>
/// When each passkey last signed someone in. Identity's passkey record has no such field, so it is a column of our
/// own on Identity's table, unknown to Identity's store: the store's updates carry it along unchanged.
/// </summary>
public static class PasskeyUse
{
    public const string LastUsedAt = nameof(LastUsedAt);

    public static Task RecordAsync(AppDbContext db, Guid userId, byte[] credentialId, DateTime at) =>
        db.UserPasskeys.Where(p => p.UserId == userId && p.CredentialId == credentialId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<DateTime?>(p, LastUsedAt), at));

    /// <summary>The last use of each of the user's passkeys, by credential id in base64url.</summary>
    public static async Task<Dictionary<string, DateTime?>> LastUsedAsync(AppDbContext db, Guid userId) =>
        (await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.CredentialId, LastUsed = EF.Property<DateTime?>(p, LastUsedAt) })
            .ToListAsync())
        .ToDictionary(p => PasskeyId.Format(p.CredentialId), p => p.LastUsed);
}

/// <summary>A passkey's credential id as it travels in addresses and forms: base64url, as WebAuthn writes it.</summary>
public static class PasskeyId
{
    public static string Format(byte[] credentialId) => System.Buffers.Text.Base64Url.EncodeToString(credentialId);

    /// <summary>The credential id, or null for text that cannot be one (WebAuthn allows at most 1023 bytes).</summary>
    public static byte[]? Parse(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 1400)
            return null;
        try
        {
            var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(id);
            return bytes.Length is > 0 and <= 1023 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

internal sealed class PasskeyUseConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserPasskey<Guid>> passkey) =>
        passkey.Property<DateTime?>(PasskeyUse.LastUsedAt);
}

public static class PasskeyNames
{
    /// <summary>Long enough for "Work laptop – Chrome · Windows"; Identity itself sets no bound.</summary>
    public const int MaxLength = 100;
}
