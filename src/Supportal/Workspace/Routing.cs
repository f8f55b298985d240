using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Sla;
using Supportal.Tickets;

namespace Supportal.Workspace;

/// <summary>Chooses the group a new request starts in from the routing rules (language and service level).</summary>
public sealed class Routing(AppDbContext db, SlaTracker sla)
{
    /// <summary>The first rule by order for the ticket's language and service level; null when none matches.</summary>
    public async Task<int?> DefaultGroupAsync(Ticket ticket)
    {
        var level = await sla.ServiceLevelAsync(ticket);
        return await DefaultGroupAsync(ticket.Language, level);
    }

    public Task<int?> DefaultGroupAsync(string language, int serviceLevelId) => db.RoutingRules
        .Where(r => r.Language == language && (r.ServiceLevelId == null || r.ServiceLevelId == serviceLevelId))
        .OrderBy(r => r.Order).ThenBy(r => r.Id).Select(r => (int?)r.GroupId).FirstOrDefaultAsync();
}
