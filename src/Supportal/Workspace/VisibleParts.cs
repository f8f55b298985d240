using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Workspace;

/// <summary>
/// An agent's view by status, newest activity first, as parts that each come in order from one range of the
/// (group, status, last update) index: one per status of the view in each of the agent's groups and in no group,
/// and their own tickets and requests outside those groups. The database reads a page's worth from each and merges
/// them. Walking the whole view in order and skipping what the agent may not see instead costs as many rows as
/// other teams' newer tickets: 70,000 (57 ms a page) for a small team behind a busy one.
/// </summary>
public static class VisibleParts
{
    /// <summary>The statuses of a view that is only a list of statuses; null for the others.</summary>
    public static TicketStatus[]? StatusesOf(TicketView view) => view switch
    {
        TicketView.AllOpen => TicketStatuses.NewOrOpen,
        TicketView.Unassigned or TicketView.MyGroups => TicketStatuses.Unsolved,
        TicketView.Pending => [TicketStatus.Pending],
        TicketView.OnHold => [TicketStatus.OnHold],
        _ => null,
    };

    /// <summary>
    /// The parts of a view (<paramref name="view"/> gives it with its filters, whole or in one of its statuses, not yet
    /// narrowed to what the user sees) that together hold exactly what an agent sees, each ticket once; null where one
    /// query serves as well: admins see everything, other views and sorts have no index to read the parts in order,
    /// and SQLite would gather a searched word's tickets once for each part (10 times the work of one query). Without a
    /// <paramref name="sort"/> (a count) the SLA view splits by group too, each part a range of its group index.
    /// </summary>
    public static async Task<List<IQueryable<Ticket>>?> SplitAsync(AppDbContext db, Func<TicketStatus?, IQueryable<Ticket>> view, TicketView which,
        ViewSort? sort, ClaimsPrincipal user, bool searchesWords)
    {
        TicketStatus?[]? statuses = StatusesOf(which)?.Select(s => (TicketStatus?)s).ToArray()
            ?? (sort is null && which == TicketView.SlaAtRisk ? [null] : null);
        if (statuses is null || sort is { } order && order != ViewSort.Updated || user.IsInRole(Roles.Admin) || !user.IsInRole(Roles.Agent)
            || (searchesWords && db.Database.IsSqlite()))
            return null;
        var me = user.RequiredAccountId();
        // Every ticket of a view by status is unsolved, so the agent's own tickets outside their groups are found by
        // the groups of their unsolved tickets, read with their memberships (index-only, from the index over assignee
        // and group), each such group a part: usually none, as a ticket moved to another team rarely keeps its
        // assignee. As one part they walked every unsolved ticket assigned to the agent to find none, a thousand rows
        // for a busy agent, on every page and count. The SLA view's tickets are unsolved too while targets are kept,
        // but nothing makes that a rule, so it keeps the one part that finds any.
        var byStatus = StatusesOf(which) is not null;
        var memberships = db.GroupMembers.Where(m => m.UserId == me).Select(m => new { Group = (int?)m.GroupId, Member = true });
        var groups = await (byStatus
            ? memberships.Concat(db.Tickets.Where(t => t.AssigneeId == me && TicketStatuses.Unsolved.Contains(t.Status) && t.GroupId != null)
                .Select(t => new { Group = t.GroupId, Member = false }).Distinct())
            : memberships).ToListAsync();
        var mine = groups.Where(g => g.Member).Select(g => g.Group).ToList();
        // Each part names its group and status as values in the SQL, not parameters (as does ViewOrder.First the page
        // size): PostgreSQL plans a prepared page once for all values, and not knowing the team it read the status
        // index with the team as a filter, skipping the other teams' newer tickets (7 ms for a small team, not 1).
        var parts = new List<IQueryable<Ticket>>();
        foreach (var group in mine.Append(null))
            foreach (var status in statuses)
                parts.Add(view(status).Where(t => t.GroupId == EF.Constant(group)));
        var whole = view(null);
        if (byStatus)
            foreach (var group in groups.Where(g => !g.Member && !mine.Contains(g.Group)).Select(g => g.Group))
                parts.Add(whole.Where(t => t.AssigneeId == me && t.GroupId == EF.Constant(group)));
        else
            parts.Add(whole.Where(t => t.AssigneeId == me && t.GroupId != null && !mine.Contains(t.GroupId)));
        parts.Add(whole.Where(t => t.RequesterId == me && t.AssigneeId != me && t.GroupId != null && !mine.Contains(t.GroupId)));
        return parts;
    }

    /// <summary>
    /// The tickets of the parts in display order (<paramref name="forward"/>) or reversed, beyond the cursor: one part
    /// as it is, several each cut to <paramref name="take"/> first so that none is read further than a page.
    /// </summary>
    public static IQueryable<Ticket> Ordered(IReadOnlyList<IQueryable<Ticket>> parts, ViewSort sort, bool forward, ViewCursor? cursor, int take) =>
        parts.Count == 1
            ? ViewOrder.Page(parts[0], sort, forward, cursor)
            : ViewOrder.Page(parts.Select(p => ViewOrder.First(ViewOrder.Page(p, sort, forward, cursor), take)).Aggregate(Queryable.Concat), sort, forward, cursor: null);
}
