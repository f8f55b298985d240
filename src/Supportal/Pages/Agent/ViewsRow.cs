using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Platform;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>One ticket in a view's list: what the columns show, the version the bulk form posts, and its nearest SLA target.</summary>
public sealed record ViewsRow(long Id, string Subject, string Requester, string? Organization, TicketStatus Status, TicketPriority Priority,
    string? Group, string? Assignee, DateTime UpdatedAt, DateTime CreatedAt, int Version, DateTime? SlaAtRiskAt, SlaLeft Sla)
{
    /// <summary>A row as the database answers it: the nearest running target's times, or the seconds left while paused.</summary>
    private sealed record Found(long Id, string Subject, string Requester, string? Organization, TicketStatus Status, TicketPriority Priority,
        string? Group, string? Assignee, DateTime UpdatedAt, DateTime CreatedAt, int Version, DateTime? SlaAtRiskAt, DateTime? DueAt, DateTime? AtRiskAt, long? PausedSeconds);

    /// <summary>
    /// The rows of an ordered page in one query: the nearest running target (not fulfilled) and the least time left
    /// of the paused ones come as scalar subqueries beside each ticket, so the SLA column costs no query per row.
    /// </summary>
    public static async Task<List<ViewsRow>> ReadAsync(AppDbContext db, IQueryable<Ticket> ordered, int take, DateTime now)
    {
        var found = await ViewOrder.First(ordered, take)
            .Select(t => new Found(t.Id, t.Subject, t.Requester.FirstName + " " + t.Requester.LastName,
                t.Organization == null ? null : t.Organization.Name, t.Status, t.Priority,
                t.Group == null ? null : t.Group.Name, t.Assignee == null ? null : t.Assignee.FirstName + " " + t.Assignee.LastName,
                t.UpdatedAt, t.CreatedAt, t.Version, t.SlaAtRiskAt,
                db.TicketSlas.Where(s => s.TicketId == t.Id && s.FulfilledAt == null && s.DueAt != null).Min(s => s.DueAt),
                db.TicketSlas.Where(s => s.TicketId == t.Id && s.FulfilledAt == null && s.DueAt != null).OrderBy(s => s.DueAt)
                    .Select(s => s.AtRiskAt).FirstOrDefault(),
                db.TicketSlas.Where(s => s.TicketId == t.Id && s.FulfilledAt == null && s.DueAt == null).Min(s => s.LeftSecondsWhilePaused)))
            .ToListAsync();
        return found.Select(f => new ViewsRow(f.Id, f.Subject, f.Requester, f.Organization, f.Status, f.Priority, f.Group, f.Assignee,
            f.UpdatedAt, f.CreatedAt, f.Version, f.SlaAtRiskAt, SlaLeft.Of(f.DueAt, f.AtRiskAt, f.PausedSeconds, now))).ToList();
    }

    /// <summary>
    /// One keyset page of a view with its filters, of what <paramref name="user"/> sees: after the last row shown (or
    /// before the first, when going back) in (sort key, number) order, with the cursors of the pages beside it (null
    /// where there is none). A word's few unsolved tickets are checked as one query; otherwise the view is read in the
    /// parts of <see cref="VisibleParts"/>.
    /// </summary>
    public static async Task<(List<ViewsRow> Rows, string? NextAfter, string? PreviousBefore)> PageAsync(AppDbContext db, ClaimsPrincipal user,
        TicketView view, ViewSort sort, ViewsFilter filter, string? after, string? before, int pageSize, DateTime now)
    {
        var me = user.RequiredAccountId();
        var found = filter.SearchesWords && TicketViews.HoldsUnsolvedOnly(view) ? await TicketSearch.FewUnsolvedAsync(db, filter.Q!) : null;
        IQueryable<Ticket> Matching(TicketStatus? only) =>
            filter.Apply(db, TicketViews.Of(db, db.Tickets.AsNoTracking(), view, me, now, only), LocalTime.ZoneOf(user), now, found);
        var parts = (found is null ? await VisibleParts.SplitAsync(db, Matching, view, sort, user, filter.SearchesWords) : null)
            ?? [Matching(null).VisibleTo(db, user)];
        var backwards = before is not null && after is null;
        var cursor = ViewCursor.Parse(backwards ? before : after);
        var rows = await ReadAsync(db, VisibleParts.Ordered(parts, sort, forward: !backwards, cursor, pageSize + 1), pageSize + 1, now);
        var more = rows.Count > pageSize;
        rows = rows.Take(pageSize).ToList();
        if (backwards)
            rows.Reverse();
        if (rows.Count == 0)
            return (rows, null, null);
        string Edge(ViewsRow row) => ViewCursor.Of(sort, row.UpdatedAt, row.CreatedAt, row.Priority, row.SlaAtRiskAt, row.Id).ToString();
        return (rows, backwards || more ? Edge(rows[^1]) : null, (backwards ? more : cursor is not null) ? Edge(rows[0]) : null);
    }
}
