using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Supportal.Data;

namespace Supportal.Bench;

/// <summary>
/// Writes entities straight into their tables, reading table and column names, value conversions and column types
/// from the app's EF model, so generated rows are stored exactly as the app stores them. PostgreSQL gets binary
/// COPY; SQLite gets one prepared INSERT run inside large transactions. Ids are set by the caller. Inside a
/// transaction of the caller's, rows become visible together when it commits.
/// </summary>
public sealed class BulkWriter(AppDbContext db)
{
    private readonly bool postgres = db.Database.IsNpgsql();
    private readonly Dictionary<Type, Table> tables = [];

    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows) where T : class
    {
        if (rows.Count == 0)
            return;
        var table = TableOf(typeof(T));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync();
        if (postgres)
            await CopyAsync((NpgsqlConnection)connection, table, rows);
        else
            await InsertAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction(), table, rows);
    }

    /// <summary>After explicit ids, identity sequences continue after the largest one (SQLite's AUTOINCREMENT does by itself).</summary>
    public async Task ContinueSequencesAsync()
    {
        if (!postgres)
            return;
        // Names come from the EF model, never from input.
#pragma warning disable EF1002
        foreach (var table in tables.Values.Where(t => t.IdentityColumn is not null))
            await db.Database.ExecuteSqlRawAsync(
                $"""SELECT setval(pg_get_serial_sequence('"{table.Name}"', '{table.IdentityColumn}'), (SELECT max("{table.IdentityColumn}") FROM "{table.Name}"))""");
#pragma warning restore EF1002
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, Table table, IReadOnlyCollection<T> rows)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            foreach (var column in table.Columns)
            {
                var value = column.Provider(row!);
                if (value is null)
                    await importer.WriteNullAsync();
                else
                    await importer.WriteAsync(value, column.PostgresType);
            }
        }
        await importer.CompleteAsync();
    }

    private static async Task InsertAsync<T>(DbConnection connection, DbTransaction? callers, Table table, IReadOnlyCollection<T> rows)
    {
        // SQLite has no nested transactions: within the caller's, the rows are written in it and committed with it.
        await using var own = callers is null ? await connection.BeginTransactionAsync() : null;
        await using var command = connection.CreateCommand();
        command.Transaction = callers ?? own;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            // The mapping converts the value and sets the parameter's type as EF would (GUIDs and dates as text).
            for (var i = 0; i < table.Columns.Count; i++)
                command.Parameters.Add(table.Columns[i].Mapping.CreateParameter(command, $"@p{i}", table.Columns[i].Read(row!)));
            await command.ExecuteNonQueryAsync();
        }
        if (own is not null)
            await own.CommitAsync();
    }

    private Table TableOf(Type type)
    {
        if (tables.TryGetValue(type, out var known))
            return known;
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.PropertyInfo is not null)
            .Select(p => new Column(p.GetColumnName(store)!, Getter(p), p.GetRelationalTypeMapping(), BaseType(p.GetColumnType())))
            .ToList();
        var key = entity.FindPrimaryKey()!.Properties;
        var identity = key is [{ ValueGenerated: ValueGenerated.OnAdd } single] && single.ClrType != typeof(Guid) ? single.GetColumnName(store) : null;
        return tables[type] = new Table(name, columns, identity);
    }

    /// <summary>A compiled getter of the property's value as the entity holds it.</summary>
    private static Func<object, object?> Getter(IProperty property)
    {
        var instance = Expression.Parameter(typeof(object));
        var read = Expression.Property(Expression.Convert(instance, property.DeclaringType.ClrType), property.PropertyInfo!);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    /// <summary>"character varying(200)" → "character varying": COPY wants the type, not its length.</summary>
    private static string BaseType(string columnType) => columnType.Split('(')[0];

    private sealed record Column(string Name, Func<object, object?> Read, RelationalTypeMapping Mapping, string PostgresType)
    {
        /// <summary>The value as stored: after the property's converter (enums as text, dates marked UTC).</summary>
        public object? Provider(object row) => Read(row) is { } value && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : Read(row);
    }

    private sealed record Table(string Name, IReadOnlyList<Column> Columns, string? IdentityColumn);
}
