using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Workspace;

/// <summary>A value to set, possibly empty (null clears the group or the assignee); no <c>Change</c> at all leaves it as it is.</summary>
public sealed record Change<T>(T Value);

/// <summary>
/// What an agent asks of a ticket in one save: field changes, and optionally a public reply or an internal
/// note. Every property left null is left as it is, so the ticket screen, bulk actions and macros share it.
/// </summary>
public sealed record TicketChanges
{
    public TicketStatus? Status { get; init; }
    public TicketPriority? Priority { get; init; }
    public Change<int?>? Group { get; init; }
    public Change<Guid?>? Assignee { get; init; }

    /// <summary>The whole set of tags (the ticket screen's text box); null leaves them.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Tags to add to whatever is there (bulk actions, macros).</summary>
    public IReadOnlyList<string> AddTags { get; init; } = [];
    public IReadOnlyList<string> AddCcs { get; init; } = [];
    public IReadOnlyList<Guid> RemoveCcs { get; init; } = [];

    /// <summary>The comment's Markdown text; empty means none.</summary>
    public string? Comment { get; init; }
    public bool CommentIsPublic { get; init; } = true;

    public static IReadOnlyList<string> SplitTags(string? text) =>
        (text ?? "").Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().ToList();
}

/// <summary>
/// The outcome of a save: errors by field (values are resource keys), a conflict (someone saved the ticket after the
/// version the agent loaded, nothing was written), or the history rows written.
/// </summary>
public sealed record WorkflowResult(IReadOnlyDictionary<string, string> Errors, bool Conflict, IReadOnlyList<TicketEvent> Events)
{
    public bool Saved => Errors.Count == 0 && !Conflict;
}

/// <summary>
/// The agent-side rules of a ticket in one place. Statuses go New → Open → Pending / OnHold → Solved → Closed:
/// a New ticket becomes Open when an agent acts on it (a reply, a note or any change) unless another status is
/// chosen; an agent solving a ticket must assign it (a customer may mark their own request solved unassigned, and
/// adding to it leaves it so); agents never set Closed nor New by hand (auto-close closes solved tickets);
/// a closed ticket is read-only. A public reply sets FirstReplyAt once and is mailed to the requester and the
/// people copied; an internal note is never mailed. Each save is one transaction with its history and mails.
/// </summary>
public sealed class TicketWorkflow(AppDbContext db, AttachmentStore files, TicketMails mails, CcChanges ccs, TimeProvider clock,
    Sla.SlaTracker sla, ViewCounts counts)
{
    public const string General = "";

    /// <summary>
    /// Applies <paramref name="changes"/> by <paramref name="actor"/>. With <paramref name="seenVersion"/> the save is refused
    /// (Conflict) when the ticket changed since the agent loaded that version.
    /// </summary>
    public async Task<WorkflowResult> ApplyAsync(long ticketId, int? seenVersion, ApplicationUser actor, TicketChanges changes,
        IReadOnlyList<IFormFile>? attachments = null)
    {
        // Written before the transaction, so a large upload never holds the database's write lock; stored just before
        // the commit, so a file that cannot be written, a refused change or a failed save leaves no file behind.
        using var upload = await files.WriteAsync(attachments ?? []);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ticket = await db.Tickets.Include(t => t.Tags).SingleAsync(t => t.Id == ticketId);
        if (seenVersion is { } seen && seen != ticket.Version)
            return new WorkflowResult(NoErrors, true, []);
        var errors = await CheckAsync(ticket, changes);
        if (errors.Count > 0)
            return new WorkflowResult(errors, false, []);
        var now = Now;
        var events = new List<TicketEvent>();
        void Record(string field, string? from, string? to) =>
            events.Add(new TicketEvent { TicketId = ticket.Id, ActorId = actor.Id, At = now, Field = field, OldValue = Cut(from), NewValue = Cut(to) });

        // First, while the ticket is untouched: an account made for a new address is saved at once, and a changed
        // ticket saved with it would fail the version check below.
        await ChangeCcsAsync(ticket, changes, actor, now, events);
        if (changes.Priority is { } priority && priority != ticket.Priority)
        {
            Record("Priority", ticket.Priority.ToString(), priority.ToString());
            ticket.Priority = priority;
        }
        if (changes.Group is { } group && group.Value != ticket.GroupId)
        {
            Record("Group", await GroupNameAsync(ticket.GroupId), await GroupNameAsync(group.Value));
            ticket.GroupId = group.Value;
        }
        if (changes.Assignee is { } assignee && assignee.Value != ticket.AssigneeId)
        {
            Record("Assignee", await UserNameAsync(ticket.AssigneeId), await UserNameAsync(assignee.Value));
            ticket.AssigneeId = assignee.Value;
        }
        ChangeTags(ticket, changes, Record);

        var comment = changes.Comment?.Trim() ?? "";
        var acted = events.Count > 0 || comment.Length > 0 || changes.Status is { } s && s != ticket.Status;
        var status = changes.Status ?? ticket.Status;
        if (acted && status == TicketStatus.New)
            status = TicketStatus.Open;
        if (status != ticket.Status)
        {
            Record("Status", ticket.Status.ToString(), status.ToString());
            ticket.Status = status;
            ticket.SolvedAt = status == TicketStatus.Solved ? now : null;
        }

        if (comment.Length > 0)
        {
            var added = new TicketComment { Ticket = ticket, AuthorId = actor.Id, Body = comment, IsPublic = changes.CommentIsPublic, CreatedAt = now };
            db.TicketComments.Add(added);
            Attach(ticket, added, actor.Id, upload.Files);
            if (changes.CommentIsPublic)
            {
                ticket.FirstReplyAt ??= now;
                ticket.UpdatedAt = now;
                mails.Updated(ticket, await mails.ParticipantsAsync(ticket.Id), actor, comment, solved: ticket.Status == TicketStatus.Solved);
            }
        }
        if (!acted)
            return new WorkflowResult(NoErrors, false, []);
        try
        {
            await SaveAsync(ticket, seenVersion, events);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return new WorkflowResult(NoErrors, true, []);
        }
        upload.Place();
        await transaction.CommitAsync();
        // The actor's own change shows in their view counts on their next page, not a few seconds later.
        counts.Forget(actor.Id);
        return new WorkflowResult(NoErrors, false, events);
    }

    /// <summary>The rules a change set must pass against the ticket as it is (field → resource key).</summary>
    public async Task<Dictionary<string, string>> CheckAsync(Ticket ticket, TicketChanges changes)
    {
        var errors = new Dictionary<string, string>();
        if (ticket.Status == TicketStatus.Closed)
        {
            errors[General] = "Workflow.ClosedReadOnly";
            return errors;
        }
        if (changes.Status == TicketStatus.Closed)
            errors["Status"] = "Workflow.CannotClose";
        else if (changes.Status == TicketStatus.New && ticket.Status != TicketStatus.New)
            errors["Status"] = "Workflow.CannotSetNew";
        var assignee = changes.Assignee is { } a ? a.Value : ticket.AssigneeId;
        var solvedUnassigned = ticket.Status == TicketStatus.Solved && ticket.AssigneeId is null;
        if ((changes.Status ?? ticket.Status) == TicketStatus.Solved && assignee is null && !solvedUnassigned)
            errors["Status"] = "Workflow.SolvedNeedsAssignee";
        // Only a change is checked: the screen posts the whole side panel with every reply, and a reply must not
        // fail (nor pay two reads) because the ticket keeps the group or assignee it has.
        if (changes.Group?.Value is { } groupId && groupId != ticket.GroupId && !await db.Groups.AnyAsync(g => g.Id == groupId))
            errors["Group"] = "Workflow.UnknownGroup";
        if (changes.Assignee?.Value is { } userId && userId != ticket.AssigneeId && !await IsSupportAsync(userId))
            errors["Assignee"] = "Workflow.NotAnAgent";
        if ((changes.Tags ?? []).Concat(changes.AddTags).Any(t => t.Length > TicketTag.Length))
            errors["Tags"] = "Workflow.TagTooLong";
        if (changes.Comment?.Trim().Length > TicketComment.BodyLength)
            errors["Comment"] = "Workflow.CommentTooLong";
        // An unknown address gets an account whose login name is the address: one that cannot be a login name is
        // refused here, by the field, instead of failing halfway through the save.
        foreach (var email in changes.AddCcs.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (!await ccs.CanAddAsync(email))
            {
                errors["AddCc"] = "Accounts.AddressNotUsable";
                break;
            }
        }
        return errors;
    }

    /// <summary>
    /// The one place a changed ticket is written, with its history, comment, mails and SLA targets, in the
    /// caller's transaction.
    /// </summary>
    public Task SaveAsync(Ticket ticket, int? seenVersion, IReadOnlyList<TicketEvent> events) => SaveAsync([(ticket, seenVersion)], events);

    /// <inheritdoc cref="SaveAsync(Ticket, int?, IReadOnlyList{TicketEvent})"/>
    public async Task SaveAsync(IReadOnlyList<(Ticket Ticket, int? SeenVersion)> tickets, IReadOnlyList<TicketEvent> events)
    {
        foreach (var (ticket, seenVersion) in tickets)
        {
            var entry = db.Entry(ticket);
            // Every save raises the version, a note or a tag alone included, so other agents' forms go stale.
            entry.Property(t => t.Version).IsModified = true;
            if (seenVersion is { } seen)
                entry.Property(t => t.Version).OriginalValue = seen;
            // Status, priority, group and first reply all move the SLA targets.
            await sla.UpdateAsync(ticket);
        }
        db.TicketEvents.AddRange(events);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Staff who can work tickets: agents and admins. Read from the role side (users whose id is among the staff
    /// roles' members): SQLite runs an EXISTS per user, every customer's account included.
    /// </summary>
    public static IQueryable<ApplicationUser> SupportStaff(AppDbContext db)
    {
        string[] support = [Roles.Agent, Roles.Admin];
        var roles = db.Roles.Where(r => support.Contains(r.Name!)).Select(r => r.Id);
        var staff = db.UserRoles.Where(r => roles.Contains(r.RoleId)).Select(r => r.UserId);
        return db.Users.Where(u => staff.Contains(u.Id));
    }

    private Task<bool> IsSupportAsync(Guid userId) => SupportStaff(db).AnyAsync(u => u.Id == userId);

    private static void ChangeTags(Ticket ticket, TicketChanges changes, Action<string, string?, string?> record)
    {
        var current = ticket.Tags.Select(t => t.Tag).ToList();
        var wanted = (changes.Tags ?? current).Concat(changes.AddTags).Select(t => t.ToLowerInvariant()).Distinct().ToList();
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count + added.Count == 0)
            return;
        ticket.Tags.RemoveAll(t => removed.Contains(t.Tag));
        ticket.Tags.AddRange(added.Select(t => new TicketTag { TicketId = ticket.Id, Tag = t }));
        record("Tags", removed.Count == 0 ? null : string.Join(' ', removed), added.Count == 0 ? null : string.Join(' ', added));
    }

    private async Task ChangeCcsAsync(Ticket ticket, TicketChanges changes, ApplicationUser actor, DateTime now, List<TicketEvent> events)
    {
        foreach (var email in changes.AddCcs.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            if ((await ccs.AddAsync(ticket, email, actor, ticket.Language, now)).Change is { } added)
                events.Add(added);
        foreach (var userId in changes.RemoveCcs.Distinct())
            if (await ccs.RemoveAsync(ticket, userId, actor, now) is { } removed)
                events.Add(removed);
    }

    private async Task<string?> GroupNameAsync(int? id) =>
        id is null ? null : await db.Groups.Where(g => g.Id == id).Select(g => g.Name).FirstOrDefaultAsync();

    private async Task<string?> UserNameAsync(Guid? id) =>
        id is null ? null : (await db.Users.FirstOrDefaultAsync(u => u.Id == id))?.DisplayName;

    private static void Attach(Ticket ticket, TicketComment comment, Guid uploadedBy, IReadOnlyList<StoredFile> attachments)
    {
        foreach (var stored in attachments)
        {
            comment.Attachments.Add(new TicketAttachment
            {
                Ticket = ticket, FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size,
                Sha256 = stored.Sha256, UploadedById = uploadedBy, CreatedAt = comment.CreatedAt,
            });
        }
    }

    private static string? Cut(string? value) => value is { Length: > 500 } ? value[..500] : value;

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
