using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Pages.Tickets;

public enum ActivityTab
{
    Mine,
    Copied,
    Organization,
}

public enum ActivitySort
{
    Updated,
    Newest,
    Oldest,
}

/// <summary>
/// "My activities" (TIC-5): the person's requests, the ones they are copied on, and their organization's when
/// staff let it share them. Keyset-paged on (date, number) so a customer with thousands of requests reads any
/// page from an index, never by counting rows to skip.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(long Id, string Subject, TicketStatus Status, TicketPriority Priority, string FirstName, string LastName,
        string? Email, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public string Requester => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : Email ?? "";
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ActivityTab Tab { get; private set; }
    public bool ShowsOrganizationTab { get; private set; }
    public CustomerStatus? Status { get; private set; }
    public string? Query { get; private set; }
    public ActivitySort Sort { get; private set; }
    public string? NextAfter { get; private set; }
    public string? PreviousBefore { get; private set; }
    public bool Filtered => Query is not null || Status is not null;

    public async Task OnGetAsync(ActivityTab tab, CustomerStatus? status, string? q, ActivitySort sort, string? after, string? before)
    {
        var me = User.RequiredAccountId();
        var shared = TicketAccess.SharedOrganizations(db, me);
        ShowsOrganizationTab = await shared.AnyAsync();
        Tab = tab == ActivityTab.Organization && !ShowsOrganizationTab ? ActivityTab.Mine : tab;
        Status = status;
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Sort = sort;

        var tickets = db.Tickets.AsNoTracking();
        tickets = Tab switch
        {
            // From the person's CC rows (index on UserId): never a scan of every request.
            ActivityTab.Copied => db.TicketCcs.AsNoTracking().Where(c => c.UserId == me).Select(c => c.Ticket),
            ActivityTab.Organization => tickets.Where(t => t.OrganizationId != null && shared.Contains(t.OrganizationId.Value)),
            _ => tickets.Where(t => t.RequesterId == me),
        };
        tickets = ActivityFilter.Apply(tickets, Status, Query);

        var byUpdated = Sort == ActivitySort.Updated;
        var descending = Sort != ActivitySort.Oldest;
        var backwards = before is not null && after is null;
        if (ActivityCursor.Parse(backwards ? before : after) is { } cursor)
            tickets = ActivityCursor.Beyond(tickets, byUpdated, greater: descending == backwards, cursor);
        var rows = await ActivityCursor.Order(tickets, byUpdated, ascending: descending == backwards).Take(PageSize + 1)
            .Select(t => new Row(t.Id, t.Subject, t.Status, t.Priority, t.Requester.FirstName, t.Requester.LastName, t.Requester.Email,
                t.CreatedAt, t.UpdatedAt))
            .ToListAsync();
        var more = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList();
        if (backwards)
            rows.Reverse();
        Rows = rows;
        if (Rows.Count == 0)
            return;
        string Key(Row r) => ActivityCursor.Format(byUpdated ? r.UpdatedAt : r.CreatedAt, r.Id);
        NextAfter = backwards || more ? Key(Rows[^1]) : null;
        PreviousBefore = (backwards ? more : after is not null) ? Key(Rows[0]) : null;
    }
}
