using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Supportal.Accounts;

/// <summary>One security-relevant event: who, what, when and from which address.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public required string Action { get; set; }
    public string? Ip { get; set; }

    /// <summary>Short, non-secret context (a contract number, a file name, a count); never a password or code.</summary>
    public string? Detail { get; set; }
}

public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignedUp = "account.signed-up";
    public const string PasswordChanged = "password.changed";
    public const string PasswordChangeFailed = "password.change-failed";
    public const string PasswordReset = "password.reset";
    public const string TwoFactorChanged = "two-factor.changed";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRenamed = "passkey.renamed";
    public const string PasskeyRemoved = "passkey.removed";

    /// <summary>A sign-in with a passkey alone; failed ones are <see cref="SignInFailed"/> with the detail "passkey".</summary>
    public const string PasskeySignIn = "sign-in.passkey";
    public const string ContractActivated = "contract.activated";
    public const string ContractRegisterFailed = "contract.register-failed";
    public const string ContractRegisterLocked = "contract.register-locked";
    public const string ContractIssued = "contract.issued";
    public const string ContractKeyReissued = "contract.key-reissued";
    public const string ContractChanged = "contract.changed";
    public const string AccountsImported = "accounts.imported";
    public const string SignedOutEverywhere = "sessions.revoked";
    public const string AdminAdded = "admin.added";
    public const string CatalogChanged = "catalog.changed";
    public const string OrganizationChanged = "organization.changed";

    /// <summary>Help-center content written by editors: categories, sections, articles and their pictures.</summary>
    public const string KnowledgeChanged = "knowledge.changed";

    /// <summary>The status page written by status editors: service groups, services and their states.</summary>
    public const string StatusChanged = "status.changed";
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.Property(a => a.Action).HasMaxLength(64);
        audit.Property(a => a.Ip).HasMaxLength(64);
        audit.Property(a => a.Detail).HasMaxLength(500);
        audit.HasIndex(a => new { a.UserId, a.At });
        audit.HasIndex(a => a.At);
    }
}
