using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Sla;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using Supportal.Tests.Sla;
using static Supportal.Tests.Admin.WorkspaceAdminData;

namespace Supportal.Tests.Admin;

/// <summary>Admins manage business calendars: time zone, weekly hours, holidays; and the SLA clock follows them.</summary>
public sealed class CalendarsPageTests : IClassFixture<PortalFactory>
{
    private const int Warsaw = 1;
    private readonly PortalFactory portal;

    public CalendarsPageTests(PortalFactory portal) => this.portal = portal;

    private Task<List<string>> HoursAsync(int id) => portal.WithDbAsync(db => db.BusinessHours.Where(h => h.CalendarId == id)
        .OrderBy(h => h.Id).Select(h => $"{h.Day} {h.Start:HH\\:mm}-{h.End:HH\\:mm}").ToListAsync());

    private static Dictionary<string, string> Week(params string[] days) =>
        days.Select((text, i) => (Name: $"Input.Hours[{i}]", Value: text)).ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public async Task An_admin_adds_a_calendar_and_sets_its_zone_and_weekly_hours()
    {
        using var client = await portal.AdminAsync();
        var admin = await client.GetAsync("/Admin");
        var list = new CalendarPage(client, await client.GetAsync(admin.Find("main a[href='/Admin/Calendars']")!.GetAttribute("href")!));

        var added = await list.AddCalendarAsync(Values(("Input.Name", "Dublin office"), ("Input.TimeZone", " Europe/Dublin ")));

        added.Find("[role=status]")!.TextContent.ShouldBe("Dodano kalendarz Dublin office.");
        var id = await portal.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Name == "Dublin office").Select(c => c.Id).SingleAsync());
        added.Path.ShouldBe($"/Admin/Calendars/{id}");
        (await HoursAsync(id)).ShouldBe(["Monday 08:00-16:00", "Tuesday 08:00-16:00", "Wednesday 08:00-16:00", "Thursday 08:00-16:00", "Friday 08:00-16:00"]);
        added.Find("input[name='Input.Hours[0]']")!.GetAttribute("value").ShouldBe("08:00–16:00");
        added.Find("input[name='Input.Hours[6]']")!.GetAttribute("value").ShouldBe("");
        added.Find("label[for='hours-0']")!.TextContent.ShouldBe("Poniedziałek");

        var values = Week("13:00-16:30; 8:00 – 12:00", "09:00–17:00", "", "", "09:00-17:00", "10:00-14:00", "22:00-24:00");
        values["Input.Name"] = "Dublin office hours";
        values["Input.TimeZone"] = "Europe/London";
        var saved = await added.SaveAsync(values);

        saved.Find("[role=status]")!.TextContent.ShouldBe("Zapisano kalendarz Dublin office hours.");
        (await HoursAsync(id)).Order().ShouldBe(["Friday 09:00-17:00", "Monday 08:00-12:00", "Monday 13:00-16:30", "Saturday 10:00-14:00",
            "Sunday 22:00-00:00", "Tuesday 09:00-17:00"]);
        (await portal.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Id == id).Select(c => new { c.Name, c.TimeZone, c.AroundTheClock }).SingleAsync()))
            .ShouldBe(new { Name = "Dublin office hours", TimeZone = "Europe/London", AroundTheClock = false });
        saved.Find("input[name='Input.Hours[0]']")!.GetAttribute("value").ShouldBe("08:00–12:00, 13:00–16:30");
        saved.Find("input[name='Input.Hours[6]']")!.GetAttribute("value").ShouldBe("22:00–24:00");
        (await portal.WorkspaceAuditsAsync()).ShouldContain(a => a.StartsWith($"calendar {id} changed: Dublin office hours (Europe/London); Monday: 08:00–12:00, 13:00–16:30"));
    }

    // Each refusal shows by its field (one admin session: sign-ins are rate limited per address).
    private static readonly (string Field, string Value, string Error)[] Refusals =
    [
        ("Input.TimeZone", "Mars/Olympus_Mons", "Mars/Olympus_Mons nie jest znaną strefą czasową. Wpisz strefę IANA, np. Europe/Warsaw."),
        ("Input.TimeZone", "", "Pole Strefa czasowa jest wymagane."),
        ("Input.Name", "", "Pole Nazwa kalendarza jest wymagane."),
        ("Input.Name", "24/7", "Kalendarz o nazwie 24/7 już istnieje."),
        ("Input.Hours[1]", "8-16", "Wtorek: wpisz każdy przedział jako GG:mm–GG:mm, np. 08:00–16:00."),
        ("Input.Hours[1]", "08:00-25:00", "Wtorek: wpisz każdy przedział jako GG:mm–GG:mm, np. 08:00–16:00."),
        ("Input.Hours[1]", "08:70-12:00", "Wtorek: wpisz każdy przedział jako GG:mm–GG:mm, np. 08:00–16:00."),
        ("Input.Hours[1]", "16:00-08:00", "Wtorek: każdy przedział musi zaczynać się przed swoim końcem."),
        ("Input.Hours[1]", "12:00-12:00", "Wtorek: każdy przedział musi zaczynać się przed swoim końcem."),
        ("Input.Hours[1]", "08:00-12:00, 11:30-14:00", "Wtorek: przedziały nakładają się na siebie."),
    ];

    [Fact]
    public async Task A_refused_change_shows_its_error_by_the_field_keeps_the_input_and_changes_nothing()
    {
        using var client = await portal.AdminAsync();
        var page = await CalendarPage.OpenAsync(client, Warsaw);
        var before = await HoursAsync(Warsaw);

        foreach (var (field, value, error) in Refusals)
        {
            var refused = await page.SaveAsync(Values((field, value), ("Input.Hours[3]", "07:00-15:00")));

            refused.FieldError(field).ShouldBe(error, field + " " + value);
            refused.Find($"[name='{field}']")!.GetAttribute("value").ShouldBe(value);
            refused.Find("input[name='Input.Hours[3]']")!.GetAttribute("value").ShouldBe("07:00-15:00");
        }
        (await HoursAsync(Warsaw)).ShouldBe(before);
        (await portal.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Id == Warsaw).Select(c => c.Name + " " + c.TimeZone).SingleAsync()))
            .ShouldBe("Mon–Fri 08:00–16:00 (Europe/Warsaw) Europe/Warsaw");
    }

    [Fact]
    public async Task A_calendar_without_hours_must_run_around_the_clock()
    {
        using var client = await portal.AdminAsync();
        var page = await CalendarPage.OpenAsync(client, Warsaw);

        var refused = await page.SaveAsync(Week("", "", "", "", "", "", ""));
        refused.FieldError("Input.Hours").ShouldBe("Wpisz godziny pracy dla co najmniej jednego dnia albo włącz „Całodobowo”.");
        (await HoursAsync(Warsaw)).Count.ShouldBe(5);

        var list = await CalendarPage.OpenListAsync(client);
        var added = await list.AddCalendarAsync(
            Values(("Input.Name", "Always on"), ("Input.TimeZone", "UTC"), ("Input.AroundTheClock", "true")));
        var values = Week("", "", "", "", "", "", "");
        values["Input.AroundTheClock"] = "true";
        var saved = await added.SaveAsync(values);

        saved.Find("[role=status]")!.TextContent.ShouldBe("Zapisano kalendarz Always on.");
        (await portal.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Name == "Always on").Select(c => new { c.AroundTheClock, Hours = c.Hours.Count }).SingleAsync()))
            .ShouldBe(new { AroundTheClock = true, Hours = 0 });
    }

    [Fact]
    public async Task Holidays_are_listed_by_date_added_once_per_date_and_removed_after_confirmation()
    {
        using var client = await portal.AdminAsync();
        var list = await CalendarPage.OpenListAsync(client);
        var page = await list.AddCalendarAsync(Values(("Input.Name", "Holiday test"), ("Input.TimeZone", "Europe/Warsaw")));
        page.Find("[data-empty]")!.TextContent.ShouldBe("W tym kalendarzu nie ma dni wolnych.");

        page = await page.AddHolidayAsync("2027-12-31", "Sylwester");
        page.Find("[role=status]")!.TextContent.ShouldBe("Dzień 31.12.2027 (Sylwester) jest teraz dniem wolnym w kalendarzu Holiday test.");
        page = await page.AddHolidayAsync("2027-01-02", "Dzień firmy");
        page.FindAll("tr[data-holiday]").Select(r => r.GetAttribute("data-holiday")).ShouldBe(["2027-01-02", "2027-12-31"]);

        var count = await portal.WithDbAsync(db => db.Holidays.CountAsync());
        var taken = await page.AddHolidayAsync("2027-12-31", "Again");
        taken.FieldError("Holiday.Date").ShouldBe("Dzień 31.12.2027 jest już dniem wolnym: Sylwester.");
        taken.Find("input[name='Holiday.Name']")!.GetAttribute("value").ShouldBe("Again");
        var noDate = await page.AddHolidayAsync("", "Someday");
        noDate.FieldError("Holiday.Date").ShouldBe("Pole Data jest wymagane.");
        var noName = await page.AddHolidayAsync("2027-06-01", "");
        noName.FieldError("Holiday.Name").ShouldBe("Pole Nazwa jest wymagane.");
        noName.Find("input[name='Holiday.Date']")!.GetAttribute("value").ShouldBe("2027-06-01");
        (await portal.WithDbAsync(db => db.Holidays.CountAsync())).ShouldBe(count);

        var remove = page.Form("tr[data-holiday='2027-12-31'] form");
        remove.GetAttribute("data-confirm").ShouldBe("Usunąć dzień wolny Sylwester (31.12.2027)?");
        var removed = await client.SubmitAsync(remove);
        removed.Find("[role=status]")!.TextContent.ShouldBe("Dzień 31.12.2027 (Sylwester) nie jest już dniem wolnym w kalendarzu Holiday test.");
        removed.FindAll("tr[data-holiday]").Select(r => r.GetAttribute("data-holiday")).ShouldBe(["2027-01-02"]);
        (await portal.WorkspaceAuditsAsync()).ShouldContain(a => a.EndsWith("holiday removed: 2027-12-31 Sylwester"));
    }

    [Fact]
    public async Task A_calendar_a_group_uses_is_not_deleted_and_an_unused_one_is_after_confirmation()
    {
        using var client = await portal.AdminAsync();
        var inUse = await CalendarPage.OpenListAsync(client, $"?delete={Warsaw}");
        inUse.Find("[data-in-use]")!.TextContent.ShouldContain("dopóki korzystają z niego grupy (liczba grup: 1)");
        inUse.Find("[data-delete-calendar] form").ShouldBeNull();

        var added = await inUse.AddCalendarAsync(Values(("Input.Name", "Short lived"), ("Input.TimeZone", "UTC")));
        var id = await portal.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Name == "Short lived").Select(c => c.Id).SingleAsync());
        var confirm = await client.GetAsync($"/Admin/Calendars?delete={id}");
        confirm.Find("[data-delete-calendar]")!.TextContent.ShouldContain("Usunąć kalendarz Short lived");

        // The same form aimed at the calendar in use is refused when posted.
        var form = confirm.Form("[data-delete-calendar] form");
        var action = form.GetAttribute("action")!;
        form.SetAttribute("action", action.Replace($"id={id}", $"id={Warsaw}"));
        (await client.SubmitAsync(form)).Find("[data-in-use]").ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.BusinessCalendars.AnyAsync(c => c.Id == Warsaw))).ShouldBeTrue();

        form.SetAttribute("action", action);
        var deleted = await client.SubmitAsync(form);
        deleted.Find("[role=status]")!.TextContent.ShouldBe("Usunięto kalendarz Short lived.");
        (await portal.WithDbAsync(db => db.BusinessCalendars.AnyAsync(c => c.Id == id))).ShouldBeFalse();
        (await portal.WithDbAsync(db => db.BusinessHours.AnyAsync(h => h.CalendarId == id))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("customer@example.com")]
    [InlineData("agent@example.com")]
    public async Task Only_admins_reach_the_calendars(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);

        (await client.GetAsync("/Admin/Calendars")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/Admin/Calendars/{Warsaw}")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>The calendar as edited on the screen is the one the SLA clock counts in (its own app: the clock moves).</summary>
public sealed class CalendarSlaTests(PortalFactory installation) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const int Warsaw = 1;

    // The clock only moves forward: the app started again with a clock from before the instant the test sets.
    private readonly PortalFactory portal = installation.StartedAt(SlaData.Start);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => portal.DisposeAsync().AsTask();

    [Fact]
    public async Task A_holiday_added_on_the_screen_moves_the_due_time_of_a_new_request()
    {
        // Saturday 19 June 2027, 10:00 Warsaw time; Monday 21 June becomes a holiday of the Polish team's calendar.
        portal.SetClock("2027-06-19 08:00");
        using var client = await portal.AdminAsync();
        var page = await CalendarPage.OpenAsync(client, Warsaw);
        var before = await portal.RequestAsync("before.holiday@calendars.test", "pl");

        await page.AddHolidayAsync("2027-06-21", "Dzień serwisowy");
        var after = await portal.RequestAsync("after.holiday@calendars.test", "pl");

        // Normal priority, first reply in 8 office hours: Monday 08:00–16:00 Warsaw (06:00–14:00Z), or Tuesday once Monday is off.
        (await portal.TargetsAsync(before.Id))[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2027-06-21 14:00"));
        (await portal.TargetsAsync(after.Id))[SlaMetric.FirstReply].DueAt.ShouldBe(SlaData.Utc("2027-06-22 14:00"));
    }
}
