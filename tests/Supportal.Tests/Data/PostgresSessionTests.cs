using Microsoft.EntityFrameworkCore;
using Npgsql;
using Supportal.Data;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Data;

/// <summary>
/// The portal's PostgreSQL sessions run without JIT compiling and parallel workers, which cost more than they save
/// for its short queries under load, and prepare the statements they repeat.
/// </summary>
public sealed class PostgresSessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Each_setting_applies_unless_the_connection_string_sets_it_itself()
    {
        var chosen = new NpgsqlConnectionStringBuilder(DatabaseSetup.ForPortal("Host=db;Database=supportal"));
        chosen.Options.ShouldBe("-c jit=off -c max_parallel_workers_per_gather=0");
        chosen.MaxAutoPrepare.ShouldBeGreaterThan(0);
        chosen.NoResetOnClose.ShouldBeTrue();

        var own = new NpgsqlConnectionStringBuilder(
            DatabaseSetup.ForPortal("Host=db;Options=-c search_path=help;Max Auto Prepare=0;No Reset On Close=false"));
        own.Options.ShouldBe("-c search_path=help");
        own.MaxAutoPrepare.ShouldBe(0);
        own.NoResetOnClose.ShouldBeFalse();
    }

    [Fact]
    public async Task The_portals_own_sessions_say_so()
    {
        if (TestDatabase.Provider != DatabaseProvider.Postgres)
            return;
        var jit = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync());
        jit.ShouldBe("off");
        var workers = await portal.WithDbAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync());
        workers.ShouldBe("0");

        // A statement the session runs a few times is prepared on the server, parsed and planned once.
        var prepared = await portal.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            for (var i = 0; i < 6; i++)
                await db.Tickets.Where(t => t.Id == i).Select(t => t.Subject).FirstOrDefaultAsync();
            return await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements").SingleAsync();
        });
        prepared.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_tables_each_reply_rewrites_are_vacuumed_after_a_fiftieth_of_them_changed()
    {
        if (TestDatabase.Provider != DatabaseProvider.Postgres)
            return;
        var options = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>("""
            SELECT relname || ' ' || array_to_string(reloptions, ',') AS "Value" FROM pg_class
            WHERE relname IN ('Tickets', 'TicketSearchVectors', 'TicketSlas') AND relkind = 'r' ORDER BY relname
            """).ToListAsync());
        options.ShouldBe([
            "TicketSearchVectors autovacuum_vacuum_scale_factor=0.02,autovacuum_analyze_scale_factor=0.02",
            "TicketSlas autovacuum_vacuum_scale_factor=0.02,autovacuum_analyze_scale_factor=0.02",
            "Tickets autovacuum_vacuum_scale_factor=0.02,autovacuum_analyze_scale_factor=0.02",
        ]);
    }
}
