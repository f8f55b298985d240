using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Pages;

/// <summary>
/// An admin's business calendars: the list at /Admin/Calendars, where a calendar is added, and a calendar at
/// /Admin/Calendars/{id}, with its name, time zone, weekly hours and holidays.
/// </summary>
public sealed class CalendarPage(PortalClient client, Page page) : PortalPage(client, page)
{
    public const string AddCalendarForm = "form[data-add-calendar]";
    public const string DetailsForm = "form[data-calendar-details]";
    public const string AddHolidayForm = "form[data-add-holiday]";

    /// <summary>The list of calendars; the query may ask to delete one (<c>?delete=1</c>).</summary>
    public static async Task<CalendarPage> OpenListAsync(PortalClient client, string query = "") =>
        new(client, await client.GetAsync("/Admin/Calendars" + query));

    public static async Task<CalendarPage> OpenAsync(PortalClient client, int id) => new(client, await client.GetAsync($"/Admin/Calendars/{id}"));

    /// <summary>Adds a calendar from the list; answers with the new calendar's page.</summary>
    public async Task<CalendarPage> AddCalendarAsync(IReadOnlyDictionary<string, string> values) =>
        new(Client, await SubmitFormAsync(AddCalendarForm, values));

    /// <summary>Saves the calendar's name, zone and hours as shown, overridden by the values.</summary>
    public async Task<CalendarPage> SaveAsync(IReadOnlyDictionary<string, string>? values = null) =>
        new(Client, await SubmitFormAsync(DetailsForm, values));

    public async Task<CalendarPage> AddHolidayAsync(string date, string name) =>
        new(Client, await SubmitFormAsync(AddHolidayForm, Fields(("Holiday.Date", date), ("Holiday.Name", name))));
}
