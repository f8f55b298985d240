using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Supportal.Accounts;

/// <summary>
/// One signed-in browser. The sign-in cookie carries the session id; a session that is revoked (sign out
/// everywhere, password change) stops that cookie on its next request.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>A single-use e-mailed code (sign-in), kept only as a hash with its expiry.</summary>
public sealed class OneTimeCode
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public required string Purpose { get; set; }
    public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.Property(s => s.Ip).HasMaxLength(64);
        session.Property(s => s.UserAgent).HasMaxLength(300);
        session.HasIndex(s => s.UserId);
    }
}

internal sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> code)
    {
        code.Property(c => c.Purpose).HasMaxLength(32);
        code.Property(c => c.CodeHash).HasMaxLength(100);
        code.HasIndex(c => new { c.UserId, c.Purpose });
    }
}
