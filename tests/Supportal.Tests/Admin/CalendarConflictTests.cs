using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using static Supportal.Tests.Admin.WorkspaceAdminData;

namespace Supportal.Tests.Admin;

/// <summary>
/// Failure injection: when armed, another admin's save of every calendar slips in just before the portal writes a
/// calendar's new version — the instant between reading the calendar and saving it that no two browsers can hit on cue.
/// </summary>
public sealed class CalendarSaveRace : DbCommandInterceptor
{
    public bool Armed { get; set; }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Armed && command.CommandText.Contains("UPDATE \"BusinessCalendars\""))
        {
            Armed = false;
            await using var other = command.Connection!.CreateCommand();
            other.Transaction = command.Transaction;
            other.CommandText = "UPDATE \"BusinessCalendars\" SET \"Version\" = \"Version\" + 1";
            await other.ExecuteNonQueryAsync(cancellationToken);
        }
        return result;
    }
}

public sealed class CalendarRacePortal : PortalFactory
{
    public CalendarSaveRace Race { get; } = new();

    public CalendarRacePortal() => Intercept(Race);
}

/// <summary>Two admins changing one calendar: the later save never silently undoes the earlier one.</summary>
public sealed class CalendarConflictTests(CalendarRacePortal portal) : IClassFixture<CalendarRacePortal>
{
    private const string Refused = "W międzyczasie ktoś inny zmienił ten kalendarz, więc nic nie zapisano. Wpisane dane zostały zachowane; sprawdź stronę i zapisz ponownie.";

    private Task<List<string>> HolidaysAsync(string calendar) => portal.WithDbAsync(db => db.Holidays
        .Where(h => db.BusinessCalendars.Any(c => c.Id == h.CalendarId && c.Name == calendar)).Select(h => h.Name).ToListAsync());

    private Task<string> MondayAsync(int id) => portal.WithDbAsync(db => db.BusinessHours.Where(h => h.CalendarId == id && h.Day == DayOfWeek.Monday)
        .Select(h => $"{h.Start:HH\\:mm}-{h.End:HH\\:mm}").SingleAsync());

    [Fact]
    public async Task Saving_a_calendar_someone_changed_after_it_was_opened_is_refused_with_the_input_kept_and_can_then_be_saved()
    {
        using var first = await portal.AdminAsync();
        using var second = await portal.AdminAsync();
        var list = await CalendarPage.OpenListAsync(first);
        var added = await list.AddCalendarAsync(Values(("Input.Name", "Shared desk"), ("Input.TimeZone", "Europe/Warsaw")));
        var id = await portal.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Name == "Shared desk").Select(c => c.Id).SingleAsync());
        var stale = await CalendarPage.OpenAsync(second, id);

        await added.SaveAsync(Values(("Input.Hours[0]", "07:00-15:00")));
        var refused = await stale.SaveAsync(Values(("Input.Hours[0]", "10:00-18:00")));

        refused.Find("[data-errors]")!.TextContent.Trim().ShouldBe(Refused);
        refused.Find("input[name='Input.Hours[0]']")!.GetAttribute("value").ShouldBe("10:00-18:00");
        (await MondayAsync(id)).ShouldBe("07:00-15:00");

        var saved = await refused.SaveAsync();
        saved.Find("[role=status]")!.TextContent.ShouldBe("Zapisano kalendarz Shared desk.");
        (await MondayAsync(id)).ShouldBe("10:00-18:00");
    }

    [Fact]
    public async Task A_calendar_form_with_a_garbled_version_is_refused_with_the_input_kept_and_can_then_be_saved()
    {
        using var client = await portal.AdminAsync();
        var list = await CalendarPage.OpenListAsync(client);
        var page = await list.AddCalendarAsync(Values(("Input.Name", "Tampered desk"), ("Input.TimeZone", "UTC")));
        var id = await portal.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Name == "Tampered desk").Select(c => c.Id).SingleAsync());
        var before = await MondayAsync(id);

        var refused = await page.SaveAsync(Values(("Input.Version", "x1"), ("Input.Hours[0]", "06:00-14:00")));

        refused.Find("[data-errors]")!.TextContent.Trim().ShouldBe(Refused);
        refused.Find("input[name='Input.Hours[0]']")!.GetAttribute("value").ShouldBe("06:00-14:00");
        (await MondayAsync(id)).ShouldBe(before);
        await refused.SaveAsync();
        (await MondayAsync(id)).ShouldBe("06:00-14:00");
    }

    [Fact]
    public async Task A_holiday_added_or_removed_while_the_calendar_is_being_saved_elsewhere_is_refused_and_changes_nothing()
    {
        using var client = await portal.AdminAsync();
        var list = await CalendarPage.OpenListAsync(client);
        var page = await list.AddCalendarAsync(Values(("Input.Name", "Raced holidays"), ("Input.TimeZone", "UTC")));
        page = await page.AddHolidayAsync("2027-05-03", "Konstytucja");

        portal.Race.Armed = true;
        var refused = await page.AddHolidayAsync("2027-11-11", "Niepodległość");

        refused.Find("[data-errors]")!.TextContent.Trim().ShouldBe(Refused);
        refused.Find("input[name='Holiday.Name']")!.GetAttribute("value").ShouldBe("Niepodległość");
        (await HolidaysAsync("Raced holidays")).ShouldBe(["Konstytucja"]);

        portal.Race.Armed = true;
        var removal = await client.SubmitAsync(page.Form("tr[data-holiday='2027-05-03'] form"));

        removal.Find("[data-errors]")!.TextContent.Trim().ShouldBe(Refused);
        (await HolidaysAsync("Raced holidays")).ShouldBe(["Konstytucja"]);
    }
}
