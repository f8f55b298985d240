using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Data;

namespace Supportal.Email;

/// <summary>
/// Delivers queued e-mail over a few SMTP connections per node (<see cref="SmtpOptions.Connections"/>), urgent mail
/// first. Each connection claims a small batch, sends it message by message and records each as sent as soon as the
/// server has accepted it; a failure is retried with growing pauses. Several nodes may run this at once: a claim is
/// held for as long as its holder works on it and only the holder records the result.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    TimeProvider clock,
    IOptionsMonitor<EmailOptions> email,
    IOptionsMonitor<SmtpOptions> smtp,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>Small, so that a batch on a healthy server takes a moment and urgent mail queued meanwhile is next.</summary>
    internal const int BatchSize = 10;

    /// <summary>A message still being sent after this long hands the rest of its batch back, for other connections.</summary>
    internal static readonly TimeSpan SlowSend = TimeSpan.FromSeconds(5);

    /// <summary>
    /// What a claim adds to the server timeout, which bounds one send: time to record the result, and room for the
    /// clocks of two nodes that differ a little. A holder renews its claim while it has less than a send's worth left.
    /// </summary>
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan RenewMargin = TimeSpan.FromSeconds(5);

    private TaskCompletionSource queued = NewSignal();

    private TimeSpan SendBound => TimeSpan.FromSeconds(smtp.CurrentValue.TimeoutSeconds);

    /// <summary>How long a claim lasts unless renewed: what a crashed node's messages wait before another node sends them.</summary>
    internal TimeSpan ClaimLease => SendBound + ClaimMargin;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Says that mail was just committed, so an idle connection looks now instead of at its next poll.</summary>
    public void Wake() => Interlocked.Exchange(ref queued, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.CurrentValue.HasHost)
        {
            LogNoHost(logger);
            return;
        }
        await Task.WhenAll(Enumerable.Range(0, smtp.CurrentValue.Connections).Select(_ => RunConnectionAsync(stoppingToken)));
    }

    private async Task RunConnectionAsync(CancellationToken stoppingToken)
    {
        await using var connection = transport.Open();
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before looking, so mail committed while this connection looks still wakes it afterwards.
            var woken = Volatile.Read(ref queued).Task;
            bool more;
            try
            {
                // Nothing claimed while messages are due means another connection won the race for them: look again.
                more = await DeliverBatchAsync(connection, stoppingToken) > 0 || await AnyDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away; the next poll tries again and nothing was recorded wrongly.
                LogRoundFailed(logger, ex);
                more = false;
            }
            if (more)
                continue;
            // Idle connections are closed: servers drop them anyway, and a stale one would fail the next message.
            await connection.CloseAsync();
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(Math.Max(1, email.CurrentValue.PollSeconds)), clock, poll.Token), woken);
            await poll.CancelAsync();
        }
    }

    /// <summary>Sends one batch of due messages over a connection of its own; returns how many were claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = transport.Open();
        return await DeliverBatchAsync(connection, cancellationToken);
    }

    private static IQueryable<OutboxMessage> Due(AppDbContext db, DateTime now) => db.OutboxMessages.Where(m =>
        m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    private async Task<bool> AnyDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await Due(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Now).AnyAsync(cancellationToken);
    }

    /// <summary>
    /// Claims up to <see cref="BatchSize"/> due messages, urgent first, and sends them in turn. A stop ends the batch
    /// after the message being sent; whatever is left of the batch is handed back at once rather than when the
    /// claim lapses.
    /// </summary>
    private async Task<int> DeliverBatchAsync(IMailConnection connection, CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now;
        var claim = new Claim(Guid.NewGuid(), now + ClaimLease);

        // The batch's ids first, then the claim on just those ids: as one statement with a subquery, PostgreSQL planned
        // the subquery to run once per waiting row while its statistics still said none were waiting (a second a claim
        // when a large backlog had just been queued).
        var due = Due(db, now);
        var batch = await due.OrderBy(m => m.Priority).ThenBy(m => m.Id).Take(BatchSize).Select(m => m.Id).ToListAsync(stoppingToken);
        if (batch.Count == 0)
            return 0;
        // The due condition is repeated on the update on purpose: PostgreSQL re-checks it against the latest row
        // version when two nodes race for the same row, so only one of them wins the claim. A stop does not cancel
        // the claim halfway, which could leave it committed without this node knowing its rows.
        stoppingToken.ThrowIfCancellationRequested();
        var claimed = await due.Where(m => batch.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimToken, claim.Token)
            .SetProperty(m => m.ClaimedUntil, claim.Until), CancellationToken.None);
        if (claimed == 0)
            return 0;

        var messages = await db.OutboxMessages.AsNoTracking().Where(m => batch.Contains(m.Id) && m.ClaimToken == claim.Token)
            .OrderBy(m => m.Priority).ThenBy(m => m.Id).ToListAsync(CancellationToken.None);
        var done = 0;
        while (done < messages.Count && !stoppingToken.IsCancellationRequested && await HoldAsync(db, claim))
        {
            var goOn = await DeliverAsync(db, connection, messages[done], claim, restWaiting: done + 1 < messages.Count);
            done++;
            if (!goOn)
                break;
        }
        if (done < messages.Count)
            await ReleaseAsync(db, claim.Token);
        return claimed;
    }

    /// <summary>
    /// Makes sure the claim lasts through one more send, renewing it when it would not. False when it has already
    /// lapsed (this node stalled): another node may have taken the messages, so this one sends none of them.
    /// </summary>
    private async Task<bool> HoldAsync(AppDbContext db, Claim claim)
    {
        var now = Now;
        if (claim.Until - now >= SendBound + RenewMargin)
            return true;
        if (now >= claim.Until)
        {
            LogClaimLapsed(logger);
            return false;
        }
        var until = now + ClaimLease;
        await db.OutboxMessages.Where(m => m.ClaimToken == claim.Token).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until));
        claim.Until = until;
        return true;
    }

    /// <summary>Sends one message and records the outcome; false when the rest of the batch was handed back meanwhile.</summary>
    private async Task<bool> DeliverAsync(AppDbContext db, IMailConnection connection, OutboxMessage message, Claim claim, bool restWaiting)
    {
        // Not cancelled by a stop: the server may be accepting it right now, and the server timeout bounds it anyway.
        var sending = connection.SendAsync(message, CancellationToken.None);
        var handedBack = restWaiting && await HandBackIfSlowAsync(db, sending, claim.Token, message.Id);
        try
        {
            await sending;
        }
        catch (Exception ex)
        {
            var attempts = message.Attempts + 1;
            var now = Now;
            var givingUp = attempts >= email.CurrentValue.MaxAttempts;
            // Log the id and the kind of failure only: server replies often quote the recipient's address.
            LogNotDelivered(logger, message.Id, attempts, ex.GetType().Name);
            await RecordAsync(claim, () => db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == claim.Token).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, now + RetryDelay(attempts))
                .SetProperty(m => m.FailedAt, givingUp ? now : null)
                .SetProperty(m => m.LastError, Truncate(ex.GetBaseException().Message, 1000))
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null)));
            return !handedBack;
        }
        // The server has the message. Recorded at once and only by the claim's holder; if the claim was lost, another
        // node may be sending it too, and the shared Message-ID is what lets mail clients drop the copy.
        var sentAt = Now;
        var recorded = await RecordAsync(claim, () => db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == claim.Token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.Attempts, message.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null)));
        if (recorded == 0)
            LogClaimLost(logger, message.Id);
        return !handedBack;
    }

    /// <summary>
    /// Waits for the send up to <see cref="SlowSend"/>; if it is still going, hands back the rest of the batch so a
    /// sign-in code behind a message to a stalled server goes out over another connection. True when it did.
    /// </summary>
    private async Task<bool> HandBackIfSlowAsync(AppDbContext db, Task sending, Guid token, long current)
    {
        using var wait = new CancellationTokenSource();
        var slow = Task.Delay(SlowSend, clock, wait.Token);
        if (await Task.WhenAny(sending, slow) == sending)
        {
            await wait.CancelAsync();
            return false;
        }
        try
        {
            await db.OutboxMessages.Where(m => m.ClaimToken == token && m.Id != current).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null));
            return true;
        }
        catch (Exception ex)
        {
            // The batch then simply goes on after the slow message.
            LogRoundFailed(logger, ex);
            return false;
        }
    }

    private static Task<int> ReleaseAsync(AppDbContext db, Guid token) =>
        db.OutboxMessages.Where(m => m.ClaimToken == token).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);

    /// <summary>
    /// Writes the outcome of a send, trying again while the database is away for as long as the claim holds. Once the
    /// server has accepted a message, failing to record it would send it again when the claim lapses.
    /// </summary>
    private async Task<int> RecordAsync(Claim claim, Func<Task<int>> write)
    {
        for (var pause = TimeSpan.FromMilliseconds(200); ; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.TicksPerSecond * 5)))
        {
            try
            {
                return await write();
            }
            catch (Exception ex) when (Now < claim.Until)
            {
                LogRecordRetry(logger, ex.GetType().Name);
                // Real time, not the portal's clock: this waits for the database, not for a moment in the portal's day.
                await Task.Delay(pause, CancellationToken.None);
            }
        }
    }

    /// <summary>30 s, 1 min, 2 min, … doubling up to an hour.</summary>
    internal static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Min(attempts - 1, 12))));

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>A batch's claim: its token on the rows and when it lapses unless renewed.</summary>
    private sealed class Claim(Guid token, DateTime until)
    {
        public Guid Token { get; } = token;
        public DateTime Until { get; set; } = until;
    }

    [LoggerMessage(LogLevel.Warning, "Smtp:Host is not set: e-mail stays in the outbox and is not delivered.")]
    private static partial void LogNoHost(ILogger logger);

    [LoggerMessage(LogLevel.Error, "Outbox delivery round failed.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Outbox message {Id} not delivered (attempt {Attempt}): {Error}")]
    private static partial void LogNotDelivered(ILogger logger, long id, int attempt, string error);

    [LoggerMessage(LogLevel.Warning, "Recording an outbox delivery failed ({Error}); trying again.")]
    private static partial void LogRecordRetry(ILogger logger, string error);

    [LoggerMessage(LogLevel.Warning, "An outbox claim lapsed before its batch was done (the node stalled); the rest is left to the next claim.")]
    private static partial void LogClaimLapsed(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Outbox message {Id} was accepted by the server after this node's claim on it had lapsed; another node may send it too.")]
    private static partial void LogClaimLost(ILogger logger, long id);
}
