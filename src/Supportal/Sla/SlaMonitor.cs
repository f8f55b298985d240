using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Sla;

/// <summary>
/// The background loop of the SLA feature: records breaches as due times pass, and closes solved requests after
/// the configured number of business days (<see cref="AutoCloser"/>). Several nodes may run it at once: every
/// change is a conditional update, so only one node records a given breach or closes a given ticket.
/// </summary>
public sealed partial class SlaMonitor(IServiceScopeFactory scopes, AutoCloser closer, TimeProvider clock, IOptionsMonitor<SlaOptions> options,
    ILogger<SlaMonitor> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.CurrentValue.PollSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await closer.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly away; nothing was half-recorded, the next tick tries again.
                LogRoundFailed(logger, ex);
            }
        }
    }

    /// <summary>Records every running target whose due time has passed as breached, once; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int found;
        do
        {
            (found, var recorded) = await RecordBatchAsync(cancellationToken);
            total += recorded;
        }
        while (found == BatchSize);
        return total;
    }

    /// <summary>
    /// The history row of a breach, written by whoever records it: this round, or the tracker when a change ends a
    /// target that is already past its due time. It shows the breach when it happened, not when it was noticed.
    /// </summary>
    public static TicketEvent BreachEvent(long ticketId, SlaMetric metric, DateTime dueAt) => new()
    {
        TicketId = ticketId, At = dueAt, Field = "Sla", NewValue = metric.ToString(),
    };

    private async Task<(int Found, int Recorded)> RecordBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await db.TicketSlas.AsNoTracking()
            .Where(s => s.FulfilledAt == null && s.BreachedAt == null && s.DueAt != null && s.DueAt < now)
            .OrderBy(s => s.DueAt).ThenBy(s => s.Id).Take(BatchSize)
            .Select(s => new { s.Id, s.TicketId, s.Metric, DueAt = s.DueAt!.Value })
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
            return (0, 0);

        var recorded = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var target in overdue)
        {
            // The conditions again: if another node recorded it, or the ticket was answered, paused or re-targeted
            // meanwhile, nothing changes here (PostgreSQL re-checks them against the newest row version).
            var updated = await db.TicketSlas
                .Where(s => s.Id == target.Id && s.BreachedAt == null && s.FulfilledAt == null && s.DueAt == target.DueAt)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.BreachedAt, target.DueAt), cancellationToken);
            if (updated == 0)
                continue;
            db.TicketEvents.Add(BreachEvent(target.TicketId, target.Metric, target.DueAt));
            recorded++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (overdue.Count, recorded);
    }

    [LoggerMessage(LogLevel.Error, "SLA round failed.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
