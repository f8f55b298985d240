using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Data;
using Supportal.Sla;
using Supportal.Tests.Admin;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using Supportal.Tickets;
using static Supportal.Tests.Admin.WorkspaceAdminData;

namespace Supportal.Tests.Sla;

/// <summary>The queries the current test sends, told apart from the background services' by the async flow that started recording.</summary>
public sealed class QueryLog : DbCommandInterceptor
{
    private readonly AsyncLocal<List<string>?> recording = new();

    /// <summary>From now on, the text of every query this flow sends is added to the list returned.</summary>
    public List<string> Record() => recording.Value = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        recording.Value?.Add(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        recording.Value?.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

public sealed class QueryLogPortal : PortalFactory
{
    public QueryLog Queries { get; } = new();

    public QueryLogPortal() => Intercept(Queries);
}

/// <summary>
/// Each node keeps the built clock of a calendar and reads only its version on a ticket change, yet an admin's edit on
/// any node counts from the next change on. The Polish team's calendar (seeded): Mon–Fri 08:00–16:00 Warsaw time.
/// </summary>
public sealed class CalendarCacheTests(QueryLogPortal installation) : IClassFixture<QueryLogPortal>, IAsyncLifetime
{
    private const int Warsaw = 1;

    // Each test sets instants of its own, and the clock only moves forward: every test runs on the app started
    // again over the class's database, with a clock of its own.
    private readonly PortalFactory portal = installation.StartedAt(SlaData.Start);

    private QueryLog Queries => installation.Queries;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => portal.DisposeAsync().AsTask();

    private static bool ReadsHoursOrHolidays(string sql) => sql.Contains("\"BusinessHours\"") || sql.Contains("\"Holidays\"");

    [Fact]
    public async Task A_ticket_change_with_the_calendar_built_reads_only_its_version_and_an_edit_makes_the_next_one_read_it_again()
    {
        portal.SetClock("2027-03-10 09:00");
        var ticket = await portal.RequestAsync("warm@cache.test", "pl");

        var queries = Queries.Record();
        await portal.ChangeAsync(ticket.Id, t => t.Priority = TicketPriority.High);

        queries.ShouldNotContain(q => ReadsHoursOrHolidays(q));
        queries.Count(q => q.Contains("\"BusinessCalendars\"")).ShouldBe(1);
        (await portal.TargetsAsync(ticket.Id))[SlaMetric.FirstReply].TargetSeconds.ShouldBe(4 * 3600);

        // A holiday saved as the admin screen saves it: the calendar loaded, the holiday added, one save.
        await portal.WithDbAsync(async db =>
        {
            await db.BusinessCalendars.FindAsync(Warsaw);
            db.Holidays.Add(new Holiday { CalendarId = Warsaw, Date = new DateOnly(2030, 1, 2), Name = "Dzień serwisowy" });
            return await db.SaveChangesAsync();
        });
        queries = Queries.Record();
        await portal.ChangeAsync(ticket.Id, t => t.Priority = TicketPriority.Urgent);
        queries.Count(q => ReadsHoursOrHolidays(q)).ShouldBe(2);

        queries = Queries.Record();
        await portal.ChangeAsync(ticket.Id, t => t.Priority = TicketPriority.Low);
        queries.ShouldNotContain(q => ReadsHoursOrHolidays(q));
    }

    [Fact]
    public async Task A_calendar_is_built_once_per_version_and_an_older_version_does_not_replace_a_newer_one()
    {
        var cache = new CalendarCache();
        var version = await portal.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Id == Warsaw).Select(c => c.Version).SingleAsync());

        var first = await portal.WithDbAsync(db => cache.GetAsync(db, Warsaw, version));
        (await portal.WithDbAsync(db => cache.GetAsync(db, Warsaw, version))).ShouldBeSameAs(first);

        await portal.WithDbAsync(async db =>
        {
            (await db.BusinessCalendars.FindAsync(Warsaw))!.Name = "Biuro w Warszawie";
            return await db.SaveChangesAsync();
        });
        var changed = await portal.WithDbAsync(db => cache.GetAsync(db, Warsaw, version + 1));
        changed.ShouldNotBeSameAs(first);
        // A request that read the version before the edit gets the current clock, which stays the one kept.
        (await portal.WithDbAsync(db => cache.GetAsync(db, Warsaw, version))).ShouldBeSameAs(changed);
        (await portal.WithDbAsync(db => cache.GetAsync(db, Warsaw, version + 1))).ShouldBeSameAs(changed);
    }

    [Fact]
    public async Task Of_two_saves_made_from_the_same_version_of_a_calendar_the_second_is_refused()
    {
        // Both would write the same next version over different holidays; a node could keep the first one's clock.
        using var firstScope = portal.Services.CreateScope();
        using var secondScope = portal.Services.CreateScope();
        var first = firstScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<AppDbContext>();
        await first.BusinessCalendars.FindAsync(Warsaw);
        await second.BusinessCalendars.FindAsync(Warsaw);

        first.Holidays.Add(new Holiday { CalendarId = Warsaw, Date = new DateOnly(2031, 5, 2), Name = "Majówka" });
        await first.SaveChangesAsync();
        second.Holidays.Add(new Holiday { CalendarId = Warsaw, Date = new DateOnly(2031, 5, 4), Name = "Majówka" });

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        (await portal.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Date == new DateOnly(2031, 5, 4)))).ShouldBeFalse();
    }

    [Fact]
    public async Task Hours_or_holidays_saved_without_their_calendar_loaded_are_refused_as_its_version_could_not_rise()
    {
        var saving = portal.WithDbAsync(db =>
        {
            db.Holidays.Add(new Holiday { CalendarId = Warsaw, Date = new DateOnly(2031, 6, 1), Name = "Dzień Dziecka" });
            return db.SaveChangesAsync();
        });

        await Should.ThrowAsync<InvalidOperationException>(saving);
        (await portal.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Date == new DateOnly(2031, 6, 1)))).ShouldBeFalse();
    }

    [Fact]
    public async Task Hours_and_holidays_changed_on_another_node_count_for_the_next_request_here()
    {
        // Saturday 19 June 2027, 10:00 Warsaw time (08:00Z): a normal request's first reply is due in 8 office hours.
        portal.SetClock("2027-06-19 08:00");
        var before = await portal.RequestAsync("before@nodes.test", "pl");
        (await portal.TargetsAsync(before.Id))[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2027-06-21 14:00"));

        await using var other = portal.AnotherNode();
        using var admin = await other.AdminAsync();
        var page = await CalendarPage.OpenAsync(admin, Warsaw);

        // Mondays from 10:00: 6 hours on Monday, the last 2 on Tuesday from 08:00 Warsaw time.
        page = await page.SaveAsync(Values(("Input.Hours[0]", "10:00-16:00")));
        var shorterMonday = await portal.RequestAsync("hours@nodes.test", "pl");
        (await portal.TargetsAsync(shorterMonday.Id))[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2027-06-22 08:00"));

        page = await page.AddHolidayAsync("2027-06-22", "Dzień serwisowy");
        var tuesdayOff = await portal.RequestAsync("holiday@nodes.test", "pl");
        (await portal.TargetsAsync(tuesdayOff.Id))[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2027-06-23 08:00"));

        await admin.SubmitAsync(page.Form("tr[data-holiday='2027-06-22'] form"));
        var tuesdayBack = await portal.RequestAsync("back@nodes.test", "pl");
        (await portal.TargetsAsync(tuesdayBack.Id))[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2027-06-22 08:00"));
    }
}
