using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Bench;

/// <summary>The <c>seed</c> command: migrates the database and fills it, if it is empty, with generated history.</summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(Options options, TextWriter log)
    {
        var tickets = options.WholeNumber("tickets", 1_000);
        await using var db = Options.Context(options);
        log.WriteLine($"Migrating the {options.Provider} database…");
        await db.Database.MigrateAsync();
        if (await db.Tickets.AnyAsync() || await db.Users.AnyAsync())
        {
            Console.Error.WriteLine("The database already holds tickets or users: seed an empty database.");
            return 1;
        }
        var postgres = options.Provider == DatabaseProvider.Postgres;
        if (!postgres)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        // The search vectors' triggers would update a ticket's vector once per comment copied; one pass at the end
        // builds them all from the finished tables instead.
        if (postgres)
            await db.Database.ExecuteSqlRawAsync(SearchTriggers.Replace("{0}", "DISABLE"));
        await new Generator(db, log, options.WholeNumber("seed", 42)).RunAsync(tickets, options["articles"] is null ? null : options.WholeNumber("articles", 0));
        if (postgres)
        {
            log.WriteLine("Building the search vectors…");
            await db.Database.ExecuteSqlRawAsync(SearchTriggers.Replace("{0}", "ENABLE"));
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.ExecuteSqlRawAsync(Supportal.Workspace.TicketSearch.PostgresRebuild);
            // Statistics for the planner, and the visibility map a database looked after by autovacuum has: without
            // it every index-only scan (the views' counts) visits the table too, and measures a fresh load instead.
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)");
        }
        return 0;
    }

    private const string SearchTriggers = """
        ALTER TABLE "Tickets" {0} TRIGGER "Tickets_Search";
        ALTER TABLE "TicketComments" {0} TRIGGER "TicketComments_Search";
        """;
}
