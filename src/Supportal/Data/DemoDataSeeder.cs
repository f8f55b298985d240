using Npgsql;

namespace Supportal.Data;

/// <summary>
/// Adds the demo data (<see cref="DemoData"/>) in the background, trying again after a pause while the database is
/// away or not yet migrated. A start does not wait for it: the portal answers its health check and shows its friendly
/// pages while the database is down, in Development as in production, and has its demo data once the database is back.
/// </summary>
public sealed partial class DemoDataSeeder(IServiceProvider services, TimeProvider clock, ILogger<DemoDataSeeder> logger) : BackgroundService
{
    /// <summary>Between tries: soon enough for someone who has just started the database, seldom enough to keep the log readable.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the demo data is in place, or at once when it is turned off; fails as the seeding does.</summary>
    public Task Seeded => seeded.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = stoppingToken.Register(() => seeded.TrySetCanceled(stoppingToken));
        while (true)
        {
            try
            {
                await services.SeedDemoDataAsync();
                seeded.TrySetResult();
                return;
            }
            // Only the type of the first cause is logged (a refused socket, a server shutting down): a database's
            // message may quote the values it refused.
            catch (Exception ex) when (DatabaseOutage.IsCauseOf(ex))
            {
                LogDatabaseAway(logger, ex.GetBaseException().GetType().Name, Pause.TotalSeconds);
            }
            catch (Exception ex) when (NotMigrated(ex))
            {
                LogNotMigrated(logger, Pause.TotalSeconds);
            }
            catch (Exception ex)
            {
                // Anything else (a demo password the rules refuse) is a mistake to see at once, not to retry: the host stops.
                seeded.TrySetException(ex);
                throw;
            }
            await Task.Delay(Pause, clock, stoppingToken);
        }
    }

    /// <summary>PostgreSQL answers, but its database or tables are not there: it is migrated by a deliberate step.</summary>
    private static bool NotMigrated(Exception exception) => exception is PostgresException
    {
        SqlState: PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable,
    } || exception.InnerException is { } inner && NotMigrated(inner);

    [LoggerMessage(LogLevel.Warning, "Demo data waits for the database, which cannot be reached ({Error}); trying again in {Seconds} s.")]
    private static partial void LogDatabaseAway(ILogger logger, string error, double seconds);

    [LoggerMessage(LogLevel.Warning, "Demo data waits for the database to be migrated (the migrate command); trying again in {Seconds} s.")]
    private static partial void LogNotMigrated(ILogger logger, double seconds);
}
