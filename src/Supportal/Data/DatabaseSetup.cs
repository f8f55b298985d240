using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Supportal.Platform;

namespace Supportal.Data;

public static class DatabaseSetup
{
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((o, config) => o.ConnectionString = config.GetConnectionString("Supportal"))
            .Validate(o => o.IsValidProvider, "Database:Provider must be 'Sqlite' or 'Postgres'.")
            .Validate(o => !o.IsValidProvider || o.Kind == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "ConnectionStrings:Supportal is required when Database:Provider is 'Postgres'.")
            .ValidateOnStart();

        // Both contexts are registered; AppDbContext resolves to the configured one. Options are read when a
        // context is first made, not while the host is being built, so tests and commands can override them.
        // Pooled: every request uses a context, and building its options (connection string parsed three times)
        // and its internal services anew each time was a twentieth of a reply's CPU. A returned context is reset
        // by EF Core (tracked entities, transaction, connection); the portal keeps no state of its own in one.
        builder.Services.AddSingleton<Workspace.ChoiceLists>();
        builder.Services.AddSingleton<CommitWatcher, Workspace.ChoiceLists.Watcher>();
        builder.Services.AddDbContextPool<SqliteAppDbContext>((sp, o) => Common(sp, o.UseSqlite(ConnectionString(sp)))
            .AddInterceptors(new SqliteSessions()));
        builder.Services.AddDbContextPool<PostgresAppDbContext>((sp, o) => Common(sp, o.UseNpgsql(ForPortal(ConnectionString(sp)))));
        builder.Services.AddScoped<AppDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Kind == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresAppDbContext>()
                : sp.GetRequiredService<SqliteAppDbContext>());

        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
        builder.Services.AddSingleton<DemoDataSeeder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoDataSeeder>());
        return builder;
    }

    private static DbContextOptionsBuilder Common(IServiceProvider sp, DbContextOptionsBuilder options) => options
        .AddInterceptors(sp.GetServices<CommitWatcher>())
        // A view's count stops at its cap and takes whichever rows come first (TicketViews.CountsAsync): an order there
        // would only add a sort, so EF Core's warning about a limit without one is noise in the log.
        .ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));

    /// <summary>
    /// How the portal's PostgreSQL sessions run, unless the connection string says otherwise:
    /// <list type="bullet">
    /// <item>without JIT: PostgreSQL compiles a query to machine code once its estimated cost passes a threshold, and
    /// for the portal's short index-driven queries that takes longer than running them (half a second for a view's
    /// counts over a million tickets);</item>
    /// <item>without parallel workers: a query split over three processes finishes sooner on an idle server, but under
    /// load every core is already answering someone, and the split costs more CPU in all (a view's count: 48 ms in one
    /// process, 3 × 58 ms in three);</item>
    /// <item>with prepared statements: a page runs the same dozen statements every time, and parsing and planning them
    /// cost PostgreSQL more than executing them (5 ms of the 8.5 ms a new ticket spends in the database);</item>
    /// <item>without a reset when a pooled connection is returned: the portal sets no session state, and the reset
    /// (<c>DISCARD ALL</c>) was a round trip for every query outside a transaction and dropped the prepared statements.</item>
    /// </list>
    /// </summary>
    public static string ForPortal(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
            builder.Options = "-c jit=off -c max_parallel_workers_per_gather=0";
        if (!Sets(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
            builder.MaxAutoPrepare = 100;
        if (!Sets(connectionString, "No Reset On Close", "NoResetOnClose"))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static bool Sets(string connectionString, params string[] keys) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => keys.Contains(key, StringComparer.OrdinalIgnoreCase));

    private static string ConnectionString(IServiceProvider sp)
    {
        var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
            return database.ConnectionString;
        var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        return $"Data Source={Path.Combine(storage.FullRoot, "supportal.db")}";
    }

    /// <summary>
    /// The embedded SQLite database is created and brought up to date on start, so `dotnet run` needs nothing
    /// else. PostgreSQL is migrated by the `migrate` command, a deliberate step in a deployment.
    /// </summary>
    public static async Task PrepareEmbeddedDatabaseAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db is not SqliteAppDbContext)
            return;
        Directory.CreateDirectory(scope.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.FullRoot);
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync();
        await StartTicketNumbersAsync(db);
        // Write-ahead logging lets readers go on while the outbox sender or a page writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    public static async Task MigrateAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A migration may build an index or fill a table over a million tickets: minutes, not the usual 30 seconds
        // (the same for SQLite above).
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync();
        if (db is SqliteAppDbContext)
            await StartTicketNumbersAsync(db);
    }

    /// <summary>
    /// Ticket numbers start at 10001 (<see cref="Tickets.Ticket.FirstNumber"/>). PostgreSQL's migration sets its
    /// sequence once; SQLite keeps the counter in sqlite_sequence, which a migration that rebuilds the empty
    /// table resets to 0, so it is raised again after every migration run.
    /// </summary>
    private static async Task StartTicketNumbersAsync(AppDbContext db)
    {
        const long last = Tickets.Ticket.FirstNumber - 1;
        await db.Database.ExecuteSqlAsync($"UPDATE sqlite_sequence SET seq = {last} WHERE name = 'Tickets' AND seq < {last}");
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO sqlite_sequence (name, seq) SELECT 'Tickets', {last} WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'Tickets')");
    }
}
