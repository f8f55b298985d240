using System.Collections.Concurrent;
using Supportal.Data;

namespace Supportal.Workspace;

/// <summary>
/// Each agent's view counts. At a million tickets the eight counts cost more than the page of tickets beside them, and
/// every views page and 30-second refresh shows them. Counts younger than <see cref="KeepFor"/> are shown as they are;
/// older ones, up to <see cref="ShowStaleFor"/>, are shown while one recount for the agent runs in the background and
/// replaces them, so the page does not wait for it. With no counts, counts older than that, or after the agent's own
/// change (<see cref="Forget"/>), the page waits for fresh ones. Other people's changes show within a refresh or two;
/// the list itself is always read fresh.
/// One entry per agent who opened the views, so the memory is bounded by the number of agents.
/// </summary>
public sealed partial class ViewCounts(TimeProvider clock, IServiceScopeFactory scopes, ILogger<ViewCounts> logger)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Twice the page's 30-second refresh, so an agent who stays on the page does not wait for counts, and one back from a
    /// break does not see numbers minutes old.
    /// </summary>
    public static readonly TimeSpan ShowStaleFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Entry> kept = new();

    /// <summary>
    /// The agent's counts. <paramref name="count"/> may run after the request has ended, so it gets its own context and
    /// must hold nothing of the request's.
    /// </summary>
    public async Task<IReadOnlyDictionary<TicketView, int>> GetAsync(Guid agentId, Func<AppDbContext, Task<Dictionary<TicketView, int>>> count)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (kept.TryGetValue(agentId, out var entry) && now >= entry.At && now - entry.At < ShowStaleFor)
        {
            if (now - entry.At >= KeepFor)
                RecountLater(agentId, entry, count, now);
            return entry.Counts;
        }
        var counts = await CountAsync(count);
        kept[agentId] = new Entry(now, counts);
        return counts;
    }

    public void Forget(Guid agentId) => kept.TryRemove(agentId, out _);

    /// <summary>The recount running for the agent (a finished task when none), so tests wait for it rather than for time.</summary>
    internal Task RecountOf(Guid agentId) => kept.TryGetValue(agentId, out var entry) && entry.Recount is { } recount ? recount : Task.CompletedTask;

    private void RecountLater(Guid agentId, Entry stale, Func<AppDbContext, Task<Dictionary<TicketView, int>>> count, DateTime now)
    {
        lock (stale)
        {
            // A finished recount whose entry is still here failed: the next request may try again.
            if (stale.Recount is { IsCompleted: false })
                return;
            // Not the request's execution context: the recount outlives it, and must not hold its HttpContext.
            using (ExecutionContext.SuppressFlow())
                stale.Recount = Task.Run(() => RecountAsync(agentId, stale, count, now));
        }
    }

    private async Task RecountAsync(Guid agentId, Entry stale, Func<AppDbContext, Task<Dictionary<TicketView, int>>> count, DateTime now)
    {
        try
        {
            var counts = await CountAsync(count);
            // Only over the entry it started from: after the agent's own change (Forget) these counts may miss it.
            kept.TryUpdate(agentId, new Entry(now, counts), stale);
        }
        catch (Exception ex)
        {
            // The agent keeps their last counts. Nothing about the agent is logged.
            LogRecountFailed(logger, ex);
        }
    }

    private async Task<Dictionary<TicketView, int>> CountAsync(Func<AppDbContext, Task<Dictionary<TicketView, int>>> count)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Counts as of <see cref="At"/>. Compared by reference, so a recount replaces only the entry it began from.</summary>
    private sealed class Entry(DateTime at, IReadOnlyDictionary<TicketView, int> counts)
    {
        public DateTime At { get; } = at;
        public IReadOnlyDictionary<TicketView, int> Counts { get; } = counts;
        public Task? Recount { get; set; }
    }

    [LoggerMessage(LogLevel.Error, "Recounting an agent's views failed.")]
    private static partial void LogRecountFailed(ILogger logger, Exception exception);
}
