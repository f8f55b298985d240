using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Email;
using Supportal.Sla;

namespace Supportal.Tests.Infrastructure;

/// <summary>
/// The whole app over a real, throwaway database, with a hand-moved clock. Subclasses or callers add settings
/// (SMTP, environment) before the first request.
/// </summary>
/// <remarks>
/// The clock is a <see cref="FakeTimeProvider"/>: it stands still until a test moves it, and only forward. Timers made
/// from it fire only when it is moved past them, which is why the app's background loops are off unless a test turns
/// them on (<see cref="BackgroundLoops"/>). Parts of ASP.NET Core Identity read the system clock instead (account
/// lockout, authenticator codes), so the fake clock starts at the real time and those parts agree with it.
/// </remarks>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo-Password-2026";

    private TestDatabase? database;

    // False for another node's factory: the database is the first node's to drop.
    private readonly bool ownsDatabase;

    public PortalFactory()
        : this(NowInWholeSeconds(), null)
    {
    }

    private PortalFactory(FakeTimeProvider clock, TestDatabase? database)
    {
        Clock = clock;
        this.database = database;
        ownsDatabase = database is null;
    }

    public FakeTimeProvider Clock { get; }

    // Whole seconds: PostgreSQL keeps microseconds, so a time with finer ticks would not read back equal.
    private static FakeTimeProvider NowInWholeSeconds() => StartingAt(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    private static FakeTimeProvider StartingAt(DateTimeOffset start)
    {
        var clock = new FakeTimeProvider();
        clock.SetUtcNow(start);
        return clock;
    }

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Extra configuration, applied over appsettings.json and the test database settings.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Seed:Demo"] = "true",
        ["Seed:DemoPassword"] = DemoPassword,
        // What CreatePortalClient talks to, so links in e-mails lead back to the same portal.
        ["Portal:PublicUrl"] = "https://localhost",
    };

    public string Environment { get; set; } = "Development";

    /// <summary>
    /// Whether the outbox sender and the SLA monitor run their rounds in the background, as in production. Off by
    /// default: their timers run on the fake clock, so every move of it past their interval would start a round
    /// that races the rounds a test runs itself (<see cref="OutboxSender.DeliverDueAsync"/>,
    /// <see cref="SlaMonitor.RunOnceAsync"/>). A test that turns them on starts a round by moving the clock.
    /// </summary>
    public bool BackgroundLoops { get; set; }

    /// <summary>
    /// Whether the app counts as started only once its demo data is in place, as tests expect of their first request. The
    /// app adds it in the background (<see cref="DemoDataSeeder"/>); a test of a start without a database turns this off.
    /// </summary>
    public bool WaitForDemoData { get; set; } = true;

    /// <summary>Service overrides for failure injection or settings that have no configuration key.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>Failure injection or inspection: adds interceptors to the portal's database context, whichever provider runs.</summary>
    protected void Intercept(params IInterceptor[] interceptors) => TestServices = services =>
    {
        services.ConfigureDbContext<SqliteAppDbContext>((_, options) => options.AddInterceptors(interceptors));
        services.ConfigureDbContext<PostgresAppDbContext>((_, options) => options.AddInterceptors(interceptors));
    };

    public async Task InitializeAsync() => database = await CreateDatabaseAsync();

    /// <summary>The throwaway database the app runs over; a subclass may put it on a PostgreSQL server of its own.</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();

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
    public PortalFactory AnotherNode() => Node(Clock);

    /// <summary>
    /// This portal's app started again over the same database and settings, with a clock of its own that starts at
    /// <paramref name="start"/>. The clock only moves forward, so tests that each set their own instants, some
    /// earlier than another test's, take one each. The caller disposes it; the database stays.
    /// </summary>
    public PortalFactory StartedAt(DateTimeOffset start)
    {
        var node = Node(StartingAt(start));
        node.TestServices = TestServices;
        return node;
    }

    private PortalFactory Node(FakeTimeProvider clock)
    {
        var node = new PortalFactory(clock, Database) { Environment = Environment, BackgroundLoops = BackgroundLoops };
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
            if (!BackgroundLoops)
                LeaveOutBackgroundLoops(services);
            TestServices?.Invoke(services);
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        // The factory builds its host synchronously; the seeding runs on the thread pool, so waiting here cannot deadlock.
        if (WaitForDemoData)
            host.Services.GetRequiredService<DemoDataSeeder>().Seeded.WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        return host;
    }

    /// <summary>
    /// Keeps the outbox sender and the SLA monitor from starting as hosted services; they stay registered, for tests to
    /// run their rounds. The app registers each as a hosted service that resolves its singleton.
    /// </summary>
    private static void LeaveOutBackgroundLoops(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i] is { IsKeyedService: false, ImplementationFactory: { } create } && services[i].ServiceType == typeof(IHostedService))
            {
                services[i] = ServiceDescriptor.Singleton<IHostedService>(provider => create(provider) switch
                {
                    OutboxSender or SlaMonitor => new LoopLeftOut(),
                    var service => (IHostedService)service,
                });
            }
        }
    }

    private sealed class LoopLeftOut : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
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
        // The port is chosen before the start so that links in e-mails name it; a port freed a moment ago is
        // not handed out again so soon.
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = $"http://127.0.0.1:{port}";
        Settings["Portal:PublicUrl"] = url;
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        return url;
    }
}
