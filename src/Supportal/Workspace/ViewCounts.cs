using System.Collections.Concurrent;

namespace Supportal.Workspace;

/// <summary>
/// Each agent's view counts, kept for <see cref="KeepFor"/>. At a million tickets the eight counts cost more than the
/// page of tickets beside them, and every views page and refresh shows them. An agent's own changes clear their
/// counts at once; other people's show within those seconds, while the list itself is always read fresh.
/// One entry per agent who opened the views, so the memory is bounded by the number of agents.
/// </summary>
public sealed class ViewCounts(TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<Guid, (DateTime At, IReadOnlyDictionary<TicketView, int> Counts)> kept = new();

    public async Task<IReadOnlyDictionary<TicketView, int>> GetAsync(Guid agentId, Func<Task<Dictionary<TicketView, int>>> count)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (kept.TryGetValue(agentId, out var entry) && now - entry.At < KeepFor && now >= entry.At)
            return entry.Counts;
        var counts = await count();
        kept[agentId] = (now, counts);
        return counts;
    }

    public void Forget(Guid agentId) => kept.TryRemove(agentId, out _);
}
