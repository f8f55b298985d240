using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Pages.Orders;

/// <summary>Every contract, searchable and filtered by state and service level, paged by number.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string Number, string Organization, string ServiceLevel, DateOnly StartsOn, DateOnly EndsOn,
        int Assets, int Registrations)
    {
        public ContractState State { get; init; }
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ServiceLevel> Levels { get; private set; } = [];
    public string? Query { get; private set; }
    public ContractState? State { get; private set; }
    public int? Level { get; private set; }
    public string? NextAfter { get; private set; }
    public string? PreviousBefore { get; private set; }
    public bool Filtered => Query is not null || State is not null || Level is not null;

    public async Task OnGetAsync(string? q, ContractState? state, int? level, string? after, string? before)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        State = state;
        Level = level;
        Levels = await db.ServiceLevels.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        var today = LocalTime.PortalToday(clock);
        var matching = Filter(db.Contracts.AsNoTracking(), today);

        // Keyset paging on the unique number: a page starts after the last number shown (or ends before the
        // first), so rows added or removed meanwhile never make a page repeat or skip one.
        var backwards = before is not null && after is null;
        var page = backwards
            ? matching.Where(c => c.Number.CompareTo(before) < 0).OrderByDescending(c => c.Number)
            : matching.Where(c => after == null || c.Number.CompareTo(after) > 0).OrderBy(c => c.Number);
        var rows = await page.Take(PageSize + 1).Select(c => new Row(c.Id, c.Number, c.Organization.Name, c.ServiceLevel.Name,
            c.StartsOn, c.EndsOn, c.Assets.Count, c.Registrations.Count)).ToListAsync();
        var more = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList();
        if (backwards)
            rows.Reverse();
        Rows = rows.Select(r => r with { State = Contract.State(r.StartsOn, r.EndsOn, today) }).ToList();
        if (Rows.Count == 0)
            return;
        NextAfter = backwards || more ? Rows[^1].Number : null;
        PreviousBefore = (backwards ? more : after is not null) ? Rows[0].Number : null;
    }

    private IQueryable<Contract> Filter(IQueryable<Contract> contracts, DateOnly today)
    {
        if (Query is { } text)
        {
            // upper() on both sides: case-insensitive on PostgreSQL, and on SQLite too (see SqliteSessions).
            var upper = text.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
            contracts = contracts.Where(c => c.Number.ToUpper().Contains(upper) || c.Organization.Name.ToUpper().Contains(upper));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (Level is { } level)
            contracts = contracts.Where(c => c.ServiceLevelId == level);
        // The same boundaries as Contract.State, in a form the database can evaluate.
        var expiringFrom = today.AddDays(Contract.ExpiringWithinDays);
        return State switch
        {
            ContractState.NotStarted => contracts.Where(c => c.StartsOn > today),
            ContractState.Expired => contracts.Where(c => c.EndsOn < today),
            ContractState.Expiring => contracts.Where(c => c.StartsOn <= today && c.EndsOn >= today && c.EndsOn < expiringFrom),
            ContractState.Active => contracts.Where(c => c.StartsOn <= today && c.EndsOn >= expiringFrom),
            _ => contracts,
        };
    }
}
