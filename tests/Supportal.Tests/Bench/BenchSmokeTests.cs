using Microsoft.EntityFrameworkCore;
using Supportal.Bench;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Bench;

/// <summary>
/// The load benchmark takes minutes and is never part of the test command; this short run over a small generated
/// help desk keeps its sign-in, form parsing and scenarios working as the pages change.
/// </summary>
public sealed class BenchSmokeTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();
    private readonly string results = Directory.CreateTempSubdirectory("supportal-bench-").FullName;

    public Task InitializeAsync() => ((IAsyncLifetime)portal).InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)portal).DisposeAsync();
        Directory.Delete(results, recursive: true);
    }

    [Fact]
    public async Task Load_run_over_generated_data_succeeds_in_every_scenario_and_writes_its_report()
    {
        var database = new Dictionary<string, string>
        {
            ["provider"] = TestDatabase.Provider.ToString(),
            ["connection"] = portal.Database.ConnectionString,
        };
        var log = new StringWriter();
        (await SeedCommand.RunAsync(new Options(new(database) { ["tickets"] = "1000" }), log)).ShouldBe(0, log.ToString());
        // The generator's people are the only accounts: the demo ones would not be a help desk's data.
        portal.Settings["Seed:Demo"] = "false";
        var url = portal.StartOnRealPort();
        // A few hundred articles at this size, indexed in bulk: the searched word finds many of them.
        (await portal.WithDbAsync(db => db.KbArticles.CountAsync())).ShouldBe(300);
        (await portal.WithDbAsync(db => new ArticleIndex(db).Find(ArticleTexts.SearchWord).CountAsync())).ShouldBeGreaterThan(15);

        var report = await LoadCommand.RunAsync(new Options(new(database)
        {
            ["url"] = url, ["seconds"] = "0.5", ["warm"] = "1", ["warmup"] = "1", ["concurrency"] = "2", ["out"] = results,
        }), log);

        report.ShouldNotBeNull(log.ToString());
        report.Machine.Tickets.ShouldBe(1000);
        report.Machine.WarmSeconds.ShouldBe(1);
        report.Scenarios.Count.ShouldBe(Scenarios.All(0, []).Count);
        foreach (var scenario in report.Scenarios)
        {
            scenario.Requests.ShouldBeGreaterThan(0, $"{scenario.Name}: {scenario.FirstError}\n{log}");
            scenario.Errors.ShouldBe(0, $"{scenario.Name}: {scenario.FirstError}");
        }
        File.Exists(Path.Combine(results, "latest.json")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(results, "latest.md")).ShouldContain("| Agent: public reply |");
        if (TestDatabase.Provider == Supportal.Data.DatabaseProvider.Postgres)
            (await UnsolvedVectorsAsync()).ShouldBe((Unsolved: true, Wrong: 0L));
    }

    /// <summary>Whether the generator's vectors (built in one pass after the load) mark some tickets unsolved, and how many wrongly.</summary>
    private async Task<(bool Unsolved, long Wrong)> UnsolvedVectorsAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(portal.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT bool_or(v."Unsolved"), count(*) FILTER (WHERE v."Unsolved" <> (t."Status" IN ('New', 'Open', 'Pending', 'OnHold')))
            FROM "TicketSearchVectors" v JOIN "Tickets" t ON t."Id" = v."TicketId"
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetBoolean(0), reader.GetInt64(1));
    }
}
