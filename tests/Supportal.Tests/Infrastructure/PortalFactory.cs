using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Tests.Infrastructure;

/// <summary>
/// The whole app over a real, throwaway database, with a hand-moved clock. Subclasses or callers add settings
/// (SMTP, environment) before the first request.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo-Password-2026";

    private TestDatabase? database;

    public FakeClock Clock { get; } = new();

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Extra configuration, applied over appsettings.json and the test database settings.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Seed:Demo"] = "true",
        ["Seed:DemoPassword"] = DemoPassword,
    };

    public string Environment { get; set; } = "Development";

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (database is not null)
            await database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        var settings = Database.Settings();
        foreach (var (key, value) in Settings)
            settings[key] = value;
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            // As behind the production TLS proxy: outside Development, cookies are Secure-only.
            BaseAddress = new Uri("https://localhost"),
        }), this);

    /// <summary>The code in the newest sign-in e-mail queued for the address.</summary>
    public Task<string> LatestSignInCodeAsync(string email) => WithDbAsync(async db =>
    {
        var subject = await db.OutboxMessages.Where(m => m.ToAddress == email).OrderByDescending(m => m.Id)
            .Select(m => m.Subject).FirstAsync();
        return System.Text.RegularExpressions.Regex.Match(subject, @"\b\d{6}\b").Value;
    });

    /// <summary>Runs work against the app's own database context.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Adds a confirmed account with the demo password, so a test can change it without touching others.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string firstName = "Test", string lastName = "Person",
        string language = "en", string? role = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FirstName = firstName, LastName = lastName,
            Language = language, CreatedAt = Clock.GetUtcNow().UtcDateTime, TwoFactorEnabled = true,
        };
        (await users.CreateAsync(user, DemoPassword)).Succeeded.ShouldBeTrue();
        if (role is not null)
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user;
    }

    /// <summary>Starts the app on a real loopback port (for the browser) and returns its address.</summary>
    public string StartOnRealPort()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }
}
