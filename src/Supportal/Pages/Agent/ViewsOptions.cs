using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>
/// The choices of the view filters and bulk actions: groups, support staff, service levels, manufacturers (kept in
/// memory, see <see cref="ChoiceLists"/>). Organizations
/// are too many for a list (tens of thousands in a large help desk): the filter is a search field that suggests names,
/// and these options carry the name it shows and whether a typed name matched none.
/// </summary>
public sealed record ViewsOptions(
    IReadOnlyList<ChoiceLists.Choice> Groups,
    IReadOnlyList<ChoiceLists.Choice> Agents,
    IReadOnlyList<ChoiceLists.Choice> Levels,
    IReadOnlyList<ChoiceLists.Choice> Makers,
    string? OrganizationName = null,
    bool OrganizationUnknown = false)
{
    public const int Suggestions = 15;

    public static readonly ViewsOptions None = new([], [], [], []);

    public static async Task<ViewsOptions> LoadAsync(AppDbContext db, ChoiceLists choices, ViewsFilter filter)
    {
        var lists = await choices.GetAsync(db);
        var organization = filter.Org is { } id
            ? await db.Organizations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync()
            : filter.OrgName;
        var unknown = filter.OrgName is { } name && !await db.Organizations.AnyAsync(o => o.Name == name);
        return new ViewsOptions(lists.Groups, lists.Staff, lists.Levels, lists.Makers, organization, unknown);
    }

    /// <summary>Names of organizations containing the typed text, whatever its case: the search field's suggestions.</summary>
    public static Task<List<string>> OrganizationNamesAsync(AppDbContext db, string? typed)
    {
        var text = typed?.Trim().ToUpperInvariant() ?? "";
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
        return db.Organizations.AsNoTracking().Where(o => o.Name.ToUpper().Contains(text))
#pragma warning restore CA1304, CA1311, CA1862
            .Select(o => o.Name).Distinct().OrderBy(name => name).Take(Suggestions).ToListAsync();
    }
}
