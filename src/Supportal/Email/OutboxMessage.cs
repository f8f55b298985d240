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

    /// <summary>Which messages leave first when many are due: a person waiting for a code should not wait for a backlog.</summary>
    public MailPriority Priority { get; set; } = MailPriority.Normal;

    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Set when retries are exhausted; an admin can queue the message again.</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// A sender's claim on the row, so several app nodes never send the same message at once. It lapses at
    /// <see cref="ClaimedUntil"/> unless its holder renews it, which frees the rows of a node that crashed mid-send.
    /// </summary>
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    public OutboxState State => SentAt is not null ? OutboxState.Sent
        : FailedAt is not null ? OutboxState.Failed
        : Attempts > 0 ? OutboxState.Retrying
        : OutboxState.Queued;
}

/// <summary>The order in which due messages leave. Stored as a number: lower leaves first.</summary>
public enum MailPriority
{
    /// <summary>Someone is waiting at the screen for it: sign-in codes, password and confirmation links.</summary>
    Urgent = 0,

    /// <summary>Ticket updates and other mail about one person's own work.</summary>
    Normal = 1,

    /// <summary>Mail to many people at once, which may take minutes to get through.</summary>
    Bulk = 2,
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
        // The admin's counts of waiting and failed messages.
        message.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
        // The sender's claim: waiting messages in the order they leave, however many sent ones the table holds.
        message.HasIndex(m => new { m.Priority, m.Id }, "IX_OutboxMessages_Waiting_Priority_Id")
            .HasFilter("\"SentAt\" IS NULL AND \"FailedAt\" IS NULL");
        // A batch's rows, found by its claim: only the few rows claimed at a time are in it.
        message.HasIndex(m => m.ClaimToken).HasFilter("\"ClaimToken\" IS NOT NULL");
    }
}
