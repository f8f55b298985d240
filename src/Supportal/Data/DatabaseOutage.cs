using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Supportal.Data;

/// <summary>
/// Tells a database that is away for now (stopped, restarting, unreachable, held by another process) from a fault
/// in the request. The first passes by itself, so people are told to try again in a moment rather than that
/// something broke.
/// </summary>
public static class DatabaseOutage
{
    // SQLite's file busy or locked past the wait, unreadable, or not openable. Microsoft.Data.Sqlite does not mark
    // any of its errors as transient, so they are named here.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCannotOpen = 14;

    /// <summary>
    /// Whether the exception, or one it wraps (EF Core wraps the provider's), says the database could not be used
    /// for now. Npgsql marks refused and broken connections, timeouts and a server shutting down as transient.
    /// </summary>
    public static bool IsCauseOf(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError or SqliteCannotOpen }
                or DbException { IsTransient: true })
                return true;
        }
        return false;
    }
}
