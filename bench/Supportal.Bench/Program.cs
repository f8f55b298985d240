using Microsoft.EntityFrameworkCore;
using Supportal.Bench;
using Supportal.Data;

// Commands: seed (fill a database) and load (measure a running portal). See bench/README.md.
var options = Options.Parse(args.Skip(1));
switch (args.FirstOrDefault())
{
    case "seed":
        return await SeedAsync(options);
    default:
        Console.Error.WriteLine("Usage: seed --tickets N [--provider Sqlite|Postgres] [--connection CS] [--seed 42]");
        return 1;
}

static async Task<int> SeedAsync(Options options)
{
    var tickets = options.Int("tickets", 1_000);
    await using var db = Options.Context(options);
    Console.WriteLine($"Migrating the {options.Provider} database…");
    await db.Database.MigrateAsync();
    if (await db.Tickets.AnyAsync() || await db.Users.AnyAsync())
    {
        Console.Error.WriteLine("The database already holds tickets or users: seed an empty database.");
        return 1;
    }
    if (options.Provider == DatabaseProvider.Sqlite)
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
    await new Generator(db, Console.Out, options.Int("seed", 42)).RunAsync(tickets);
    if (options.Provider == DatabaseProvider.Postgres)
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    return 0;
}
