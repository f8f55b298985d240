using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Agent;

/// <summary>The choices of the view filters and bulk actions: groups, support staff, organizations, service levels, manufacturers.</summary>
public sealed record ViewsOptions(
    IReadOnlyList<ViewsOptions.Choice> Groups,
    IReadOnlyList<ViewsOptions.Choice> Agents,
    IReadOnlyList<ViewsOptions.Choice> Organizations,
    IReadOnlyList<ViewsOptions.Choice> Levels,
    IReadOnlyList<ViewsOptions.Choice> Makers)
{
    public sealed record Choice(string Value, string Name);

    public static readonly ViewsOptions None = new([], [], [], [], []);

    public static async Task<ViewsOptions> LoadAsync(AppDbContext db)
    {
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new Choice(g.Id.ToString(), g.Name)).ToListAsync();
        var agents = await AgentsAsync(db);
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new Choice(o.Id.ToString(), o.Name)).ToListAsync();
        var levels = await db.ServiceLevels.AsNoTracking().OrderBy(l => l.Id).Select(l => new Choice(l.Id.ToString(), l.Name)).ToListAsync();
        var makers = await db.Manufacturers.AsNoTracking().OrderBy(m => m.Name).Select(m => new Choice(m.Id.ToString(), m.Name)).ToListAsync();
        return new ViewsOptions(groups, agents, organizations, levels, makers);
    }

    /// <summary>Support staff (agents and admins) by name: the assignee filter's and the bulk assign's choices.</summary>
    public static Task<List<Choice>> AgentsAsync(AppDbContext db)
    {
        string[] support = [Roles.Agent, Roles.Admin];
        var staffRoles = db.Roles.Where(r => support.Contains(r.Name!)).Select(r => r.Id);
        var staff = db.UserRoles.Where(r => staffRoles.Contains(r.RoleId)).Select(r => r.UserId);
        return db.Users.AsNoTracking().Where(u => staff.Contains(u.Id)).OrderBy(u => u.FirstName).ThenBy(u => u.LastName)
            .Select(u => new Choice(u.Id.ToString(), u.FirstName + " " + u.LastName)).ToListAsync();
    }
}
