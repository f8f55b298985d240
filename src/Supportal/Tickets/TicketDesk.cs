using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;

namespace Supportal.Tickets;

/// <summary>A request as the forms collected it, already checked by the page.</summary>
public sealed record NewTicket(TicketKind Kind, string Subject, string Description, TicketPriority Priority)
{
    public EntitledAsset? Asset { get; init; }
    public IReadOnlyList<TicketFieldValue> Fields { get; init; } = [];
    public int? ServiceId { get; init; }
    public BusinessImpact? Impact { get; init; }
    public DateTime? OccurredAt { get; init; }
    public string? Process { get; init; }
    public string? MoreInformation { get; init; }

    /// <summary>The deflection record of the form it came from (<see cref="KnowledgeBase.RequestFormView"/>), if any.</summary>
    public Guid? FormView { get; init; }
}

/// <summary>
/// The customer-side changes to requests. Each is one transaction: the rows, the stored files' records and the
/// e-mails it causes commit together or not at all.
/// </summary>
public sealed class TicketDesk(AppDbContext db, AttachmentStore files, TicketMails mails, PasswordlessAccounts accounts,
    AccountLinks links, CcChanges ccs, TimeProvider clock, Workspace.Routing routing, Sla.SlaTracker sla)
{
    public Task<Ticket> CreateAsync(ApplicationUser requester, NewTicket draft, IReadOnlyList<IFormFile> attachments) =>
        WithFilesAsync(attachments, files => InsertAsync(requester, draft, files, null, signedIn: true));

    /// <summary>
    /// A request sent without signing in (TIC-7): on the address's account, or on a new one without a password
    /// whose receipt carries the link to set it.
    /// </summary>
    public Task<Ticket> CreateForAddressAsync(string email, string name, string language, NewTicket draft, IReadOnlyList<IFormFile> attachments) =>
        WithFilesAsync(attachments, async files =>
        {
            var (requester, created) = await accounts.FindOrCreateAsync(email, name, language);
            return await InsertAsync(requester, draft, files, created ? await links.PasswordAsync(requester) : null, signedIn: false);
        });

    private async Task<Ticket> InsertAsync(ApplicationUser requester, NewTicket draft, IReadOnlyList<StoredFile> attachments, string? passwordLink,
        bool signedIn)
    {
        var now = Now;
        var organizationId = draft.Asset is { } asset
            ? asset.OrganizationId
            : await db.OrganizationMembers.Where(m => m.UserId == requester.Id).OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
                .Select(m => (int?)m.OrganizationId).FirstOrDefaultAsync();
        var ticket = new Ticket
        {
            Kind = draft.Kind, Subject = draft.Subject, Priority = draft.Priority, Status = TicketStatus.New,
            RequesterId = requester.Id, OrganizationId = organizationId, AssetId = draft.Asset?.AssetId,
            ServiceId = draft.ServiceId, Impact = draft.Impact, OccurredAt = draft.OccurredAt, Process = draft.Process,
            MoreInformation = draft.MoreInformation, Language = requester.Language, CreatedAt = now, UpdatedAt = now,
            Fields = draft.Fields.ToList(), SentWithoutSignIn = !signedIn,
        };
        var comment = new TicketComment { Ticket = ticket, AuthorId = requester.Id, Body = draft.Description, CreatedAt = now };
        ticket.Comments.Add(comment);
        Attach(ticket, comment, requester.Id, attachments);
        ticket.GroupId = await routing.DefaultGroupAsync(ticket);
        db.Tickets.Add(ticket);
        await sla.UpdateAsync(ticket);
        await db.SaveChangesAsync();
        if (draft.FormView is { } viewId)
            await db.KbRequestFormViews.Where(v => v.Id == viewId && v.RequestSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.RequestSentAt, now));
        // The receipt needs the number, which the insert gives.
        mails.Received(ticket, requester, draft.Description, passwordLink);
        await db.SaveChangesAsync();
        return ticket;
    }

    /// <summary>How many merges a reply follows to find the request a merged one continues in.</summary>
    public const int MergeHops = 5;

    /// <summary>
    /// A public reply. A reply reopens a request that waits for the customer or was solved; a reply to a request
    /// merged into another goes to that one (the conversation continues there); a reply to another closed request
    /// starts a follow-up request linked to it. Returns the request that got the reply.
    /// </summary>
    public Task<Ticket> ReplyAsync(Ticket ticket, ApplicationUser author, string body, IReadOnlyList<IFormFile> attachments) =>
        WithFilesAsync(attachments, async files => ticket.Status != TicketStatus.Closed
            ? await AddReplyAsync(ticket, author, body, files)
            : await MergeTargetAsync(ticket, author.Id) is { } target
                ? await AddReplyAsync(target, author, body, files)
                : await FollowUpAsync(ticket, author, body, files));

    /// <summary>
    /// The open request a merged one continues in: its merge target, or that one's when it was merged on in turn (at
    /// most <see cref="MergeHops"/> steps). Null when the chain ends closed, or the author is not on the target (its
    /// requester or someone copied, as a merge makes them), so the reply never lands where they cannot follow it.
    /// </summary>
    private async Task<Ticket?> MergeTargetAsync(Ticket closed, Guid authorId)
    {
        var next = closed.MergedIntoId;
        for (var hop = 0; next is { } id && hop < MergeHops; hop++)
        {
            var target = await db.Tickets.Where(t => t.Id == id)
                .Select(t => new { t.Status, t.MergedIntoId, OnIt = t.RequesterId == authorId || t.Ccs.Any(c => c.UserId == authorId) })
                .FirstOrDefaultAsync();
            if (target is null)
                return null;
            if (target.Status != TicketStatus.Closed)
                return target.OnIt ? await db.Tickets.SingleAsync(t => t.Id == id) : null;
            next = target.MergedIntoId;
        }
        return null;
    }

    private async Task<Ticket> AddReplyAsync(Ticket ticket, ApplicationUser author, string body, IReadOnlyList<StoredFile> attachments)
    {
        var now = Now;
        var comment = new TicketComment { Ticket = ticket, AuthorId = author.Id, Body = body, CreatedAt = now };
        ticket.Comments.Add(comment);
        Attach(ticket, comment, author.Id, attachments);
        if (ticket.Status is TicketStatus.Pending or TicketStatus.OnHold or TicketStatus.Solved)
        {
            // The reopening belongs in the ticket's history like an agent's change.
            db.TicketEvents.Add(new TicketEvent
            {
                TicketId = ticket.Id, ActorId = author.Id, At = now, Field = "Status", OldValue = ticket.Status.ToString(), NewValue = nameof(TicketStatus.Open),
            });
            ticket.Status = TicketStatus.Open;
            ticket.SolvedAt = null;
        }
        ticket.UpdatedAt = now;
        await sla.UpdateAsync(ticket);
        mails.Updated(ticket, await mails.ParticipantsAsync(ticket.Id), author, body, solved: false);
        await db.SaveChangesAsync();
        return ticket;
    }

    /// <summary>
    /// A closed request stays as it was: the reply opens a new one with the same requester, kind, asset, answers,
    /// organization and people copied, keeping the subject; the page shows which request it follows.
    /// </summary>
    private async Task<Ticket> FollowUpAsync(Ticket closed, ApplicationUser author, string body, IReadOnlyList<StoredFile> attachments)
    {
        var now = Now;
        var fields = await db.TicketFieldValues.AsNoTracking().Where(v => v.TicketId == closed.Id).ToListAsync();
        var ccs = await db.TicketCcs.Where(c => c.TicketId == closed.Id).Select(c => c.UserId).ToListAsync();
        var followUp = new Ticket
        {
            Kind = closed.Kind, Subject = closed.Subject, Priority = closed.Priority, Status = TicketStatus.New,
            RequesterId = closed.RequesterId, OrganizationId = closed.OrganizationId, AssetId = closed.AssetId,
            ServiceId = closed.ServiceId, Impact = closed.Impact, Language = closed.Language, GroupId = closed.GroupId,
            CreatedAt = now, UpdatedAt = now, FollowUpOfId = closed.Id,
            Fields = fields.Select(f => new TicketFieldValue
            {
                FieldId = f.FieldId, LabelEn = f.LabelEn, LabelPl = f.LabelPl, ValueEn = f.ValueEn, ValuePl = f.ValuePl, Order = f.Order,
            }).ToList(),
            Ccs = ccs.Select(id => new TicketCc { UserId = id, AddedAt = now }).ToList(),
        };
        var comment = new TicketComment { Ticket = followUp, AuthorId = author.Id, Body = body, CreatedAt = now };
        followUp.Comments.Add(comment);
        Attach(followUp, comment, author.Id, attachments);
        db.Tickets.Add(followUp);
        await sla.UpdateAsync(followUp);
        await db.SaveChangesAsync();
        // The mails name the new number, which the insert gives.
        mails.Updated(followUp, await mails.ParticipantsAsync(followUp.Id), author, body, solved: false);
        await db.SaveChangesAsync();
        return followUp;
    }

    /// <summary>"Mark as solved" by someone on the request, with an optional last word.</summary>
    public async Task SolveAsync(Ticket ticket, ApplicationUser by, string? body)
    {
        var now = Now;
        if (!string.IsNullOrWhiteSpace(body))
            ticket.Comments.Add(new TicketComment { Ticket = ticket, AuthorId = by.Id, Body = body, CreatedAt = now });
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, ActorId = by.Id, At = now, Field = "Status", OldValue = ticket.Status.ToString(), NewValue = nameof(TicketStatus.Solved),
        });
        ticket.Status = TicketStatus.Solved;
        ticket.SolvedAt = now;
        ticket.UpdatedAt = now;
        await sla.UpdateAsync(ticket);
        mails.Updated(ticket, await mails.ParticipantsAsync(ticket.Id), by, body ?? "", solved: true);
        await db.SaveChangesAsync();
    }

    /// <summary>Copies someone on the request by address; an unknown address gets an account without a password.</summary>
    public Task<ApplicationUser> AddCcAsync(Ticket ticket, string email, ApplicationUser by) => InTransactionAsync(async () =>
    {
        var (person, change) = await ccs.AddAsync(ticket, email, by, by.Language, Now);
        if (change is not null)
            await SaveCcChangeAsync(ticket, change);
        return person;
    });

    public async Task RemoveCcAsync(Ticket ticket, Guid userId, ApplicationUser by)
    {
        if (await ccs.RemoveAsync(ticket, userId, by, Now) is { } change)
            await SaveCcChangeAsync(ticket, change);
    }

    /// <summary>
    /// Who is copied is part of the ticket: the change goes into its history like an agent's, and raises its version
    /// so an agent's form loaded before it is told, not obeyed. Not public activity: the lists' order stays.
    /// </summary>
    private async Task SaveCcChangeAsync(Ticket ticket, TicketEvent change)
    {
        db.TicketEvents.Add(change);
        db.Entry(ticket).Property(t => t.Version).IsModified = true;
        await db.SaveChangesAsync();
    }

    private static void Attach(Ticket ticket, TicketComment comment, Guid uploadedBy, IReadOnlyList<StoredFile> attachments)
    {
        foreach (var stored in attachments)
        {
            var attachment = new TicketAttachment
            {
                Ticket = ticket, FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size,
                Sha256 = stored.Sha256, UploadedById = uploadedBy, CreatedAt = comment.CreatedAt,
            };
            comment.Attachments.Add(attachment);
            ticket.Attachments.Add(attachment);
        }
    }

    /// <summary>
    /// A change that carries files, in one transaction. The files are written before it starts, so a large upload
    /// never holds the database's write lock, and stored only once the rows are written, so a file that cannot be
    /// written or a save that fails leaves neither rows nor files behind (<see cref="AttachmentUpload"/>).
    /// </summary>
    private async Task<T> WithFilesAsync<T>(IReadOnlyList<IFormFile> attachments, Func<IReadOnlyList<StoredFile>, Task<T>> work)
    {
        using var upload = await files.WriteAsync(attachments);
        return await InTransactionAsync(async () =>
        {
            var result = await work(upload.Files);
            upload.Place();
            return result;
        });
    }

    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await work();
        await transaction.CommitAsync();
        return result;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
