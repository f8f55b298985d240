using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;

namespace Supportal.Tests.Platform;

public sealed class StartupTests
{
    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Portal__MaintenanceEmail", "not an address", "Portal:MaintenanceEmail")]
    [InlineData("Smtp__Port", "70000", "Smtp:Port")]
    [InlineData("Smtp__Security", "Tls", "Smtp:Security")]
    // The setting it replaced would otherwise be ignored, quietly changing how mail leaves.
    [InlineData("Smtp__EnableSsl", "true", "Smtp:Security")]
    public async Task Invalid_configuration_stops_start_up_with_a_message_naming_the_key(string variable, string value, string key)
    {
        var storage = Directory.CreateTempSubdirectory("supportal-config-").FullName;
        try
        {
            var (exitCode, output, errors) = await RunAppAsync(new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Storage__Root"] = storage,
                ["Portal__PublicUrl"] = "https://support.example.com",
                [variable] = value,
            });

            exitCode.ShouldBe(2);
            errors.ShouldContain(key);
            output.ShouldNotContain("Now listening");
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_command_brings_an_empty_database_up_to_date()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = TestDatabase.Provider.ToString(),
            ["ConnectionStrings__Supportal"] = database.ConnectionString,
            ["Storage__Root"] = database.StorageRoot,
        };

        var (exitCode, output, _) = await RunAppAsync(environment, "migrate");

        exitCode.ShouldBe(0);
        output.ShouldContain("Database is up to date.");
        await using var db = TestDatabase.Provider == DatabaseProvider.Postgres
            ? (AppDbContext)new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Roles.CountAsync()).ShouldBe(Supportal.Accounts.Roles.All.Length);
    }

    internal static async Task<(int ExitCode, string Output, string Errors)> RunAppAsync(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = environment["Storage__Root"],
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>The app started against a PostgreSQL address where nothing listens.</summary>
public sealed class DatabaseDownPortal : PortalFactory
{
    public DatabaseDownPortal()
    {
        // It starts (PostgreSQL is migrated only on command), but its database cannot be reached.
        Settings["Database:Provider"] = "Postgres";
        Settings["ConnectionStrings:Supportal"] = $"Host=127.0.0.1;Port={TestSmtpServer.FreePort()};Username=nobody;Timeout=2";
        Settings["Seed:Demo"] = "false";
    }
}

public sealed class DatabaseDownTests(DatabaseDownPortal portal) : IClassFixture<DatabaseDownPortal>
{
    [Fact]
    public async Task Health_answers_503()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
    }

    [Theory]
    [InlineData("en", "The portal is temporarily unavailable")]
    [InlineData("pl", "Portal jest chwilowo niedostępny")]
    public async Task A_failure_while_signing_in_shows_the_friendly_unavailable_page(string language, string title)
    {
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var login = await SignInPage.OpenAsync(client);

        var page = await login.SubmitAsync("customer@example.com");

        page.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        page.Find("h1")!.TextContent.ShouldBe(title);
        page.Text.ShouldNotContain("Npgsql");
    }
}
