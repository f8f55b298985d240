using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Workspace;

/// <summary>The agent's saved lists of tickets (AGT-1), in the order they are offered.</summary>
public enum TicketView
{
    Unassigned,
    Mine,
    MyGroups,
    AllOpen,
    Pending,
    OnHold,
    RecentlySolved,
    SlaAtRisk,
}

public enum ViewSort
{
    Updated,
    CreatedNewest,
    CreatedOldest,
    Priority,

    /// <summary>The SLA view's own order: at risk (or breached) the longest first, read in order from its index.</summary>
    AtRisk,
}

/// <summary>
/// What each view holds. The views of unsolved work carry the unsolved condition word for word, so PostgreSQL walks
/// the partial index over unsolved tickets (newest activity first) and stops after a page instead of sorting every
/// open ticket. SQLite's planner prefers the covering status indexes and sorts the unsolved tickets, a few thousand
/// at 100,000 tickets.
/// </summary>
public static class TicketViews
{
    /// <summary>Counts stop here: "1,000+" says enough, and a capped count reads at most this many index entries.</summary>
    public const int CountCap = 1_000;

    public static readonly TimeSpan RecentlySolvedWithin = TimeSpan.FromDays(7);

    /// <summary>
    /// The view's tickets; with <paramref name="only"/>, those of one of its statuses (<see cref="VisibleParts.StatusesOf"/>),
    /// that status in place of the view's list: named twice, PostgreSQL takes the status for a rarer one than it is
    /// and reads a page from the wrong index. The status is a value in the SQL for the same reason as the parts' groups.
    /// </summary>
    public static IQueryable<Ticket> Of(AppDbContext db, IQueryable<Ticket> tickets, TicketView view, Guid me, DateTime now, TicketStatus? only = null)
    {
        // Views by status read the (Status, UpdatedAt, Id) index (PostgreSQL also finds "All open" in the partial
        // one). Only the others repeat the unsolved condition: EF Core turned "IN (…) AND (New OR Open)" into false.
        var one = only is { } status ? tickets.Where(t => t.Status == EF.Constant(status)) : null;
        var unsolved = one ?? tickets.Where(t => TicketStatuses.Unsolved.Contains(t.Status));
        switch (view)
        {
            case TicketView.Unassigned:
                // Unassigned work is unsolved work: a request its customer marked solved may have no assignee,
                // and nobody needs to take it.
                return unsolved.Where(t => t.AssigneeId == null);
            case TicketView.Mine:
                return unsolved.Where(t => t.AssigneeId == me);
            case TicketView.MyGroups:
                var groups = db.GroupMembers.Where(m => m.UserId == me).Select(m => (int?)m.GroupId);
                return unsolved.Where(t => groups.Contains(t.GroupId));
            case TicketView.AllOpen:
                // A list, not "New OR Open": PostgreSQL seeks an OR of two values in an index only as a filter over
                // every entry, so the count read all closed tickets' entries before the first open one (120 ms).
                return one ?? tickets.Where(t => TicketStatuses.NewOrOpen.Contains(t.Status));
            case TicketView.Pending:
                return one ?? tickets.Where(t => t.Status == TicketStatus.Pending);
            case TicketView.OnHold:
                return one ?? tickets.Where(t => t.Status == TicketStatus.OnHold);
            case TicketView.RecentlySolved:
                // From the (Status, SolvedAt) index: a week of solved tickets, not every closed one.
                var since = now - RecentlySolvedWithin;
                return tickets.Where(t => (t.Status == TicketStatus.Solved || t.Status == TicketStatus.Closed) && t.SolvedAt >= since);
            default:
                // A target not met that has passed its at-risk point or already breached, as the ticket keeps it.
                // Solving meets every target, so only unsolved tickets have one; not repeating the status condition
                // lets both databases read the small index over that column alone.
                return tickets.Where(t => t.SlaAtRiskAt <= now);
        }
    }

    /// <summary>Whether the view holds unsolved tickets only by its rule (the SLA view's are, but by practice).</summary>
    public static bool HoldsUnsolvedOnly(TicketView view) => view is not (TicketView.RecentlySolved or TicketView.SlaAtRisk);

    /// <summary>The order a view opens in: the SLA view by time at risk, the others by last activity.</summary>
    public static ViewSort DefaultSort(TicketView view) => view == TicketView.SlaAtRisk ? ViewSort.AtRisk : ViewSort.Updated;

    /// <summary>Time at risk is an order of the SLA view alone: other views hold tickets without it.</summary>
    public static bool Offers(TicketView view, ViewSort sort) => sort != ViewSort.AtRisk || view == TicketView.SlaAtRisk;

    /// <summary>
    /// Each view's count of what <paramref name="user"/> sees, capped at <see cref="CountCap"/>. An agent's views by
    /// status and SLA view are counted over their parts (<see cref="VisibleParts"/>), each a range of a group index:
    /// over the whole view, each open ticket was tested against the agent's groups until the cap (a third of a second
    /// each at a million tickets, eight per recount).
    /// </summary>
    public static async Task<Dictionary<TicketView, int>> CountsAsync(AppDbContext db, ClaimsPrincipal user, DateTime now)
    {
        var me = user.RequiredAccountId();
        var counts = new Dictionary<TicketView, int>();
        foreach (var view in Enum.GetValues<TicketView>())
        {
            IQueryable<Ticket> Tickets(TicketStatus? only) => Of(db, db.Tickets.AsNoTracking(), view, me, now, only);
            var parts = await VisibleParts.SplitAsync(db, Tickets, view, sort: null, user, searchesWords: false);
            var visible = parts?.Aggregate(Queryable.Concat) ?? Tickets(null).VisibleTo(db, user);
            counts[view] = await ViewOrder.First(visible, CountCap + 1).CountAsync();
        }
        return counts;
    }

    /// <summary>"27 h 05 min": the time left or overdue, in hours so both languages read it the same.</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = (long)Math.Abs(span.TotalMinutes);
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:00} min");
    }
}

/// <summary>How a ticket's nearest SLA target reads in a view row.</summary>
public enum SlaShown
{
    None,
    Running,
    AtRisk,
    Overdue,
    Paused,
}

/// <summary>
/// The nearest running target of a ticket (not fulfilled): its due time and at-risk point, or, while the ticket
/// waits (pending, on-hold), the seconds left when its clock stopped. <see cref="Left"/> is negative once overdue.
/// </summary>
public readonly record struct SlaLeft(SlaShown State, TimeSpan Left)
{
    public static SlaLeft Of(DateTime? dueAt, DateTime? atRiskAt, long? pausedSeconds, DateTime now)
    {
        if (dueAt is { } due)
        {
            var left = due - now;
            var state = left < TimeSpan.Zero ? SlaShown.Overdue : atRiskAt <= now ? SlaShown.AtRisk : SlaShown.Running;
            return new SlaLeft(state, left);
        }
        return pausedSeconds is { } seconds ? new SlaLeft(SlaShown.Paused, TimeSpan.FromSeconds(seconds)) : new SlaLeft(SlaShown.None, TimeSpan.Zero);
    }
}

/// <summary>A page boundary: the sort key (date ticks or priority rank) and the number of the edge row, "key-number".</summary>
public readonly record struct ViewCursor(long Key, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key}-{Id}");

    public static ViewCursor? Parse(string? text)
    {
        var parts = (text ?? "").Split('-');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new ViewCursor(key, id)
            : null;
    }

    public static ViewCursor Of(ViewSort sort, DateTime updatedAt, DateTime createdAt, TicketPriority priority, DateTime? atRiskAt, long id) => sort switch
    {
        ViewSort.Updated => new(updatedAt.Ticks, id),
        ViewSort.Priority => new((long)priority, id),
        ViewSort.AtRisk => new(atRiskAt?.Ticks ?? 0, id),
        _ => new(createdAt.Ticks, id),
    };
}

/// <summary>Sort orders and keyset paging over them; every order ends on the number, so it is total.</summary>
public static class ViewOrder
{
    /// <summary>
    /// The first <paramref name="count"/> tickets, the count written into the SQL as a number. EF Core sends it as a
    /// parameter, and PostgreSQL then prices the merge of a view's parts as if a tenth of each were read, so its one plan
    /// for every value of a prepared statement looked far worse than a plan for the values and each page was planned
    /// again: 2 of the 3 ms the database spent on it. With the number (and the parts' groups and statuses, see
    /// VisibleParts) the shared plan is the same walk and serves every page.
    /// </summary>
    public static IQueryable<Ticket> First(IQueryable<Ticket> tickets, int count) =>
        tickets.Provider.CreateQuery<Ticket>(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(Ticket)], tickets.Expression,
            Expression.Call(typeof(EF), nameof(EF.Constant), [typeof(int)], Expression.Constant(count))));

    /// <summary>Rows in display order (<paramref name="forward"/>) or reversed, optionally strictly beyond a cursor.</summary>
    public static IQueryable<Ticket> Page(IQueryable<Ticket> tickets, ViewSort sort, bool forward, ViewCursor? cursor)
    {
        // Descending sorts read "forward" as "smaller keys"; the ascending ones (oldest first, at risk longest first)
        // read it as "greater".
        var greater = sort is ViewSort.CreatedOldest or ViewSort.AtRisk ? forward : !forward;
        if (cursor is { } c)
            tickets = Beyond(tickets, sort, greater, c);
        return (sort, greater) switch
        {
            (ViewSort.Updated, false) => tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
            (ViewSort.Updated, true) => tickets.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
            (ViewSort.Priority, false) => tickets.OrderByDescending(t => t.Priority == TicketPriority.Urgent ? 3 : t.Priority == TicketPriority.High ? 2
                : t.Priority == TicketPriority.Normal ? 1 : 0).ThenByDescending(t => t.Id),
            (ViewSort.Priority, true) => tickets.OrderBy(t => t.Priority == TicketPriority.Urgent ? 3 : t.Priority == TicketPriority.High ? 2
                : t.Priority == TicketPriority.Normal ? 1 : 0).ThenBy(t => t.Id),
            (ViewSort.AtRisk, false) => tickets.OrderByDescending(t => t.SlaAtRiskAt).ThenByDescending(t => t.Id),
            (ViewSort.AtRisk, true) => tickets.OrderBy(t => t.SlaAtRiskAt).ThenBy(t => t.Id),
            (_, false) => tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            (_, true) => tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        };
    }

    private static IQueryable<Ticket> Beyond(IQueryable<Ticket> tickets, ViewSort sort, bool greater, ViewCursor cursor)
    {
        var id = cursor.Id;
        if (sort == ViewSort.Priority)
        {
            // The priority is stored by name, so its rank is spelled out for the database.
            var rank = (int)Math.Clamp(cursor.Key, 0, 3);
            return greater
                ? tickets.Where(t => (t.Priority == TicketPriority.Urgent ? 3 : t.Priority == TicketPriority.High ? 2 : t.Priority == TicketPriority.Normal ? 1 : 0) > rank
                    || ((t.Priority == TicketPriority.Urgent ? 3 : t.Priority == TicketPriority.High ? 2 : t.Priority == TicketPriority.Normal ? 1 : 0) == rank && t.Id > id))
                : tickets.Where(t => (t.Priority == TicketPriority.Urgent ? 3 : t.Priority == TicketPriority.High ? 2 : t.Priority == TicketPriority.Normal ? 1 : 0) < rank
                    || ((t.Priority == TicketPriority.Urgent ? 3 : t.Priority == TicketPriority.High ? 2 : t.Priority == TicketPriority.Normal ? 1 : 0) == rank && t.Id < id));
        }
        var at = new DateTime(Math.Clamp(cursor.Key, 0, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
        return (sort, greater) switch
        {
            (ViewSort.Updated, true) => tickets.Where(t => t.UpdatedAt > at || (t.UpdatedAt == at && t.Id > id)),
            (ViewSort.Updated, false) => tickets.Where(t => t.UpdatedAt < at || (t.UpdatedAt == at && t.Id < id)),
            (ViewSort.AtRisk, true) => tickets.Where(t => t.SlaAtRiskAt > at || (t.SlaAtRiskAt == at && t.Id > id)),
            (ViewSort.AtRisk, false) => tickets.Where(t => t.SlaAtRiskAt < at || (t.SlaAtRiskAt == at && t.Id < id)),
            (_, true) => tickets.Where(t => t.CreatedAt > at || (t.CreatedAt == at && t.Id > id)),
            (_, false) => tickets.Where(t => t.CreatedAt < at || (t.CreatedAt == at && t.Id < id)),
        };
    }
}
