using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>What the ticket screen's selects offer: groups, agents to assign, and the macros this agent may apply.</summary>
public sealed record AgentTicketChoices(IReadOnlyList<SelectListItem> Groups, IReadOnlyList<SelectListItem> Agents, IReadOnlyList<MacroChoice> Macros)
{
    public static readonly AgentTicketChoices None = new([], [], []);

    public static async Task<AgentTicketChoices> LoadAsync(AppDbContext db, TicketWorkflow workflow, Guid agentId) => new(
        await db.Groups.OrderBy(g => g.Name).Select(g => new SelectListItem(g.Name, g.Id.ToString())).ToListAsync(),
        (await ViewsOptions.AgentsAsync(workflow)).Select(a => new SelectListItem(a.Name, a.Value)).ToList(),
        await Workspace.Macros.AvailableToAsync(db, agentId));
}
