using System.Security.Claims;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Tickets;

/// <summary>
/// Who may see a request, in one place. Admins see every request; agents the requests of their groups, requests no
/// group has yet, requests assigned to them and their own; customers their own, those they are copied on and those of
/// organizations whose staff let members share requests. Everything else reads as "not found".
/// </summary>
public static class TicketAccess
{
    /// <summary>Agents and admins work requests (the orders team is staff, but not support).</summary>
    public static bool IsSupport(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Agent);

    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
            return tickets;
        var id = user.RequiredAccountId();
        if (user.IsInRole(Roles.Agent))
        {
            // An agent outside a ticket's group still sees it once it is theirs, so a reassignment never hides work.
            // The views read this rule in parts (Workspace.VisibleParts): a change here is a change there.
            var groups = db.GroupMembers.Where(m => m.UserId == id).Select(m => (int?)m.GroupId);
            // "No group" is spelled as a value rather than IS NULL so that no database can look every term up in an
            // index: SQLite otherwise gathers all tickets of the agent's groups through four indexes and sorts them,
            // instead of walking the view's own index in order and checking each row (40 ms a page at 100,000).
            return tickets.Where(t => (t.GroupId ?? 0) == 0 || groups.Contains(t.GroupId) || t.AssigneeId == id || t.RequesterId == id);
        }
        var shared = SharedOrganizations(db, id);
        return tickets.Where(t => t.RequesterId == id || t.Ccs.Any(c => c.UserId == id)
            || (t.OrganizationId != null && shared.Contains(t.OrganizationId.Value)));
    }

    /// <summary>The person's organizations whose members see each other's requests.</summary>
    public static IQueryable<int> SharedOrganizations(AppDbContext db, Guid userId) =>
        db.OrganizationMembers.Where(m => m.UserId == userId && m.Organization.SharesRequests).Select(m => m.OrganizationId);
}
