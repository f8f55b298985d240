using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Data;

namespace Supportal.Email;

/// <summary>
/// Delivers queued e-mail. A message is marked sent only after the server accepted it; a failure is retried
/// with growing pauses; several nodes may run this at once because each batch is claimed before sending.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    TimeProvider clock,
    IOptionsMonitor<EmailOptions> email,
    IOptionsMonitor<SmtpOptions> smtp,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.CurrentValue.HasHost)
        {
            LogNoHost(logger);
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, email.CurrentValue.PollSeconds)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // A full batch means more may be due: keep going before waiting for the next tick.
                while (await DeliverDueAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly away; the next tick tries again and nothing was marked sent.
                LogRoundFailed(logger, ex);
            }
        }
    }

    /// <summary>Sends one batch of due messages; returns how many were claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();

        var due = db.OutboxMessages.Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now
            && (m.ClaimedUntil == null || m.ClaimedUntil < now));
        var batch = due.OrderBy(m => m.Id).Take(BatchSize).Select(m => m.Id);
        // The due condition is repeated on the outer update on purpose: PostgreSQL re-checks it against the
        // latest row version when two nodes race for the same row, so only one of them wins the claim.
        var claimed = await due.Where(m => batch.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimToken, token)
            .SetProperty(m => m.ClaimedUntil, now + ClaimLease), cancellationToken);
        if (claimed == 0)
            return 0;

        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimToken == token).ToListAsync(cancellationToken);
        foreach (var message in messages)
            await DeliverAsync(db, message, token, cancellationToken);
        return claimed;
    }

    private async Task DeliverAsync(AppDbContext db, OutboxMessage message, Guid token, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            var givingUp = attempts >= email.CurrentValue.MaxAttempts;
            // Log the id and the kind of failure only: server replies often quote the recipient's address.
            LogNotDelivered(logger, message.Id, attempts, ex.GetType().Name);
            await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == token).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, now + RetryDelay(attempts))
                .SetProperty(m => m.FailedAt, givingUp ? now : null)
                .SetProperty(m => m.LastError, Truncate(ex.GetBaseException().Message, 1000))
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
            return;
        }
        // The server has the message: record that even if shutdown was requested meanwhile, or it would be sent twice.
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.Attempts, message.Attempts + 1)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>30 s, 1 min, 2 min, … doubling up to an hour.</summary>
    internal static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Min(attempts - 1, 12))));

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(LogLevel.Warning, "Smtp:Host is not set: e-mail stays in the outbox and is not delivered.")]
    private static partial void LogNoHost(ILogger logger);

    [LoggerMessage(LogLevel.Error, "Outbox delivery round failed.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Outbox message {Id} not delivered (attempt {Attempt}): {Error}")]
    private static partial void LogNotDelivered(ILogger logger, long id, int attempt, string error);
}
