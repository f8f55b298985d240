using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Supportal.Data;

/// <summary>
/// What every SQLite connection of the portal gets when it opens:
/// <list type="bullet">
/// <item>upper() and lower() with .NET's invariant casing: SQLite's own change only A–Z, so a case-insensitive search
/// would miss "Łódź" for "łódź"; with these, searches behave as on PostgreSQL;</item>
/// <item>a busy timeout: SQLite has one writer at a time, and a write that finds another under way otherwise returns
/// at once to the driver, which sleeps 150 ms before trying again; SQLite's own wait retries within milliseconds, so a
/// request queued behind another's write waits for that write, not for a fixed sleep.</item>
/// </list>
/// </summary>
internal sealed class SqliteSessions : DbConnectionInterceptor
{
    /// <summary>How long SQLite itself waits for the writer; past it, the driver's retries continue up to the command timeout.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare(connection);
        return Task.CompletedTask;
    }

    private static void Prepare(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
            return;
        sqlite.CreateFunction("upper", (string? text) => text?.ToUpperInvariant(), isDeterministic: true);
        sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
    }
}
