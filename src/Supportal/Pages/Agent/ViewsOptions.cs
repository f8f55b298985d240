using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Pages.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>
/// The choices of the view filters and bulk actions: groups, support staff, service levels, manufacturers. Organizations
/// are too many for a list (tens of thousands in a large help desk): the filter is a search field that suggests names,
/// and these options carry the name it shows and whether a typed name matched none.
/// </summary>
public sealed record ViewsOptions(
    IReadOnlyList<ViewsOptions.Choice> Groups,
    IReadOnlyList<ViewsOptions.Choice> Agents,
    IReadOnlyList<ViewsOptions.Choice> Levels,
    IReadOnlyList<ViewsOptions.Choice> Makers,
    string? OrganizationName = null,
    bool OrganizationUnknown = false)
{
    public sealed record Choice(string Value, string Name);

    public const int Suggestions = 15;

    public static readonly ViewsOptions None = new([], [], [], []);

    public static async Task<ViewsOptions> LoadAsync(AppDbContext db, TicketWorkflow workflow, ViewsFilter filter)
    {
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new Choice(g.Id.ToString(), g.Name)).ToListAsync();
        var agents = await AgentsAsync(workflow);
        var levels = await db.ServiceLevels.AsNoTracking().OrderBy(l => l.Id).Select(l => new Choice(l.Id.ToString(), l.Name)).ToListAsync();
        var makers = await db.Manufacturers.AsNoTracking().OrderBy(m => m.Name).Select(m => new Choice(m.Id.ToString(), m.Name)).ToListAsync();
        var organization = filter.Org is { } id
            ? await db.Organizations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync()
            : filter.OrgName;
        var unknown = filter.OrgName is { } name && !await db.Organizations.AnyAsync(o => o.Name == name);
        return new ViewsOptions(groups, agents, levels, makers, organization, unknown);
    }

    /// <summary>Names of organizations containing the typed text, whatever its case: the search field's suggestions.</summary>
    public static Task<List<string>> OrganizationNamesAsync(AppDbContext db, string? typed)
    {
        var text = typed?.Trim().ToUpperInvariant() ?? "";
        return db.Organizations.AsNoTracking().Where(o => o.Name.ToUpper().Contains(text))
            .Select(o => o.Name).Distinct().OrderBy(name => name).Take(Suggestions).ToListAsync();
    }

    /// <summary>
    /// Support staff (agents and admins) by name: the assignee filter's, the bulk assign's and the ticket screen's
    /// choices. Only the name's parts are read, not the whole account.
    /// </summary>
    public static async Task<List<Choice>> AgentsAsync(TicketWorkflow workflow) =>
        (await workflow.Agents().OrderBy(u => u.FirstName).ThenBy(u => u.LastName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToListAsync())
        .Select(u => new Choice(u.Id.ToString(), Names.Display(u.FirstName, u.LastName, u.Email))).ToList();
}
