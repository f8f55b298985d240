using Microsoft.EntityFrameworkCore;
using Npgsql;
using Supportal.Data;

namespace Supportal.Tests.Infrastructure;

/// <summary>
/// A throwaway database for one test fixture. The provider comes from SUPPORTAL_TEST_PROVIDER (Sqlite by
/// default); PostgreSQL runs against the server in SUPPORTAL_TEST_POSTGRES, which the test command starts.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? postgresName;
    private readonly string? postgresServer;

    private TestDatabase(string storageRoot, string connectionString, string? postgresName = null, string? postgresServer = null)
    {
        StorageRoot = storageRoot;
        ConnectionString = connectionString;
        this.postgresName = postgresName;
        this.postgresServer = postgresServer;
    }

    public static DatabaseProvider Provider =>
        string.Equals(Environment.GetEnvironmentVariable("SUPPORTAL_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public string StorageRoot { get; }
    public string ConnectionString { get; }

    /// <param name="migrate">Whether a PostgreSQL database is migrated, as the migrate command would.</param>
    /// <param name="server">A PostgreSQL server of the test's own (<see cref="PostgresCluster"/>) instead of the shared one.</param>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true, string? server = null)
    {
        var root = Directory.CreateTempSubdirectory("supportal-test-").FullName;
        if (Provider == DatabaseProvider.Sqlite)
            // The app itself creates and migrates the embedded database on start, as it does for a user.
            return new TestDatabase(root, $"Data Source={Path.Combine(root, "supportal.db")}");

        server ??= Environment.GetEnvironmentVariable("SUPPORTAL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SUPPORTAL_TEST_POSTGRES must name the test PostgreSQL server.");
        var name = $"supportal_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var database = new TestDatabase(root, connectionString, name, server);
        if (migrate)
            await database.MigrateAsync();
        return database;
    }

    /// <summary>PostgreSQL is migrated by a deliberate step in production (the `migrate` command); tests do the same.</summary>
    public async Task MigrateAsync()
    {
        await using var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options);
        await db.Database.MigrateAsync();
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Supportal"] = ConnectionString,
        ["Storage:Root"] = StorageRoot,
    };

    public async ValueTask DisposeAsync()
    {
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(postgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing server; the temp folder is cleaned by the system later.
        }
    }
}
