using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Platform;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Tickets;

/// <summary>
/// What the request page shows, read as projections: the header, the asset, the answers, the people copied,
/// the public conversation and its files. Internal notes and their files are never read here.
/// </summary>
public sealed record RequestView(RequestView.Header Ticket, IReadOnlyList<TicketFieldValue> Fields, IReadOnlyList<RequestView.Person> Ccs,
    IReadOnlyList<RequestView.Comment> Comments, IReadOnlyList<RequestView.File> Files, int EarlierComments)
{
    public sealed record Header(long Id, string Subject, TicketKind Kind, TicketStatus Status, TicketPriority Priority, DateTime CreatedAt,
        Guid RequesterId, string RequesterFirst, string RequesterLast, string? RequesterEmail, string? Organization,
        string? Product, string? SerialNumber, string? ContractNumber, string? ServiceEn, string? ServicePl, BusinessImpact? Impact,
        DateTime? OccurredAt, string? Process, string? MoreInformation, long? FollowUpOfId, long? MergedIntoId, bool SentWithoutSignIn)
    {
        public CustomerStatus CustomerStatus => Status.ForCustomer();
        public string Requester => Names.Display(RequesterFirst, RequesterLast, RequesterEmail);
        public string? Service => ServiceEn is null ? null : Languages.Pick(ServiceEn, ServicePl ?? ServiceEn);
        public bool HasAsset => Product is not null;
    }

    public sealed record Person(Guid UserId, string First, string Last, string? Email)
    {
        public string Name => Names.Display(First, Last, Email);
    }

    public sealed record Comment(long Id, Guid AuthorId, string First, string Last, string? Email, string Body, DateTime CreatedAt)
    {
        public string Author => Names.Display(First, Last, Email);
        public bool ByStaff { get; init; }
    }

    public sealed record File(long Id, long? CommentId, string FileName, string ContentType, long Size)
    {
        public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
    }

    public bool IsCc(Guid userId) => Ccs.Any(c => c.UserId == userId);

    public IEnumerable<File> FilesOf(long commentId) => Files.Where(f => f.CommentId == commentId);

    /// <summary>
    /// The request if the signed-in person may see it (the one access rule), else null; with the newest part of a long
    /// conversation unless <paramref name="everyComment"/>.
    /// </summary>
    public static async Task<RequestView?> LoadAsync(AppDbContext db, ChoiceLists choices, System.Security.Claims.ClaimsPrincipal user, long id,
        bool everyComment = false)
    {
        var header = await db.Tickets.AsNoTracking().VisibleTo(db, user).Where(t => t.Id == id)
            .Select(t => new Header(t.Id, t.Subject, t.Kind, t.Status, t.Priority, t.CreatedAt, t.RequesterId, t.Requester.FirstName,
                t.Requester.LastName, t.Requester.Email, t.Organization == null ? null : t.Organization.Name,
                t.Asset == null ? null : t.Asset.Product.Name, t.Asset == null ? null : t.Asset.SerialNumber,
                t.Asset == null ? null : t.Asset.Contract.Number, t.Service == null ? null : t.Service.NameEn,
                t.Service == null ? null : t.Service.NamePl, t.Impact, t.OccurredAt, t.Process, t.MoreInformation, t.FollowUpOfId, t.MergedIntoId, t.SentWithoutSignIn))
            .FirstOrDefaultAsync();
        if (header is null)
            return null;
        var fields = await FieldsAsync(db, id);
        var ccs = await CcsAsync(db, id);
        var (comments, earlier) = await ConversationPart.NewestAsync(db.TicketComments.Where(c => c.TicketId == id && c.IsPublic), everyComment,
            c => new Comment(c.Id, c.AuthorId, c.Author.FirstName, c.Author.LastName, c.Author.Email, c.Body, c.CreatedAt));
        var files = await PublicFiles(db, id).OrderBy(a => a.Id)
            .Select(a => new File(a.Id, a.CommentId, a.FileName, a.ContentType, a.Size)).ToListAsync();
        // Support staff from the kept list rather than a roles query per visit: it only decides the "Support" badge.
        var staff = await choices.GetAsync(db);
        return new RequestView(header, fields, ccs, comments.Select(c => c with { ByStaff = staff.IsStaff(c.AuthorId) }).ToList(), files, earlier);
    }

    // The answers and the people copied, as both ticket pages show them: one shape for every ticket, so compiled once
    // rather than built and looked up in EF Core's query cache on every page.
    private static readonly Func<AppDbContext, long, IAsyncEnumerable<TicketFieldValue>> Answers =
        EF.CompileAsyncQuery<AppDbContext, long, TicketFieldValue>((db, id) =>
            db.TicketFieldValues.AsNoTracking().Where(v => v.TicketId == id).OrderBy(v => v.Order).ThenBy(v => v.Id));

    private static readonly Func<AppDbContext, long, IAsyncEnumerable<Person>> Copied = EF.CompileAsyncQuery((AppDbContext db, long id) =>
        db.TicketCcs.Where(c => c.TicketId == id).OrderBy(c => c.AddedAt).ThenBy(c => c.Id)
            .Select(c => new Person(c.UserId, c.User.FirstName, c.User.LastName, c.User.Email)));

    public static async Task<List<TicketFieldValue>> FieldsAsync(AppDbContext db, long id) => await Answers(db, id).ToListAsync();

    public static async Task<List<Person>> CcsAsync(AppDbContext db, long id) => await Copied(db, id).ToListAsync();

    /// <summary>A request's files customers may have: those of its public comments only.</summary>
    public static IQueryable<TicketAttachment> PublicFiles(AppDbContext db, long ticketId) => db.TicketAttachments
        .Where(a => a.TicketId == ticketId && a.CommentId != null && db.TicketComments.Any(c => c.Id == a.CommentId && c.IsPublic));
}

internal static class Names
{
    public static string Display(string first, string last, string? email) =>
        $"{first} {last}".Trim() is { Length: > 0 } name ? name : email ?? "";
}
