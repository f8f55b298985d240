using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Bench;

/// <summary>The <c>seed</c> command: migrates the database and fills it, if it is empty, with generated history.</summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(Options options, TextWriter log)
    {
        var tickets = options.Int("tickets", 1_000);
        await using var db = Options.Context(options);
        log.WriteLine($"Migrating the {options.Provider} database…");
        await db.Database.MigrateAsync();
        if (await db.Tickets.AnyAsync() || await db.Users.AnyAsync())
        {
            Console.Error.WriteLine("The database already holds tickets or users: seed an empty database.");
            return 1;
        }
        if (options.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        await new Generator(db, log, options.Int("seed", 42)).RunAsync(tickets);
        if (options.Provider == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return 0;
    }
}
