using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>Agent-side changes made the way the ticket screen makes them (through <see cref="TicketWorkflow"/>).</summary>
public static class WorkspaceData
{
    /// <summary>An agent in both seeded teams (Polish, English), so they see every routed ticket unless told which teams.</summary>
    public static async Task<ApplicationUser> AgentAsync(this PortalFactory portal, string email, string first = "Ada", string last = "Agent",
        string language = "en", int[]? groups = null)
    {
        var agent = await portal.CreateUserAsync(email, first, last, language, role: Roles.Agent);
        await portal.JoinGroupsAsync(agent.Id, groups ?? [1, 2]);
        return agent;
    }

    public static async Task<WorkflowResult> ApplyAsync(this PortalFactory portal, long ticketId, Guid actorId, TicketChanges changes, int? seenVersion = null)
    {
        using var scope = portal.RequestScope();
        var db = scope.ServiceProvider.GetRequiredService<Supportal.Data.AppDbContext>();
        var actor = await db.Users.SingleAsync(u => u.Id == actorId);
        return await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().ApplyAsync(ticketId, seenVersion, actor, changes);
    }

    public static Task<Ticket> TicketAsync(this PortalFactory portal, long id) =>
        portal.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.Tags).Include(t => t.Ccs).SingleAsync(t => t.Id == id));

    public static Task<List<TicketEvent>> EventsAsync(this PortalFactory portal, long id) =>
        portal.WithDbAsync(db => db.TicketEvents.AsNoTracking().Where(e => e.TicketId == id).OrderBy(e => e.Id).ToListAsync());

    public static Task<int> MailCountAsync(this PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email));
}
