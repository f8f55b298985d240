using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

    // False for another node's factory: the database is the first node's to drop.
    private readonly bool ownsDatabase = true;

    public PortalFactory()
    {
    }

    private PortalFactory(FakeClock clock, TestDatabase database)
    {
        Clock = clock;
        this.database = database;
        ownsDatabase = false;
    }

    public FakeClock Clock { get; } = new();

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Extra configuration, applied over appsettings.json and the test database settings.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Seed:Demo"] = "true",
        ["Seed:DemoPassword"] = DemoPassword,
    };

    public string Environment { get; set; } = "Development";

    /// <summary>Service overrides for failure injection or settings that have no configuration key.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>Failure injection or inspection: adds interceptors to the portal's database context, whichever provider runs.</summary>
    protected void Intercept(params IInterceptor[] interceptors) => TestServices = services =>
    {
        services.ConfigureDbContext<SqliteAppDbContext>((_, options) => options.AddInterceptors(interceptors));
        services.ConfigureDbContext<PostgresAppDbContext>((_, options) => options.AddInterceptors(interceptors));
    };

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (database is not null && ownsDatabase)
            await database.DisposeAsync();
    }

    /// <summary>
    /// A second node of the same installation, as behind the load balancer: this portal's database, clock and settings,
    /// but its own app with its own in-memory state (caches, rate limits). The caller disposes it; the database stays.
    /// </summary>
    public PortalFactory AnotherNode()
    {
        var node = new PortalFactory(Clock, Database) { Environment = Environment };
        foreach (var (key, value) in Settings)
            node.Settings[key] = value;
        return node;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        var settings = Database.Settings();
        foreach (var (key, value) in Settings)
            settings[key] = value;
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(services);
        });
    }

    /// <summary>
    /// A browser-like client: keeps cookies, does not follow redirects by itself, and talks https as the
    /// production proxy does (outside Development cookies are Secure-only).
    /// </summary>
    public PortalClient CreatePortalClient()
    {
        var cookies = new CookieContainer();
        return new PortalClient(CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)), this, cookies);
    }

    /// <summary>The e-mails queued for an address, oldest first.</summary>
    public Task<List<Supportal.Email.OutboxMessage>> MailsToAsync(string email) =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The site-relative link in the newest e-mail to the address whose path contains the given text.</summary>
    public async Task<string> LinkInLatestMailAsync(string email, string pathContains)
    {
        var mail = (await MailsToAsync(email)).Last();
        var url = System.Text.RegularExpressions.Regex.Matches(mail.TextBody, @"https?://\S+").Select(m => new Uri(m.Value))
            .First(u => u.AbsolutePath.Contains(pathContains, StringComparison.OrdinalIgnoreCase));
        return url.PathAndQuery;
    }

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

    /// <summary>Puts a person in groups (seeded: 1 Polish team, 2 English team); agents see their groups' tickets.</summary>
    public Task JoinGroupsAsync(Guid userId, params int[] groupIds) => WithDbAsync(db =>
    {
        db.GroupMembers.AddRange(groupIds.Select(g => new Supportal.Workspace.GroupMember { GroupId = g, UserId = userId }));
        return db.SaveChangesAsync();
    });

    /// <summary>Starts the app on a real loopback port (for the browser) and returns its address.</summary>
    public string StartOnRealPort()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }
}
