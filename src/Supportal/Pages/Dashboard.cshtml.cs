using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Platform;
using Supportal.Tickets;

namespace Supportal.Pages;

/// <summary>Where a customer starts (TIC-1): shortcuts, their open requests, what others said lately, contracts.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DashboardModel(AppDbContext db, CustomerContracts contracts, TimeProvider clock) : PageModel
{
    public const int ListSize = 5;

    public sealed record OpenRequest(long Id, string Subject, CustomerStatus Status, DateTime UpdatedAt);

    public sealed record Update(long TicketId, string Subject, string Author, DateTime At);

    public IReadOnlyList<CustomerContract> Contracts { get; private set; } = [];
    public IReadOnlyList<OpenRequest> OpenRequests { get; private set; } = [];
    public IReadOnlyList<Update> Updates { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var me = User.RequiredAccountId();
        Today = LocalTime.PortalToday(clock);
        Contracts = await contracts.Of(me).Take(ListSize).ToListAsync();

        var open = TicketStatuses.Of(CustomerStatus.Open).Concat(TicketStatuses.Of(CustomerStatus.AwaitingReply)).ToArray();
        OpenRequests = (await db.Tickets.AsNoTracking()
                .Where(t => t.RequesterId == me && open.Contains(t.Status))
                .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id)
                .Select(t => new { t.Id, t.Subject, t.Status, t.UpdatedAt })
                .Take(ListSize).ToListAsync())
            .Select(t => new OpenRequest(t.Id, t.Subject, t.Status.ForCustomer(), t.UpdatedAt)).ToList();

        // Public comments only: internal notes never reach customers, not even as "someone wrote something".
        var recent = await RecentlyUpdatedAsync(me);
        Updates = (await db.TicketComments.AsNoTracking()
                .Where(c => c.IsPublic && c.AuthorId != me && recent.Contains(c.TicketId))
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Select(c => new { c.TicketId, c.Ticket.Subject, c.Author.FirstName, c.Author.LastName, c.Author.Email, c.CreatedAt })
                .Take(ListSize).ToListAsync())
            .Select(c => new Update(c.TicketId, c.Subject, $"{c.FirstName} {c.LastName}".Trim() is { Length: > 0 } name ? name : c.Email ?? "", c.CreatedAt))
            .ToList();
    }

    /// <summary>
    /// The requests the person can see that changed last: their own, those they are copied on and their sharing
    /// organizations', each read newest first from its own index. A reply always touches its request, so the
    /// latest replies sit on these; one query over everything visible would sort every comment of a large
    /// organization instead.
    /// </summary>
    private async Task<List<long>> RecentlyUpdatedAsync(Guid me)
    {
        const int candidates = 4 * ListSize;
        var shared = TicketAccess.SharedOrganizations(db, me);
        var sources = new[]
        {
            db.Tickets.Where(t => t.RequesterId == me),
            db.TicketCcs.Where(c => c.UserId == me).Select(c => c.Ticket),
            db.Tickets.Where(t => t.OrganizationId != null && shared.Contains(t.OrganizationId.Value)),
        };
        var found = new List<(DateTime UpdatedAt, long Id)>();
        foreach (var source in sources)
            found.AddRange((await source.AsNoTracking().OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id)
                .Select(t => new { t.UpdatedAt, t.Id }).Take(candidates).ToListAsync()).Select(t => (t.UpdatedAt, t.Id)));
        return found.OrderByDescending(t => t).Select(t => t.Id).Distinct().Take(candidates).ToList();
    }
}
