using System.Data;
using System.Data.Common;
using System.Globalization;
using Supportal.Data;

namespace Supportal.Tests.Infrastructure;

/// <summary>What the database of this run would do with a statement: EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN on SQLite.</summary>
public static class QueryPlan
{
    /// <summary>
    /// The plan of the command's statement, one row a line. <paramref name="postgresSettings"/> run first on PostgreSQL:
    /// with scans or sorts priced out only an index that fits the query keeps them out of a plan over an empty table.
    /// </summary>
    public static async Task<string> OfAsync(DbCommand command, string postgresSettings)
    {
        var connection = command.Connection!;
        if (connection.State != ConnectionState.Open)
            await connection.OpenAsync();
        var postgres = TestDatabase.Provider == DatabaseProvider.Postgres;
        if (postgres)
        {
            await using var settings = connection.CreateCommand();
            settings.CommandText = postgresSettings;
            await settings.ExecuteNonQueryAsync();
        }
        command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(Convert.ToString(reader.GetValue(reader.FieldCount - 1), CultureInfo.InvariantCulture)!);
        return string.Join('\n', lines);
    }
}
