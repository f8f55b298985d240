using System.Security.Claims;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Tickets;

/// <summary>
/// Who may see a request, in one place: its requester, the people copied on it, members of its organization
/// when staff let that organization share requests, and support staff. Everything else reads as "not found".
/// </summary>
public static class TicketAccess
{
    /// <summary>Agents and admins work every request (the orders team is staff, but not support).</summary>
    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Agent);

    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, AppDbContext db, ClaimsPrincipal user)
    {
        if (SeesAll(user))
            return tickets;
        var id = user.RequiredAccountId();
        var shared = SharedOrganizations(db, id);
        return tickets.Where(t => t.RequesterId == id || t.Ccs.Any(c => c.UserId == id)
            || (t.OrganizationId != null && shared.Contains(t.OrganizationId.Value)));
    }

    /// <summary>The person's organizations whose members see each other's requests.</summary>
    public static IQueryable<int> SharedOrganizations(AppDbContext db, Guid userId) =>
        db.OrganizationMembers.Where(m => m.UserId == userId && m.Organization.SharesRequests).Select(m => m.OrganizationId);
}
