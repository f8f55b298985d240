using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Supportal.Email;

/// <summary>
/// One e-mail waiting for, or done with, delivery. Rows are written in the same transaction as the change that
/// causes them and delivered later by <see cref="OutboxSender"/>, so a mail server outage loses nothing.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>Fixed when queued so that a retry after a lost server answer carries the same id.</summary>
    public required string MessageId { get; set; }

    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Set when retries are exhausted; an admin can queue the message again.</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>A sender's claim on the row, so several app nodes never send the same message at once.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    public OutboxState State => SentAt is not null ? OutboxState.Sent
        : FailedAt is not null ? OutboxState.Failed
        : Attempts > 0 ? OutboxState.Retrying
        : OutboxState.Queued;
}

public enum OutboxState
{
    Queued,
    Retrying,
    Sent,
    Failed,
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.ToAddress).HasMaxLength(320);
        message.Property(m => m.ToName).HasMaxLength(200);
        message.Property(m => m.Subject).HasMaxLength(500);
        message.Property(m => m.MessageId).HasMaxLength(200);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.Ignore(m => m.State);
        // The sender's only query: unsent, not given up, due.
        message.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
    }
}
