using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Bench;

/// <summary>"--name value" pairs from the command line.</summary>
public sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
                name = arg[2..];
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
        }
        return new Options(values);
    }

    public string? this[string name] => values.GetValueOrDefault(name);

    public int WholeNumber(string name, int fallback) => this[name] is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public double Number(string name, double fallback) => this[name] is { } text ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public DatabaseProvider Provider => Enum.Parse<DatabaseProvider>(this["provider"] ?? "Sqlite", ignoreCase: true);

    public string Connection => this["connection"] ?? (Provider == DatabaseProvider.Sqlite ? "Data Source=bench.db" : throw new ArgumentException("--connection is required for PostgreSQL."));

    /// <summary>The app's own context for the chosen database, so the bench writes and reads exactly the app's schema.</summary>
    public static AppDbContext Context(Options options) => options.Provider == DatabaseProvider.Postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(options.Connection).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(options.Connection).Options);
}
