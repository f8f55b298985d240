using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Supportal.Accounts;

namespace Supportal.EndToEnd;

/// <summary>An admin sets up the agent workspace: a group with a member, a calendar with holidays, SLA targets and routing.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AdminSlaTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["en"] = new()
        {
            ["groups"] = "Groups", ["groupName"] = "Group name", ["calendar"] = "Business calendar", ["add"] = "Add",
            ["groupAdded"] = "The group {0} has been added. Now add its members.", ["member"] = "Agent or admin", ["addMember"] = "Add member",
            ["memberAdded"] = "{0} is now a member of {1}.", ["memberRemoved"] = "{0} is no longer a member of {1}.",
            ["calendars"] = "Business calendars", ["calendarName"] = "Calendar name", ["zone"] = "Time zone", ["monday"] = "Monday",
            ["save"] = "Save", ["order"] = "Monday: each range must start before it ends.", ["date"] = "Date", ["name"] = "Name",
            ["addHoliday"] = "Add holiday", ["holidayAdded"] = "Bridge day (11/12/2027) is now a holiday in {0}.",
            ["meanwhile"] = "Someone else changed this calendar meanwhile, so nothing was saved. What you typed is kept; check the page and save again.",
        },
        ["pl"] = new()
        {
            ["groups"] = "Grupy", ["groupName"] = "Nazwa grupy", ["calendar"] = "Kalendarz pracy", ["add"] = "Dodaj",
            ["groupAdded"] = "Dodano grupę {0}. Teraz dodaj jej członków.", ["member"] = "Agent lub administrator", ["addMember"] = "Dodaj członka",
            ["memberAdded"] = "{0} jest teraz członkiem grupy {1}.", ["memberRemoved"] = "{0} nie jest już członkiem grupy {1}.",
            ["calendars"] = "Kalendarze pracy", ["calendarName"] = "Nazwa kalendarza", ["zone"] = "Strefa czasowa", ["monday"] = "Poniedziałek",
            ["save"] = "Zapisz", ["order"] = "Poniedziałek: każdy przedział musi zaczynać się przed swoim końcem.", ["date"] = "Data", ["name"] = "Nazwa",
            ["addHoliday"] = "Dodaj dzień wolny", ["holidayAdded"] = "Dzień 12.11.2027 (Bridge day) jest teraz dniem wolnym w kalendarzu {0}.",
            ["meanwhile"] = "W międzyczasie ktoś inny zmienił ten kalendarz, więc nic nie zapisano. Wpisane dane zostały zachowane; sprawdź stronę i zapisz ponownie.",
        },
    };

    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public async Task An_admin_sets_up_a_group_with_a_member_and_a_calendar_with_holidays(string language)
    {
        var t = Texts[language];
        var admin = await portal.Factory.CreateUserAsync($"sla.admin.{language}@example.com", "Ada", "Admińska", language, Roles.Admin);
        var agent = await portal.Factory.CreateUserAsync($"sla.agent.{language}@example.com", "Gabi", "Grupowa", language, Roles.Agent);
        var (groupName, calendarName) = ($"Browser {language} team", $"Browser {language} hours");
        var page = await browser.NewPageAsync(portal.Url, locale: language);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.SignInAsync(portal.Factory, admin.Email!);

        await page.GotoAsync("/Admin");
        await page.Locator("main a[href='/Admin/Groups']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(t["groups"]);
        await page.GetByLabel(t["groupName"]).FillAsync(groupName);
        await page.GetByLabel(t["calendar"]).SelectOptionAsync(new SelectOptionValue { Label = "Mon–Fri 08:00–16:00 (Europe/Warsaw)" });
        await page.GetByRole(AriaRole.Button, new() { Name = t["add"], Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, t["groupAdded"], groupName));
        var groupUrl = new Uri(page.Url).AbsolutePath;

        await page.GetByLabel(t["member"]).SelectOptionAsync(new SelectOptionValue { Label = $"Gabi Grupowa ({agent.Email})" });
        await page.GetByRole(AriaRole.Button, new() { Name = t["addMember"] }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, t["memberAdded"], agent.Email, groupName));
        await Assertions.Expect(page.Locator("[data-members] tbody tr")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("Gabi Grupowa")]);
        await ShotAsync(page, $"admin-groups-{language}-desktop");

        await page.GotoAsync("/Admin/Calendars");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(t["calendars"]);
        await page.GetByLabel(t["calendarName"]).FillAsync(calendarName);
        await page.GetByLabel(t["zone"]).FillAsync("Europe/Warsaw");
        await page.GetByRole(AriaRole.Button, new() { Name = t["add"], Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(calendarName);
        var calendarUrl = new Uri(page.Url).AbsolutePath;
        await page.GetByLabel(t["monday"]).FillAsync("16:00-08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = t["save"], Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Hours[0]']")).ToHaveTextAsync(t["order"]);
        await Assertions.Expect(page.GetByLabel(t["monday"])).ToHaveValueAsync("16:00-08:00");
        // Another admin saves the calendar meanwhile: nothing is saved, the typed hours stay, saving again goes through.
        await portal.Factory.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Name == calendarName)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1)));
        await page.GetByLabel(t["monday"]).FillAsync("08:00-12:00, 13:00-17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = t["save"], Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-errors]")).ToHaveTextAsync(t["meanwhile"]);
        await Assertions.Expect(page.GetByLabel(t["monday"])).ToHaveValueAsync("08:00-12:00, 13:00-17:00");
        await ShotAsync(page, $"admin-calendar-conflict-{language}-desktop");
        await page.SetViewportSizeAsync(390, 844);
        await ShotAsync(page, $"admin-calendar-conflict-{language}-phone");
        await page.SetViewportSizeAsync(1366, 900);
        await page.GetByRole(AriaRole.Button, new() { Name = t["save"], Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel(t["monday"])).ToHaveValueAsync("08:00–12:00, 13:00–17:00");

        await page.GetByLabel(t["date"], new() { Exact = true }).FillAsync("2027-11-12");
        await page.GetByLabel(t["name"], new() { Exact = true }).FillAsync("Bridge day");
        await page.GetByRole(AriaRole.Button, new() { Name = t["addHoliday"] }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, t["holidayAdded"], calendarName));
        await page.GetByLabel(t["date"], new() { Exact = true }).FillAsync("2027-05-04");
        await page.GetByLabel(t["name"], new() { Exact = true }).FillAsync("Company day");
        await page.GetByRole(AriaRole.Button, new() { Name = t["addHoliday"] }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-holiday]")).ToHaveCountAsync(2);
        (await page.Locator("tr[data-holiday]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.holiday)")).ShouldBe(["2027-05-04", "2027-11-12"]);
        await ShotAsync(page, $"admin-calendar-{language}-desktop");

        await page.GotoAsync("/Admin/SlaPolicies?edit=1");
        await ShotAsync(page, $"admin-sla-policies-{language}-desktop");
        await page.GotoAsync("/Admin/Routing");
        await ShotAsync(page, $"admin-routing-{language}-desktop");

        await page.SetViewportSizeAsync(390, 844);
        foreach (var (url, name) in new[] { (groupUrl, "groups"), (calendarUrl, "calendar"), ("/Admin/SlaPolicies?edit=1", "sla-policies"), ("/Admin/Routing", "routing") })
        {
            await page.GotoAsync(url);
            (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue(url);
            await ShotAsync(page, $"admin-{name}-{language}-phone");
        }
        await page.Locator("[data-theme-toggle]").ClickAsync();
        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        foreach (var (url, name) in new[] { (calendarUrl, "calendar"), (groupUrl, "groups") })
        {
            await page.GotoAsync(url);
            await page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
            await ShotAsync(page, $"admin-{name}-{language}-phone-dark");
        }

        // Removing a member asks first (the dialog is accepted above).
        await page.Locator($"tr[data-member='{agent.Email}'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, t["memberRemoved"], agent.Email, groupName));
        (await portal.Factory.WithDbAsync(db => db.GroupMembers.CountAsync(m => m.Group.Name == groupName))).ShouldBe(0);
        (await portal.Factory.WithDbAsync(db => db.Holidays.CountAsync(h => db.BusinessCalendars.Any(c => c.Id == h.CalendarId && c.Name == calendarName))))
            .ShouldBe(2);
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty(name);
        await Browser.ScreenshotAsync(page, name);
    }
}
