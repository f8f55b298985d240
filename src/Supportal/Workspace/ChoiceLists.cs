using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Pages.Tickets;

namespace Supportal.Workspace;

/// <summary>
/// The short lists the agent's screens offer to choose from on every request: groups, support staff, service levels
/// and manufacturers. They change seldom and were half the statements of a views page, so they are kept in memory:
/// any save through this portal that touches one of them drops the copy once it is committed (<see cref="Watcher"/>),
/// and a change made elsewhere (another instance of the portal, the database by hand) shows within
/// <see cref="Lifetime"/>. Saves still check what they are given against the database, never against these lists.
/// The customer's request page asks them only who is support staff, for the badge on replies.
/// </summary>
public sealed class ChoiceLists(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public sealed record Choice(string Value, string Name);

    public sealed record Lists(IReadOnlyList<Choice> Groups, IReadOnlyList<Choice> Staff, IReadOnlyList<Choice> Levels, IReadOnlyList<Choice> Makers)
    {
        private readonly HashSet<string> staffIds = [.. Staff.Select(s => s.Value)];

        public bool IsStaff(Guid userId) => staffIds.Contains(userId.ToString());
    }

    private sealed record Kept(Lists Lists, long Generation, DateTime ReadAt);

    private Kept? kept;
    private long generation;

    public async Task<Lists> GetAsync(AppDbContext db)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Taken before the lists are read: a change committed while they are read makes the next request read again.
        var current = Interlocked.Read(ref generation);
        if (Volatile.Read(ref kept) is { } known && known.Generation == current && now - known.ReadAt < Lifetime && now >= known.ReadAt)
            return known.Lists;
        var lists = new Lists(
            await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new Choice(g.Id.ToString(CultureInfo.InvariantCulture), g.Name)).ToListAsync(),
            (await TicketWorkflow.SupportStaff(db).OrderBy(u => u.FirstName).ThenBy(u => u.LastName).ThenBy(u => u.Email)
                .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToListAsync())
                .Select(u => new Choice(u.Id.ToString(), Names.Display(u.FirstName, u.LastName, u.Email))).ToList(),
            await db.ServiceLevels.AsNoTracking().OrderBy(l => l.Id).Select(l => new Choice(l.Id.ToString(CultureInfo.InvariantCulture), l.Name)).ToListAsync(),
            await db.Manufacturers.AsNoTracking().OrderBy(m => m.Name).Select(m => new Choice(m.Id.ToString(CultureInfo.InvariantCulture), m.Name)).ToListAsync());
        Volatile.Write(ref kept, new Kept(lists, current, now));
        return lists;
    }

    private void Changed() => Interlocked.Increment(ref generation);

    /// <summary>
    /// Drops the kept lists after a save that added, removed or renamed a group, a service level or a manufacturer,
    /// changed who holds a staff role, or changed a person's name or address — after the commit (or rollback) when the
    /// save was part of a transaction, so no request can keep what the database held just before.
    /// </summary>
    public sealed class Watcher(ChoiceLists lists) : CommitWatcher
    {
        private static readonly string[] NameParts = [nameof(ApplicationUser.FirstName), nameof(ApplicationUser.LastName), nameof(ApplicationUser.Email)];

        protected override void Committed() => lists.Changed();

        protected override bool Touches(EntityEntry entry) => entry.State switch
        {
            EntityState.Added or EntityState.Deleted => entry.Entity is Group or ServiceLevel or Manufacturer or ApplicationUser or IdentityUserRole<Guid>,
            EntityState.Modified => entry.Entity is Group or ServiceLevel or Manufacturer or IdentityUserRole<Guid>
                || entry.Entity is ApplicationUser && NameParts.Any(p => entry.Property(p).IsModified),
            _ => false,
        };
    }
}
