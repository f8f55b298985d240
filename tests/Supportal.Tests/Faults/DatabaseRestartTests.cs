using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;

namespace Supportal.Tests.Faults;

/// <summary>The app over a database on a PostgreSQL server of the test's own, which the test stops and starts.</summary>
public sealed class ClusterPortal(PostgresCluster cluster, bool migrate) : PortalFactory
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(migrate, cluster.ConnectionString);
}

/// <summary>
/// A real outage: the PostgreSQL server stopped and started again while the portal runs. Only on the suite's
/// PostgreSQL run; an SQLite file cannot go away like this (<see cref="DatabaseOutageTests"/> covers both).
/// </summary>
public sealed class DatabaseRestartTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>
{
    private const string Unavailable = "The portal is temporarily unavailable";

    [Fact]
    public async Task A_restart_under_load_leaves_every_request_whole_or_absent_and_the_portal_recovers_by_itself()
    {
        if (TestDatabase.Provider != DatabaseProvider.Postgres)
            return;
        await cluster.StartAsync();
        var portal = new ClusterPortal(cluster, migrate: true);
        await ((IAsyncLifetime)portal).InitializeAsync();
        var clients = new List<PortalClient>();
        try
        {
            var watcher = await SignedInAsync(portal, "outage.watcher@customer.test");
            clients.Add(watcher);
            var customers = new List<PortalClient>();
            for (var i = 0; i < 3; i++)
                customers.Add(await SignedInAsync(portal, string.Create(CultureInfo.InvariantCulture, $"outage.load{i}@customer.test")));
            clients.AddRange(customers);
            var created = new ConcurrentQueue<long>();
            var failures = new ConcurrentQueue<Page>();
            using var stop = new CancellationTokenSource();
            var load = customers.Select(c => Task.Run(() => RaiseRequestsAsync(c, created, failures, stop.Token))).ToList();

            await Eventually.TrueAsync(() => Task.FromResult(created.Count >= customers.Count), "requests before the outage");
            await cluster.StopAsync();
            var down = await watcher.GetAsync("/Dashboard");
            await Eventually.TrueAsync(() => Task.FromResult(failures.Count >= customers.Count), "requests during the outage");
            var before = created.Count;
            await cluster.StartAsync();
            // No restart of the app: its connections to the stopped server are replaced as they are found broken.
            await Eventually.TrueAsync(async () => (await watcher.GetAsync("/Dashboard")).Status == HttpStatusCode.OK, "the portal to answer again");
            await Eventually.TrueAsync(() => Task.FromResult(created.Count >= before + customers.Count), "requests after the outage");
            await stop.CancelAsync();
            await Task.WhenAll(load);

            down.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            down.Find("h1")!.TextContent.ShouldBe(Unavailable);
            // A statement cut off as the server stops may fail another way than "unavailable"; still a friendly page.
            foreach (var failure in failures)
            {
                (failure.Find("h1")?.TextContent ?? "").ShouldBeOneOf(Unavailable, "Something went wrong");
                failure.Text.ShouldNotContain("Exception");
            }
            var tickets = await portal.WithDbAsync(db => db.Tickets.AsNoTracking().Where(t => t.Requester.Email!.StartsWith("outage.load"))
                .Select(t => new { t.Id, Comments = t.Comments.Count, Targets = db.TicketSlas.Count(s => s.TicketId == t.Id) }).ToListAsync());
            var receipts = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress.StartsWith("outage.load")).Select(m => m.Subject).ToListAsync());
            created.ShouldBeSubsetOf(tickets.Select(t => t.Id));
            // Every request there is whole: its first comment, its first-reply and resolution targets, its receipt.
            tickets.Where(t => t.Comments != 1 || t.Targets != 2
                || receipts.Count(r => r.Contains(string.Create(CultureInfo.InvariantCulture, $"[#{t.Id}]"), StringComparison.Ordinal)) != 1)
                .Select(t => t.Id).ShouldBeEmpty();
            (await watcher.GetAsync("/Dashboard")).Path.ShouldBe("/Dashboard");
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
            await DisposeAsync(portal);
        }
    }

    [Fact]
    public async Task In_development_the_portal_starts_without_its_database_and_adds_the_demo_data_once_it_is_back()
    {
        if (TestDatabase.Provider != DatabaseProvider.Postgres)
            return;
        await cluster.StartAsync();
        // An empty database, as before the migrate command; Development adds demo data.
        var portal = new ClusterPortal(cluster, migrate: false) { WaitForDemoData = false };
        await ((IAsyncLifetime)portal).InitializeAsync();
        try
        {
            await cluster.StopAsync();
            using var client = portal.CreatePortalClient();

            var health = await client.Http.GetAsync("/health");
            var signIn = await (await SignInPage.OpenAsync(client)).SubmitAsync("customer@example.com");

            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            signIn.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            signIn.Find("h1")!.TextContent.ShouldBe(Unavailable);

            await cluster.StartAsync();
            await portal.Database.MigrateAsync();
            // The seeding tries again after a pause on the portal's clock, which the test moves.
            var seeded = portal.Services.GetRequiredService<DemoDataSeeder>().Seeded;
            await Eventually.TrueAsync(() =>
            {
                portal.Clock.Advance(DemoDataSeeder.Pause);
                return Task.FromResult(seeded.IsCompleted);
            }, "the demo data to be added");
            await seeded;
            (await client.Http.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.SignInAsync("customer@example.com")).Find("h1")!.TextContent.ShouldBe("Welcome, Chris Taylor");
        }
        finally
        {
            await DisposeAsync(portal);
        }
    }

    /// <summary>The test's database is dropped on the server, which a failing test may have left stopped.</summary>
    private async Task DisposeAsync(PortalFactory portal)
    {
        await cluster.StartAsync();
        await ((IAsyncLifetime)portal).DisposeAsync();
    }

    private static async Task<PortalClient> SignedInAsync(PortalFactory portal, string email)
    {
        await portal.CreateUserAsync(email);
        var client = portal.CreatePortalClient();
        (await client.SignInAsync(email)).Path.ShouldBe("/Dashboard");
        return client;
    }

    /// <summary>One customer raising administrative requests one after another, as fast as the portal answers.</summary>
    private static async Task RaiseRequestsAsync(PortalClient client, ConcurrentQueue<long> created, ConcurrentQueue<Page> failures,
        CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var form = await client.GetAsync("/Tickets/New");
            if (form.Status != HttpStatusCode.OK)
            {
                failures.Enqueue(form);
                // As a person would, rather than a loop that keeps both cores busy with refusals.
                await Task.Delay(50, CancellationToken.None);
                continue;
            }
            var answer = await client.SubmitAsync(form.Form(), new Dictionary<string, string>
            {
                ["Input.Subject"] = string.Create(CultureInfo.InvariantCulture, $"Request {n} under load"), ["Input.Description"] = "The printer is on fire.",
            }, follow: false);
            if (answer.Status == HttpStatusCode.Redirect && answer.Response.Headers.Location?.OriginalString is { } location
                && location.StartsWith("/Tickets/", StringComparison.Ordinal))
                created.Enqueue(long.Parse(location["/Tickets/".Length..], CultureInfo.InvariantCulture));
            else
                failures.Enqueue(answer);
        }
    }
}
