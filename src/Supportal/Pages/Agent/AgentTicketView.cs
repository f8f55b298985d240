using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Pages.Tickets;
using Supportal.Platform;
using Supportal.Sla;
using Supportal.Tickets;

namespace Supportal.Pages.Agent;

/// <summary>
/// What the agent's ticket screen shows, read as projections: the header and side panel (with the contract and level
/// the ticket is served under), the conversation (internal notes included; the newest part of a long one), the people
/// copied, tags, the requester's other tickets (those the agent may see) and the history.
/// </summary>
public sealed record AgentTicketView(AgentTicketView.Header Ticket, AgentTicketView.Coverage Served, IReadOnlyList<TicketFieldValue> Fields,
    IReadOnlyList<RequestView.Person> Ccs, IReadOnlyList<AgentTicketView.Comment> Comments, IReadOnlyList<RequestView.File> Files,
    IReadOnlyList<string> Tags, IReadOnlyList<AgentTicketView.Change> History, IReadOnlyList<AgentTicketView.Other> OtherTickets,
    int EarlierComments)
{
    public sealed record Header(long Id, string Subject, TicketKind Kind, TicketStatus Status, TicketPriority Priority, DateTime CreatedAt,
        DateTime UpdatedAt, int Version, int? GroupId, Guid? AssigneeId, Guid RequesterId, string RequesterFirst, string RequesterLast,
        string? RequesterEmail, string RequesterLanguage, string? Organization, string? Product, string? SerialNumber,
        string? ServiceEn, string? ServicePl, BusinessImpact? Impact, DateTime? OccurredAt, string? Process,
        string? MoreInformation, long? MergedIntoId, long? FollowUpOfId, bool SentWithoutSignIn)
    {
        public string Requester => $"{RequesterFirst} {RequesterLast}".Trim() is { Length: > 0 } name ? name : RequesterEmail ?? "";
        public string? Service => ServiceEn is null ? null : Languages.Pick(ServiceEn, ServicePl ?? ServiceEn);
        public bool IsClosed => Status == TicketStatus.Closed;
    }

    /// <summary>The contract the ticket is served under (none: no number) and its service level's name.</summary>
    public sealed record Coverage(string? ContractNumber, string ServiceLevel);

    public sealed record Comment(long Id, string Author, string Body, bool IsPublic, DateTime CreatedAt);

    public sealed record Change(long Id, string? Actor, DateTime At, string Field, string? OldValue, string? NewValue);

    public sealed record Other(long Id, string Subject, TicketStatus Status, DateTime UpdatedAt);

    public long LastEventId => History.Count == 0 ? 0 : History.Max(h => h.Id);

    public long LastCommentId => Comments.Count == 0 ? 0 : Comments.Max(c => c.Id);

    public IEnumerable<RequestView.File> FilesOf(long commentId) => Files.Where(f => f.CommentId == commentId);

    // The statements with one shape for every agent and ticket (and RequestView's answers and people) are compiled once:
    // building queries' expression trees and looking them up in EF Core's cache took a seventh of this page's portal CPU.
    private static readonly Func<AppDbContext, long, IAsyncEnumerable<RequestView.File>> FilesQuery =
        EF.CompileAsyncQuery((AppDbContext db, long id) => db.TicketAttachments.Where(a => a.TicketId == id).OrderBy(a => a.Id)
            .Select(a => new RequestView.File(a.Id, a.CommentId, a.FileName, a.ContentType, a.Size)));

    private static readonly Func<AppDbContext, long, IAsyncEnumerable<string>> TagsQuery = EF.CompileAsyncQuery((AppDbContext db, long id) =>
        db.TicketTags.Where(t => t.TicketId == id).OrderBy(t => t.Tag).Select(t => t.Tag));

    /// <summary>A history row as read: no actor for the portal's own changes (a breach recorded, an automatic close).</summary>
    private sealed record Event(long Id, bool HasActor, string? FirstName, string? LastName, string? Email, DateTime At, string Field,
        string? OldValue, string? NewValue);

    // A plain left join on the key: a subquery with FirstOrDefault became a window over every account.
    private static readonly Func<AppDbContext, long, IAsyncEnumerable<Event>> EventsQuery = EF.CompileAsyncQuery((AppDbContext db, long id) =>
        from e in db.TicketEvents.Where(e => e.TicketId == id)
        join u in db.Users on e.ActorId equals u.Id into actors
        from actor in actors.DefaultIfEmpty()
        orderby e.Id descending
        select new Event(e.Id, actor != null, actor!.FirstName, actor.LastName, actor.Email, e.At, e.Field, e.OldValue, e.NewValue));

    /// <summary>
    /// The ticket when <paramref name="user"/> may see it (<see cref="TicketAccess"/>), else null; with its newest
    /// <see cref="ConversationPart.Shown"/> comments unless <paramref name="everyComment"/>.
    /// </summary>
    public static async Task<AgentTicketView?> LoadAsync(AppDbContext db, long id, ClaimsPrincipal user, DateTime now, bool everyComment = false)
    {
        var header = await db.Tickets.VisibleTo(db, user).AsNoTracking().Where(t => t.Id == id)
            .Select(t => new Header(t.Id, t.Subject, t.Kind, t.Status, t.Priority, t.CreatedAt, t.UpdatedAt, t.Version, t.GroupId, t.AssigneeId,
                t.RequesterId, t.Requester.FirstName, t.Requester.LastName, t.Requester.Email, t.Requester.Language,
                t.Organization == null ? null : t.Organization.Name, t.Asset == null ? null : t.Asset.Product.Name,
                t.Asset == null ? null : t.Asset.SerialNumber, t.Service == null ? null : t.Service.NameEn,
                t.Service == null ? null : t.Service.NamePl, t.Impact, t.OccurredAt, t.Process, t.MoreInformation, t.MergedIntoId, t.FollowUpOfId, t.SentWithoutSignIn))
            .FirstOrDefaultAsync();
        if (header is null)
            return null;
        // By the rule the SLA targets follow, so a request without an asset shows its organization's contract.
        var served = db.Tickets.Where(t => t.Id == id).Select(ServingContract.IdOf(db, now));
        var coverage = await db.Contracts.Where(c => served.Contains(c.Id))
                .Select(c => new Coverage(c.Number, c.ServiceLevel.Name)).FirstOrDefaultAsync()
            ?? new Coverage(null, await db.ServiceLevels.Where(l => l.Id == SlaTracker.StandardServiceLevel).Select(l => l.Name).FirstAsync());
        var fields = await RequestView.FieldsAsync(db, id);
        var ccs = await RequestView.CcsAsync(db, id);
        var (read, earlier) = await ConversationPart.NewestAsync(db.TicketComments.Where(c => c.TicketId == id), everyComment,
            c => new { c.Id, c.Author.FirstName, c.Author.LastName, c.Author.Email, c.Body, c.IsPublic, c.CreatedAt });
        var comments = read.Select(c => new Comment(c.Id, Names.Display(c.FirstName, c.LastName, c.Email), c.Body, c.IsPublic, c.CreatedAt)).ToList();
        var files = await FilesQuery(db, id).ToListAsync();
        var tags = await TagsQuery(db, id).ToListAsync();
        var history = (await EventsQuery(db, id).ToListAsync())
            .Select(e => new Change(e.Id, e.HasActor ? Names.Display(e.FirstName!, e.LastName!, e.Email) : null, e.At, e.Field, e.OldValue, e.NewValue))
            .ToList();
        var others = await db.Tickets.VisibleTo(db, user).Where(t => t.RequesterId == header.RequesterId && t.Id != id)
            .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Take(10)
            .Select(t => new Other(t.Id, t.Subject, t.Status, t.UpdatedAt)).ToListAsync();
        return new AgentTicketView(header, coverage, fields, ccs, comments, files, tags, history, others, earlier);
    }
}
