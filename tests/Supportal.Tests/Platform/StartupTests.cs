using System.Diagnostics;
using System.Net;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Platform;

public sealed class StartupTests
{
    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Portal__MaintenanceEmail", "not an address", "Portal:MaintenanceEmail")]
    [InlineData("Smtp__Port", "70000", "Smtp:Port")]
    public async Task Invalid_configuration_stops_start_up_with_a_message_naming_the_key(string variable, string value, string key)
    {
        var storage = Directory.CreateTempSubdirectory("supportal-config-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = storage,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment["Storage__Root"] = storage;
            start.Environment[variable] = value;
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            process.ExitCode.ShouldBe(2);
            (await stderr).ShouldContain(key);
            (await stdout).ShouldNotContain("Now listening");
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_does_not()
    {
        var portal = new PortalFactory();
        await ((IAsyncLifetime)portal).InitializeAsync();
        try
        {
        // A PostgreSQL address where nothing listens: the app starts (it migrates PostgreSQL only on command)
        // but its database cannot be reached.
            portal.Settings["Database:Provider"] = "Postgres";
            portal.Settings["ConnectionStrings:Supportal"] = $"Host=127.0.0.1;Port={TestSmtpServer.FreePort()};Username=nobody;Timeout=2";
            portal.Settings["Seed:Demo"] = "false";
            using var client = portal.CreatePortalClient();

            var response = await client.Http.GetAsync("/health");

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
        }
        finally
        {
            await ((IAsyncLifetime)portal).DisposeAsync();
        }
    }
}
