using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Faults;

/// <summary>
/// Failure injection: while <see cref="Down"/> is set, every statement fails as it does when the database is away
/// (an SQLite file held by another process past the wait; a PostgreSQL server that refuses connections).
/// </summary>
public sealed class SimulatedOutage : DbCommandInterceptor
{
    private volatile bool down;

    public bool Down
    {
        get => down;
        set => down = value;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => down ? throw Failure(command) : ValueTask.FromResult(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => down ? throw Failure(command) : ValueTask.FromResult(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => down ? throw Failure(command) : ValueTask.FromResult(result);

    private static DbException Failure(DbCommand command) => command is SqliteCommand
        ? new SqliteException("database is locked", 5)
        : new NpgsqlException("Failed to connect to the server", new SocketException((int)SocketError.ConnectionRefused));
}

public sealed class OutagePortal : PortalFactory
{
    public SimulatedOutage Outage { get; } = new();

    public OutagePortal() => Intercept(Outage);
}

/// <summary>
/// While the database is away, signed-in people get the friendly "temporarily unavailable" page like everyone else,
/// and stay signed in for when it is back. Their session is checked against the database on every request, and the
/// error page must not need that check.
/// </summary>
public sealed class DatabaseOutageTests(OutagePortal portal) : IClassFixture<OutagePortal>
{
    [Fact]
    public async Task Signed_in_people_get_the_unavailable_page_in_their_language_and_are_still_signed_in_when_it_is_back()
    {
        const string email = "outage.reader@customer.test";
        var user = await portal.CreateUserAsync(email, "Ewa", "Nowak", language: "pl");
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        (await client.SignInAsync(email)).Path.ShouldBe("/Dashboard");
        var form = (await client.GetAsync("/Tickets/New")).Form();
        // Identity's own check of the security stamp falls due as well; it reads the database too.
        portal.Clock.Advance(TimeSpan.FromMinutes(31));

        portal.Outage.Down = true;
        Page page, posted;
        try
        {
            page = await client.GetAsync("/Dashboard");
            posted = await client.SubmitAsync(form, new Dictionary<string, string>
            {
                ["Input.Subject"] = "Written while the database is away", ["Input.Description"] = "Not saved.",
            });
        }
        finally
        {
            portal.Outage.Down = false;
        }

        foreach (var answer in new[] { page, posted })
        {
            answer.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            // The person's own language, not the browser's: the page keeps it from the cookie it cannot check.
            answer.Find("h1")!.TextContent.ShouldBe("Portal jest chwilowo niedostępny");
            answer.Text.ShouldNotContain("Exception");
        }
        var back = await client.GetAsync("/Dashboard");
        back.Status.ShouldBe(HttpStatusCode.OK);
        back.Path.ShouldBe("/Dashboard");
        (await portal.WithDbAsync(db => db.Tickets.CountAsync(t => t.RequesterId == user.Id))).ShouldBe(0);
    }
}
