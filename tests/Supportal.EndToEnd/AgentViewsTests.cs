using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.EndToEnd;

[Collection(SharedBrowser.Name)]
public sealed class AgentViewsTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private Task<long> TicketAsync(int organizationId, Guid requesterId, string subject, TicketPriority priority) => portal.Factory.WithDbAsync(async db =>
    {
        var now = portal.Factory.Clock.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            Subject = subject, Status = TicketStatus.New, Priority = priority, RequesterId = requesterId, OrganizationId = organizationId,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        return ticket.Id;
    });

    [Theory]
    [InlineData("en", "All open", "Pending", "Priority", "Organization", "Refresh", "Normal", "More filters")]
    [InlineData("pl", "Wszystkie otwarte", "Oczekujące", "Priorytet", "Organizacja", "Odśwież", "Normalny", "Więcej filtrów")]
    public async Task An_agent_switches_views_filters_without_a_reload_and_sees_a_new_ticket_after_a_refresh(
        string language, string allOpen, string pending, string priorityLabel, string organizationLabel, string refresh, string normal,
        string moreFilters)
    {
        var agent = await portal.Factory.CreateUserAsync($"views.{language}@agent.test", "Adam", "Agent", language, Roles.Agent);
        var requester = await portal.Factory.CreateUserAsync($"views.{language}@customer.test", "Rita", "Requester", language);
        var organizationId = await portal.Factory.WithDbAsync(async db =>
        {
            var organization = new Organization { Name = $"Views browser {language}" };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });
        var normalTicket = await TicketAsync(organizationId, requester.Id, "Printer offline", TicketPriority.Normal);
        await TicketAsync(organizationId, requester.Id, "Router reboots", TicketPriority.Low);
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, agent.Email!);

        // The page's timers run on a clock the test moves, so the 30-second poll can be seen without waiting for it.
        await page.Clock.InstallAsync();
        await page.GotoAsync("/Agent");
        await page.Locator("[data-view='Pending']").ClickAsync();
        await page.ShouldReachAsync("**/Agent?view=Pending");
        await Assertions.Expect(page.Locator("[data-list-title]")).ToHaveTextAsync(pending);
        await page.Locator("[data-view='AllOpen']").ClickAsync();
        await page.ShouldReachAsync("**/Agent?view=AllOpen");
        await Assertions.Expect(page.Locator("[data-list-title]")).ToHaveTextAsync(allOpen);
        await Assertions.Expect(page.Locator("[data-view='AllOpen']")).ToHaveAttributeAsync("aria-current", "page");

        // From here on the page is never reloaded: a marker on the window survives only partial swaps.
        await page.EvaluateAsync("() => window.viewsMarker = 'kept'");
        await Assertions.Expect(page.Locator("#views-filter").GetByLabel(organizationLabel, new() { Exact = true })).ToBeHiddenAsync();
        await page.GetByText(moreFilters).ClickAsync();
        // The organization is a search field: typing part of a name offers the organizations that contain it.
        var organizationField = page.Locator("#views-filter").GetByLabel(organizationLabel, new() { Exact = true });
        await organizationField.PressSequentiallyAsync($"BROWSER {language}");
        await page.Clock.RunForAsync(500);
        await Assertions.Expect(page.Locator($"#org-choices option[value='Views browser {language}']")).ToHaveCountAsync(1);
        await organizationField.FillAsync($"Views browser {language}");
        await organizationField.PressAsync("Enter");
        await Assertions.Expect(page.Locator("tr[data-ticket]")).ToHaveCountAsync(2);
        await page.Locator("#views-filter").GetByLabel(priorityLabel, new() { Exact = true }).SelectOptionAsync("Normal");
        await Assertions.Expect(page.Locator("tr[data-ticket]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"tr[data-ticket='{normalTicket}'] [data-priority]")).ToHaveTextAsync(normal);
        await page.ShouldReachAsync(new Regex($"^(?=.*[?&]priority=Normal)(?=.*[?&]orgName=Views(\\+|%20)browser(\\+|%20){language}(&|$))(?!.*handler=)"));
        (await page.EvaluateAsync<string?>("() => window.viewsMarker")).ShouldBe("kept");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"agent-views-{language}-desktop");

        // A ticket raised meanwhile shows after the refresh (the same request the 30-second poll makes), and the
        // counts too once the ones shown are too old to be shown while recounted in the background.
        var countBefore = int.Parse((await page.Locator("[data-count='AllOpen']").TextContentAsync())!.Replace(",", "").Replace("\u00a0", "").Trim(), CultureInfo.InvariantCulture);
        var raised = await TicketAsync(organizationId, requester.Id, "Scanner jams", TicketPriority.Normal);
        await Assertions.Expect(page.Locator($"tr[data-ticket='{raised}']")).ToHaveCountAsync(0);
        portal.Factory.Clock.Advance(ViewCounts.ShowStaleFor);
        await page.GetByRole(AriaRole.Link, new() { Name = refresh }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-ticket='{raised}']")).ToContainTextAsync("Scanner jams");
        await Assertions.Expect(page.Locator("tr[data-ticket]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-count='AllOpen']")).ToHaveTextAsync((countBefore + 1).ToString(CultureInfo.InvariantCulture));
        (await page.EvaluateAsync<string?>("() => window.viewsMarker")).ShouldBe("kept");

        // Without any click, the poll brings the next one within 30 seconds.
        var polled = await TicketAsync(organizationId, requester.Id, "Monitor flickers", TicketPriority.Normal);
        portal.Factory.Clock.Advance(ViewCounts.ShowStaleFor);
        await page.Clock.RunForAsync(20_000);
        await Assertions.Expect(page.Locator($"tr[data-ticket='{polled}']")).ToHaveCountAsync(0);
        await page.Clock.RunForAsync(11_000);
        await Assertions.Expect(page.Locator($"tr[data-ticket='{polled}']")).ToContainTextAsync("Monitor flickers");
        await Assertions.Expect(page.Locator("[data-count='AllOpen']")).ToHaveTextAsync((countBefore + 2).ToString(CultureInfo.InvariantCulture));
        (await page.EvaluateAsync<string?>("() => window.viewsMarker")).ShouldBe("kept");

        await page.Locator("[data-theme-toggle]").ClickAsync();
        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        await page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"agent-views-{language}-desktop-dark");
        await page.Locator("[data-theme-toggle]").ClickAsync();
        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("light");

        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
        await Assertions.Expect(page.Locator("[data-views]")).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"agent-views-{language}-phone");
    }

    [Theory]
    [InlineData("en", "Select all tickets on this page", "Select #{0}", "Assign", "Tickets updated: 2.")]
    [InlineData("pl", "Zaznacz wszystkie zgłoszenia na tej stronie", "Zaznacz #{0}", "Przypisz", "Zaktualizowane zgłoszenia: 2.")]
    public async Task An_agent_ticks_tickets_and_assigns_them_in_one_go_without_a_reload(
        string language, string selectAll, string selectOne, string assign, string updated)
    {
        var agent = await portal.Factory.CreateUserAsync($"bulk.{language}@agent.test", "Bruno", "Bulk", language, Roles.Agent);
        var colleague = await portal.Factory.CreateUserAsync($"bulk.{language}@colleague.test", "Cora", $"Colleague {language}", language, Roles.Agent);
        var requester = await portal.Factory.CreateUserAsync($"bulk.{language}@customer.test", "Rita", "Requester", language);
        var organizationId = await portal.Factory.WithDbAsync(async db =>
        {
            var organization = new Organization { Name = $"Views bulk {language}" };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });
        var first = await TicketAsync(organizationId, requester.Id, "Printer offline", TicketPriority.Normal);
        var second = await TicketAsync(organizationId, requester.Id, "Router reboots", TicketPriority.High);
        var kept = await TicketAsync(organizationId, requester.Id, "Scanner jams", TicketPriority.Low);
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, agent.Email!);
        await page.Clock.InstallAsync();
        await page.GotoAsync($"/Agent?view=AllOpen&org={organizationId}");
        await page.EvaluateAsync("() => window.viewsMarker = 'kept'");

        // "Select all" ticks the page; one tick taken off again leaves the box mixed.
        await page.GetByLabel(selectAll).CheckAsync();
        await Assertions.Expect(page.Locator("input[data-bulk-pick]:checked")).ToHaveCountAsync(3);
        await page.GetByLabel(string.Format(CultureInfo.InvariantCulture, selectOne, kept), new() { Exact = true }).UncheckAsync();
        (await page.GetByLabel(selectAll).EvaluateAsync<bool>("box => box.indeterminate")).ShouldBeTrue();

        // The 30-second poll waits while rows are ticked, so it cannot wipe the ticks.
        var raised = await TicketAsync(organizationId, requester.Id, "Monitor flickers", TicketPriority.Normal);
        await page.Clock.RunForAsync(31_000);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator($"tr[data-ticket='{raised}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("input[data-bulk-pick]:checked")).ToHaveCountAsync(2);
        await page.Locator("#bulk-assignee").SelectOptionAsync(new SelectOptionValue { Label = $"Cora Colleague {language}" });
        await page.GetByRole(AriaRole.Button, new() { Name = assign, Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-bulk-outcome]")).ToContainTextAsync(updated);
        await Assertions.Expect(page.Locator("[data-bulk-outcome]")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator($"tr[data-ticket='{first}']")).ToContainTextAsync($"Cora Colleague {language}");
        await Assertions.Expect(page.Locator($"tr[data-ticket='{second}']")).ToContainTextAsync($"Cora Colleague {language}");
        await Assertions.Expect(page.Locator($"tr[data-ticket='{kept}']")).Not.ToContainTextAsync("Cora");
        await Assertions.Expect(page.Locator("input[data-bulk-pick]:checked")).ToHaveCountAsync(0);
        (await page.EvaluateAsync<string?>("() => window.viewsMarker")).ShouldBe("kept");
        var assignees = await portal.Factory.WithDbAsync(db => db.Tickets.Where(t => t.OrganizationId == organizationId)
            .ToDictionaryAsync(t => t.Id, t => t.AssigneeId));
        assignees.ShouldBe(new Dictionary<long, Guid?> { [first] = colleague.Id, [second] = colleague.Id, [kept] = null, [raised] = null });
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"agent-views-bulk-{language}-desktop");

        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
        await Assertions.Expect(page.Locator("[data-bulk-action='TakeIt']")).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"agent-views-bulk-{language}-phone");
    }
}
