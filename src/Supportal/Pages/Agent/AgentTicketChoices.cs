using Microsoft.AspNetCore.Mvc.Rendering;
using Supportal.Data;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>
/// What the ticket screen's selects offer: groups and agents to assign (both kept in memory, see
/// <see cref="ChoiceLists"/>), and the macros this agent may apply.
/// </summary>
public sealed record AgentTicketChoices(IReadOnlyList<SelectListItem> Groups, IReadOnlyList<SelectListItem> Agents, IReadOnlyList<MacroChoice> Macros)
{
    public static readonly AgentTicketChoices None = new([], [], []);

    public static async Task<AgentTicketChoices> LoadAsync(AppDbContext db, ChoiceLists choices, Guid agentId)
    {
        var lists = await choices.GetAsync(db);
        return new(Items(lists.Groups), Items(lists.Staff), await Workspace.Macros.AvailableToAsync(db, agentId));
    }

    private static List<SelectListItem> Items(IReadOnlyList<ChoiceLists.Choice> choices) =>
        choices.Select(c => new SelectListItem(c.Name, c.Value)).ToList();
}
