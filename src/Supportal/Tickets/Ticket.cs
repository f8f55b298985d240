using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Accounts;
using Supportal.Contracts;

namespace Supportal.Tickets;

public enum TicketKind
{
    /// <summary>About the portal itself (TIC-2): no asset.</summary>
    Administrative,

    /// <summary>For an asset under an active contract, with its manufacturer's questions (TIC-3).</summary>
    Support,

    /// <summary>About a platform or service, help-center style (TIC-4, TIC-7).</summary>
    Service,
}

/// <summary>The agent's statuses; customers see fewer (<see cref="CustomerStatus"/>).</summary>
public enum TicketStatus
{
    New,
    Open,
    Pending,
    OnHold,
    Solved,
    Closed,
}

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum BusinessImpact
{
    None,
    SomeUsers,
    ManyUsers,
    BusinessStopped,
}

/// <summary>
/// A request. Its id is the number people quote (<c>#10001</c>): ids start at 10001 (see the Tickets migration),
/// so there is no second counter to keep in step under concurrent inserts.
/// </summary>
public sealed class Ticket
{
    public const int FirstNumber = 10001;
    public const int SubjectLength = 200;

    public long Id { get; set; }
    public TicketKind Kind { get; set; }
    public required string Subject { get; set; }
    public TicketStatus Status { get; set; }
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;
    public Guid RequesterId { get; set; }
    public ApplicationUser Requester { get; set; } = null!;

    /// <summary>Whose "Organization requests" it appears under: the asset's contract holder, else the requester's company.</summary>
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    public int? AssetId { get; set; }
    public Asset? Asset { get; set; }
    public int? ServiceId { get; set; }
    public Service? Service { get; set; }
    public BusinessImpact? Impact { get; set; }

    /// <summary>When the problem happened, as the requester said (UTC).</summary>
    public DateTime? OccurredAt { get; set; }
    public string? Process { get; set; }

    /// <summary>"Anything else" on a service request.</summary>
    public string? MoreInformation { get; set; }

    /// <summary>The requester's language when it was raised: the language replies are expected in.</summary>
    public string Language { get; set; } = "en";

    public DateTime CreatedAt { get; set; }

    /// <summary>Last public activity; lists sort by it.</summary>
    public DateTime UpdatedAt { get; set; }
    public DateTime? SolvedAt { get; set; }

    /// <summary>The group working it (chosen by routing when it is raised) and the agent it is assigned to.</summary>
    public int? GroupId { get; set; }
    public Workspace.Group? Group { get; set; }
    public Guid? AssigneeId { get; set; }
    public ApplicationUser? Assignee { get; set; }

    /// <summary>When an agent first replied publicly (ends the first-reply target).</summary>
    public DateTime? FirstReplyAt { get; set; }

    /// <summary>
    /// Since when its SLA needs attention: the earliest at-risk point or breach of the targets still to meet, null while
    /// none is (<see cref="Sla.SlaClock.AtRiskSince"/>, kept by the SLA tracker). A copy of what the targets say, so
    /// "SLA at risk or breached" reads one small index instead of probing the targets of every unsolved ticket.
    /// </summary>
    public DateTime? SlaAtRiskAt { get; set; }

    /// <summary>Set on a duplicate merged into another ticket.</summary>
    public long? MergedIntoId { get; set; }

    /// <summary>Set on a follow-up raised by a reply to a closed ticket.</summary>
    public long? FollowUpOfId { get; set; }

    /// <summary>
    /// Sent through "Submit a request" without signing in (TIC-7): filed under the account of the address typed in,
    /// which the sender never proved is theirs. Set on every such request, not only on those for an address that
    /// already had an account: a new account made by the request is just as unproven, and a mark that depended on
    /// whether the address was known would tell whoever sees it that much about the address. The customer and the
    /// agents are shown it, so a request someone sent in another's name can be recognised.
    /// </summary>
    public bool SentWithoutSignIn { get; set; }

    /// <summary>Raised by every change, so that of two agents saving the same ticket the second is told, not obeyed.</summary>
    public int Version { get; set; }

    public List<TicketComment> Comments { get; set; } = [];
    public List<TicketCc> Ccs { get; set; } = [];
    public List<TicketFieldValue> Fields { get; set; } = [];
    public List<TicketAttachment> Attachments { get; set; } = [];
    public List<TicketTag> Tags { get; set; } = [];
}

/// <summary>A label agents put on tickets to find and report on them ("vpn", "billing").</summary>
public sealed class TicketTag
{
    public const int Length = 50;

    public long Id { get; set; }
    public long TicketId { get; set; }
    public required string Tag { get; set; }
}

/// <summary>One change of one field: who, when, from what to what (the ticket's history).</summary>
public sealed class TicketEvent
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public Guid? ActorId { get; set; }
    public DateTime At { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

/// <summary>What a customer sees of the status: on-hold is still "open" to them, pending waits for them.</summary>
public enum CustomerStatus
{
    Open,
    AwaitingReply,
    Solved,
    Closed,
}

public static class TicketStatuses
{
    /// <summary>
    /// Work not done yet. The agent views filter on exactly this list and a partial index carries it as its
    /// condition (<see cref="TicketConfiguration.UnsolvedFilter"/>): changing it needs a migration.
    /// </summary>
    public static readonly TicketStatus[] Unsolved = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];

    /// <summary>Work waiting for an agent: the "All open" view.</summary>
    public static readonly TicketStatus[] NewOrOpen = [TicketStatus.New, TicketStatus.Open];

    public static CustomerStatus ForCustomer(this TicketStatus status) => status switch
    {
        TicketStatus.Pending => CustomerStatus.AwaitingReply,
        TicketStatus.Solved => CustomerStatus.Solved,
        TicketStatus.Closed => CustomerStatus.Closed,
        _ => CustomerStatus.Open,
    };

    /// <summary>The agent statuses a customer status stands for, for filtering in the database.</summary>
    public static TicketStatus[] Of(CustomerStatus status) => status switch
    {
        CustomerStatus.AwaitingReply => [TicketStatus.Pending],
        CustomerStatus.Solved => [TicketStatus.Solved],
        CustomerStatus.Closed => [TicketStatus.Closed],
        _ => [TicketStatus.New, TicketStatus.Open, TicketStatus.OnHold],
    };
}

/// <summary>One message in the conversation. Internal notes (not public) are for staff only.</summary>
public sealed class TicketComment
{
    public const int BodyLength = 20_000;

    public long Id { get; set; }
    public long TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;
    public Guid AuthorId { get; set; }
    public ApplicationUser Author { get; set; } = null!;
    public required string Body { get; set; }
    public bool IsPublic { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public List<TicketAttachment> Attachments { get; set; } = [];
}

/// <summary>Someone copied on a request: sees it, may reply, and gets its e-mails.</summary>
public sealed class TicketCc
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;
    public Guid UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public DateTime AddedAt { get; set; }
}

/// <summary>
/// An answer to a manufacturer's question, with the question's labels as they were asked, so retiring or
/// renaming a field never changes what a ticket says.
/// </summary>
public sealed class TicketFieldValue
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public int? FieldId { get; set; }
    public required string LabelEn { get; set; }
    public required string LabelPl { get; set; }

    /// <summary>The answer as shown (for a choice, the option's label in both languages).</summary>
    public required string ValueEn { get; set; }
    public required string ValuePl { get; set; }
    public int Order { get; set; }

    public string Label => Platform.Languages.Pick(LabelEn, LabelPl);
    public string Value => Platform.Languages.Pick(ValueEn, ValuePl);
}

/// <summary>A file attached to a ticket, stored once by its content hash (<see cref="AttachmentStore"/>).</summary>
public sealed class TicketAttachment
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;
    public long? CommentId { get; set; }
    public required string FileName { get; set; }

    /// <summary>Detected from the content, never taken from the browser; only images are ever shown inline.</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public Guid UploadedById { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>A platform or service customers can raise a service request about; managed by admins.</summary>
public sealed class Service
{
    public int Id { get; set; }
    public required string NameEn { get; set; }
    public required string NamePl { get; set; }
    public int Order { get; set; }
    public bool Active { get; set; } = true;

    public string Name => Platform.Languages.Pick(NameEn, NamePl);
}

internal sealed class TicketConfiguration :
    IEntityTypeConfiguration<Ticket>, IEntityTypeConfiguration<TicketComment>, IEntityTypeConfiguration<TicketCc>,
    IEntityTypeConfiguration<TicketFieldValue>, IEntityTypeConfiguration<TicketAttachment>, IEntityTypeConfiguration<Service>,
    IEntityTypeConfiguration<TicketTag>, IEntityTypeConfiguration<TicketEvent>
{
    /// <summary>Statuses are stored by name; both databases read this condition the same way.</summary>
    public static readonly string UnsolvedFilter =
        $"\"Status\" IN ({string.Join(", ", TicketStatuses.Unsolved.Select(s => $"'{s}'"))})";

    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.Property(t => t.Subject).HasMaxLength(Ticket.SubjectLength);
        ticket.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.Priority).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.Impact).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.Process).HasMaxLength(500);
        ticket.Property(t => t.MoreInformation).HasMaxLength(TicketComment.BodyLength);
        ticket.Property(t => t.Language).HasMaxLength(8);
        ticket.HasOne(t => t.Requester).WithMany().OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Organization).WithMany().OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Asset).WithMany().OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
        // "My requests" and "Organization requests" read newest-updated first, keyset-paged on (UpdatedAt, Id).
        ticket.HasIndex(t => new { t.RequesterId, t.UpdatedAt, t.Id });
        ticket.HasIndex(t => new { t.OrganizationId, t.UpdatedAt, t.Id });
        ticket.HasIndex(t => t.AssetId);
        ticket.HasIndex(t => t.ServiceId);
        ticket.Property(t => t.Version).IsConcurrencyToken();
        ticket.HasOne(t => t.Group).WithMany().OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Assignee).WithMany().OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne<Ticket>().WithMany().HasForeignKey(t => t.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne<Ticket>().WithMany().HasForeignKey(t => t.FollowUpOfId).OnDelete(DeleteBehavior.Restrict);
        // Agent views: by status, by assignee and by group, newest activity first, keyset-paged on (UpdatedAt, Id).
        ticket.HasIndex(t => new { t.Status, t.UpdatedAt, t.Id });
        ticket.HasIndex(t => new { t.AssigneeId, t.Status, t.UpdatedAt, t.Id });
        ticket.HasIndex(t => new { t.GroupId, t.Status, t.UpdatedAt, t.Id });
        // Views of unsolved work walk this small index newest activity first and stop after a page; a few percent
        // of a large help desk's tickets are unsolved, so it stays small while the table grows.
        ticket.HasIndex(t => new { t.UpdatedAt, t.Id }, "IX_Tickets_Unsolved_UpdatedAt_Id").HasFilter(UnsolvedFilter);
        // "Mine": an agent's few unsolved tickets, newest activity first. Walking all unsolved tickets for them reads
        // the whole index when the agent's tickets are old; the status index beside it cannot give them in order.
        ticket.HasIndex(t => new { t.AssigneeId, t.UpdatedAt, t.Id }, "IX_Tickets_Unsolved_AssigneeId_UpdatedAt_Id").HasFilter(UnsolvedFilter);
        // An agent's unsolved tickets in teams they are not in (VisibleParts): which teams, read from the index alone,
        // and each such team's in order.
        ticket.HasIndex(t => new { t.AssigneeId, t.GroupId, t.UpdatedAt, t.Id }, "IX_Tickets_Unsolved_AssigneeId_GroupId_UpdatedAt_Id")
            .HasFilter(UnsolvedFilter);
        // "SLA at risk or breached", longest at risk first: only tickets with a target to meet are in it.
        ticket.HasIndex(t => new { t.SlaAtRiskAt, t.Id }, "IX_Tickets_SlaAtRiskAt_Id").HasFilter("\"SlaAtRiskAt\" IS NOT NULL");
        // An agent's counts of that view and of unassigned work, one group after another (VisibleParts): the indexes
        // above hold every team's tickets, tested one by one against the agent's groups until the count's cap.
        ticket.HasIndex(t => new { t.GroupId, t.SlaAtRiskAt }, "IX_Tickets_GroupId_SlaAtRiskAt").HasFilter("\"SlaAtRiskAt\" IS NOT NULL");
        ticket.HasIndex(t => new { t.GroupId, t.Status, t.UpdatedAt, t.Id }, "IX_Tickets_Unassigned_GroupId_Status_UpdatedAt_Id")
            .HasFilter($"\"AssigneeId\" IS NULL AND {UnsolvedFilter}");
        // "Recently solved": a week of solved tickets by solve time, not every closed ticket.
        ticket.HasIndex(t => new { t.Status, t.SolvedAt });
        ticket.HasMany(t => t.Tags).WithOne().HasForeignKey(g => g.TicketId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TicketTag> tag)
    {
        tag.Property(t => t.Tag).HasMaxLength(TicketTag.Length);
        tag.HasIndex(t => new { t.TicketId, t.Tag }).IsUnique();
        tag.HasIndex(t => new { t.Tag, t.TicketId });
    }

    public void Configure(EntityTypeBuilder<TicketEvent> change)
    {
        change.Property(e => e.Field).HasMaxLength(32);
        change.Property(e => e.OldValue).HasMaxLength(500);
        change.Property(e => e.NewValue).HasMaxLength(500);
        change.HasOne<Ticket>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        change.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        change.HasIndex(e => new { e.TicketId, e.Id });
    }

    public void Configure(EntityTypeBuilder<TicketComment> comment)
    {
        comment.Property(c => c.Body).HasMaxLength(TicketComment.BodyLength);
        comment.HasOne(c => c.Ticket).WithMany(t => t.Comments).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne(c => c.Author).WithMany().OnDelete(DeleteBehavior.Restrict);
        comment.HasIndex(c => new { c.TicketId, c.Id });
        comment.HasIndex(c => c.AuthorId);
    }

    public void Configure(EntityTypeBuilder<TicketCc> cc)
    {
        cc.HasOne(c => c.Ticket).WithMany(t => t.Ccs).OnDelete(DeleteBehavior.Cascade);
        cc.HasOne(c => c.User).WithMany().OnDelete(DeleteBehavior.Cascade);
        cc.HasIndex(c => new { c.TicketId, c.UserId }).IsUnique();
        cc.HasIndex(c => new { c.UserId, c.TicketId });
    }

    public void Configure(EntityTypeBuilder<TicketFieldValue> value)
    {
        value.Property(v => v.LabelEn).HasMaxLength(200);
        value.Property(v => v.LabelPl).HasMaxLength(200);
        value.Property(v => v.ValueEn).HasMaxLength(500);
        value.Property(v => v.ValuePl).HasMaxLength(500);
        value.Ignore(v => v.Label);
        value.Ignore(v => v.Value);
        value.HasOne<Ticket>().WithMany(t => t.Fields).HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Cascade);
        value.HasOne<AdditionalField>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.SetNull);
        value.HasIndex(v => v.TicketId);
    }

    public void Configure(EntityTypeBuilder<TicketAttachment> attachment)
    {
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Ignore(a => a.IsImage);
        attachment.HasOne(a => a.Ticket).WithMany(t => t.Attachments).OnDelete(DeleteBehavior.Cascade);
        attachment.HasOne<TicketComment>().WithMany(c => c.Attachments).HasForeignKey(a => a.CommentId).OnDelete(DeleteBehavior.Cascade);
        attachment.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.Restrict);
        attachment.HasIndex(a => a.TicketId);
        attachment.HasIndex(a => a.CommentId);
        attachment.HasIndex(a => a.Sha256);
    }

    public void Configure(EntityTypeBuilder<Service> service)
    {
        service.Property(s => s.NameEn).HasMaxLength(200);
        service.Property(s => s.NamePl).HasMaxLength(200);
        service.Ignore(s => s.Name);
        service.HasIndex(s => s.Order);
    }
}
