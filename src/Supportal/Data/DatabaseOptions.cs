namespace Supportal.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The "Database" section plus the "Supportal" connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Filled from ConnectionStrings:Supportal; empty means a SQLite file under Storage:Root.</summary>
    public string? ConnectionString { get; set; }

    public DatabaseProvider Kind => Enum.Parse<DatabaseProvider>(Provider, ignoreCase: true);

    public bool IsValidProvider => Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out _);
}
