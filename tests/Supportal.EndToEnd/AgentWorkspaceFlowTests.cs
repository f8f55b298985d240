using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Supportal.Accounts;
using Supportal.Sla;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.EndToEnd;

/// <summary>
/// The agent workspace end to end, as one story in two browsers: a customer raises a request that is routed to
/// their language's team with SLA targets; an agent of that team finds it unassigned, takes it, notes internally
/// (the customer never sees the note, in the browser or by e-mail), replies with a macro as pending; the
/// customer's reply reopens it and the agent solves it. Then a second request misses its first-reply target on
/// the portal's clock and shows as overdue in the "SLA at risk or breached" view.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class AgentWorkspaceFlowTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private const int PolishTeam = 1, EnglishTeam = 2;

    private static readonly Dictionary<string, Dictionary<string, string>> Text = new()
    {
        ["en"] = new()
        {
            ["subject"] = "Subject", ["description"] = "Description", ["priority"] = "Priority", ["urgent"] = "Urgent", ["create"] = "Create",
            ["unassigned"] = "Unassigned", ["slaView"] = "SLA at risk or breached", ["breach"] = "First reply target breached", ["overdue"] = "1 h 30 min overdue", ["atRisk"] = "At risk longest",
            ["take"] = "Take it", ["saved"] = "The ticket has been saved.", ["message"] = "Message", ["save"] = "Save changes",
            ["noteAdded"] = "The internal note has been added.", ["macro"] = "Macro", ["personal"] = "{0} (personal)", ["apply"] = "Apply",
            ["pending"] = "Submit as Pending", ["solved"] = "Submit as Solved", ["replySent"] = "The reply has been sent.",
            ["agentNew"] = "New", ["agentOpen"] = "Open", ["agentPending"] = "Pending", ["agentSolved"] = "Solved",
            ["awaiting"] = "Awaiting your reply", ["open"] = "Open", ["solvedStatus"] = "Solved",
            ["reply"] = "Your reply", ["send"] = "Send reply", ["replied"] = "Your reply has been added.",
            ["macroBody"] = "Hello {{requester.name}}, about request #{{ticket.number}}: please install the new printer driver and let us know.",
            ["filled"] = "Hello {0}, about request #{1}: please install the new printer driver and let us know.",
        },
        ["pl"] = new()
        {
            ["subject"] = "Temat", ["description"] = "Opis", ["priority"] = "Priorytet", ["urgent"] = "Pilny", ["create"] = "Utwórz",
            ["unassigned"] = "Nieprzypisane", ["slaView"] = "SLA zagrożone lub przekroczone", ["breach"] = "Przekroczono czas na pierwszą odpowiedź", ["overdue"] = "po terminie 1 h 30 min", ["atRisk"] = "Najdłużej zagrożone",
            ["take"] = "Przejmij", ["saved"] = "Zgłoszenie zostało zapisane.", ["message"] = "Wiadomość", ["save"] = "Zapisz zmiany",
            ["noteAdded"] = "Dodano notatkę wewnętrzną.", ["macro"] = "Makro", ["personal"] = "{0} (osobiste)", ["apply"] = "Zastosuj",
            ["pending"] = "Wyślij jako Oczekujące", ["solved"] = "Wyślij jako Rozwiązane", ["replySent"] = "Odpowiedź została wysłana.",
            ["agentNew"] = "Nowe", ["agentOpen"] = "Otwarte", ["agentPending"] = "Oczekujące", ["agentSolved"] = "Rozwiązane",
            ["awaiting"] = "Oczekuje na Twoją odpowiedź", ["open"] = "Otwarte", ["solvedStatus"] = "Rozwiązane",
            ["reply"] = "Twoja odpowiedź", ["send"] = "Wyślij odpowiedź", ["replied"] = "Twoja odpowiedź została dodana.",
            ["macroBody"] = "Dzień dobry {{requester.name}}, w sprawie zgłoszenia #{{ticket.number}}: prosimy zainstalować nowy sterownik drukarki.",
            ["filled"] = "Dzień dobry {0}, w sprawie zgłoszenia #{1}: prosimy zainstalować nowy sterownik drukarki.",
        },
    };

    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public async Task A_routed_request_is_taken_noted_privately_answered_by_macro_reopened_by_the_customer_solved_and_a_missed_target_shows_overdue(
        string language)
    {
        var t = Text[language];
        var team = language == "pl" ? PolishTeam : EnglishTeam;
        var teamName = language == "pl" ? "Polish team" : "English team";
        // The SLA part counts business hours: start on a working morning (09:00 or 10:00 in Warsaw), so the Polish
        // team's calendar is running and the whole story stays inside one sign-in session of the portal's clock.
        await MoveClockToNextWorkingMorningAsync();

        var customerEmail = $"flow.customer.{language}@customer.test";
        var agentEmail = $"flow.agent.{language}@support.test";
        var (customerName, agentName) = language == "pl" ? ("Renata Kowalska", "Olga Nowak") : ("Rita Owner", "Oliver Grant");
        await portal.Factory.CreateUserAsync(customerEmail, customerName.Split(' ')[0], customerName.Split(' ')[1], language);
        var agentUser = await portal.Factory.CreateUserAsync(agentEmail, agentName.Split(' ')[0], agentName.Split(' ')[1], language, role: Roles.Agent);
        var macroName = $"Printer driver ({language})";
        await portal.Factory.WithDbAsync(db =>
        {
            db.GroupMembers.Add(new GroupMember { GroupId = team, UserId = agentUser.Id });
            db.Macros.Add(new Macro { Name = macroName, Body = t["macroBody"], OwnerId = agentUser.Id, SetStatus = TicketStatus.Pending });
            return db.SaveChangesAsync();
        });
        var subject = $"Label printer prints blank pages ({language})";
        var noteMarker = $"Q-{language.ToUpperInvariant()}-4471";
        var note = $"Internal: the printer is out of warranty, quote a replacement ({noteMarker}).";

        // 1. The customer raises the request in their own browser; it goes to their language's team with targets.
        var customer = await browser.NewPageAsync(portal.Url);
        await customer.SignInAsync(portal.Factory, customerEmail);
        var id = await RaiseAsync(customer, t, subject, urgent: false);
        var routed = await portal.Factory.WithDbAsync(db => db.Tickets.Where(x => x.Id == id)
            .Select(x => new { x.GroupId, x.AssigneeId, Targets = db.TicketSlas.Where(s => s.TicketId == x.Id && s.DueAt != null).Select(s => s.Metric).ToList() })
            .SingleAsync());
        routed.GroupId.ShouldBe(team);
        routed.AssigneeId.ShouldBeNull();
        routed.Targets.Order().ShouldBe([SlaMetric.FirstReply, SlaMetric.Resolution]);

        // 2. The team's agent finds it in "Unassigned", opens it and takes it.
        var agent = await browser.NewPageAsync(portal.Url);
        await agent.SignInAsync(portal.Factory, agentEmail);
        await agent.GotoAsync("/Agent");
        // "Unassigned" is the workspace's first view, at the plain address.
        await agent.Locator("[data-view='Unassigned']").ClickAsync();
        await Assertions.Expect(agent.Locator("[data-view='Unassigned']")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(agent.Locator("[data-list-title]")).ToHaveTextAsync(t["unassigned"]);
        var row = agent.Locator($"tr[data-ticket='{id}']");
        await Assertions.Expect(row).ToContainTextAsync(subject);
        await Assertions.Expect(row).ToContainTextAsync(teamName);
        await row.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await agent.ShouldReachAsync($"**/Agent/Tickets/{id}");
        await Assertions.Expect(agent.Locator("[data-agent-status]").First).ToHaveTextAsync(t["agentNew"]);
        await Assertions.Expect(agent.Locator("select[name='Input.GroupId'] option:checked")).ToHaveTextAsync(teamName);

        await agent.GetByRole(AriaRole.Button, new() { Name = t["take"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["saved"]);
        await Assertions.Expect(agent.Locator("select[name='Input.AssigneeId'] option:checked")).ToHaveTextAsync(agentName);
        await Assertions.Expect(agent.Locator("[data-agent-status]").First).ToHaveTextAsync(t["agentOpen"]);

        // An internal note: marked as such for the agent, absent from the customer's page and mail.
        await agent.Locator("label[for=mode-note]").ClickAsync();
        await agent.GetByLabel(t["message"], new() { Exact = true }).FillAsync(note);
        await agent.GetByRole(AriaRole.Button, new() { Name = t["save"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["noteAdded"]);
        await Assertions.Expect(agent.Locator("[data-comment][data-public=false]")).ToContainTextAsync(noteMarker);

        await customer.GotoAsync($"/Tickets/{id}");
        await Assertions.Expect(customer.Locator("[data-ticket-title]")).ToContainTextAsync($"#{id}");
        await Assertions.Expect(customer.Locator("[data-comment]")).ToHaveCountAsync(1);
        await Assertions.Expect(customer.Locator("main")).Not.ToContainTextAsync(noteMarker);

        // 3. A personal macro fills the reply (requester's name, ticket number) and suggests Pending.
        var filled = string.Format(CultureInfo.InvariantCulture, t["filled"], customerName, id);
        await agent.Locator("label[for=mode-public]").ClickAsync();
        await agent.GetByLabel(t["macro"], new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = string.Format(CultureInfo.InvariantCulture, t["personal"], macroName) });
        await agent.GetByRole(AriaRole.Button, new() { Name = t["apply"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByLabel(t["message"], new() { Exact = true })).ToHaveValueAsync(filled);
        await Assertions.Expect(agent.Locator("[data-submit-as='Pending']")).ToHaveAttributeAsync("data-suggested", "true");
        await agent.GetByRole(AriaRole.Button, new() { Name = t["pending"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["replySent"]);
        await Assertions.Expect(agent.Locator("[data-agent-status]").First).ToHaveTextAsync(t["agentPending"]);
        await Assertions.Expect(agent.Locator("[data-comment][data-public=true]").Last).ToContainTextAsync(filled);
        await Assertions.Expect(agent.Locator("[data-comment][data-public=false]")).ToContainTextAsync(noteMarker);
        (await Accessibility.SeriousViolationsAsync(agent)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(agent, $"agent-flow-{language}-desktop");

        await customer.ReloadAsync();
        await Assertions.Expect(customer.Locator("[data-status]")).ToHaveTextAsync(t["awaiting"]);
        await Assertions.Expect(customer.Locator("[data-comment]")).ToHaveCountAsync(2);
        await Assertions.Expect(customer.Locator("[data-comment]").Nth(1)).ToContainTextAsync(filled);
        await Assertions.Expect(customer.Locator("main")).Not.ToContainTextAsync(noteMarker);
        var mails = await portal.Factory.MailsToAsync(customerEmail);
        mails.ShouldContain(m => m.TextBody.Contains(filled));
        mails.ShouldAllBe(m => !m.Subject.Contains(noteMarker) && !m.TextBody.Contains(noteMarker) && !m.HtmlBody.Contains(noteMarker));

        // 4. The customer's reply reopens it for the agent.
        await customer.GetByLabel(t["reply"], new() { Exact = true }).FillAsync("The new driver did not help, the pages are still blank.");
        await customer.GetByRole(AriaRole.Button, new() { Name = t["send"], Exact = true }).ClickAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["replied"]);
        await Assertions.Expect(customer.Locator("[data-status]")).ToHaveTextAsync(t["open"]);
        await agent.ReloadAsync();
        await Assertions.Expect(agent.Locator("[data-agent-status]").First).ToHaveTextAsync(t["agentOpen"]);
        await Assertions.Expect(agent.Locator("[data-agent-status]").First).ToHaveAttributeAsync("data-agent-status", "Open");

        // 5. The agent solves it; the customer sees it solved.
        await agent.GetByLabel(t["message"], new() { Exact = true }).FillAsync("Replaced the print head; test pages are fine now.");
        await agent.GetByRole(AriaRole.Button, new() { Name = t["solved"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["replySent"]);
        await Assertions.Expect(agent.Locator("[data-agent-status]").First).ToHaveTextAsync(t["agentSolved"]);
        await customer.ReloadAsync();
        await Assertions.Expect(customer.Locator("[data-status]")).ToHaveTextAsync(t["solvedStatus"]);
        await Assertions.Expect(customer.Locator("main")).Not.ToContainTextAsync(noteMarker);
        (await portal.Factory.MailsToAsync(customerEmail))
            .ShouldAllBe(m => !m.Subject.Contains(noteMarker) && !m.TextBody.Contains(noteMarker) && !m.HtmlBody.Contains(noteMarker));

        // 6. An urgent request (first reply due in one business hour) is taken but not answered in time.
        var lateSubject = $"Warehouse scanners are down ({language})";
        var late = await RaiseAsync(customer, t, lateSubject, urgent: true);
        await agent.GotoAsync($"/Agent/Tickets/{late}");
        await agent.GetByRole(AriaRole.Button, new() { Name = t["take"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["saved"]);
        var due = await portal.Factory.WithDbAsync(db => db.TicketSlas
            .Where(s => s.TicketId == late && s.Metric == SlaMetric.FirstReply).Select(s => s.DueAt).SingleAsync());
        due.ShouldNotBeNull();
        (due.Value - Now).ShouldBe(TimeSpan.FromHours(1));
        portal.Factory.Clock.Advance(due.Value.AddMinutes(90) - Now);
        // The round the monitor would run in the background (off in tests), run here: it records the breach at the due time.
        await portal.Factory.Services.GetRequiredService<SlaMonitor>().RunOnceAsync();
        var breach = await portal.Factory.WithDbAsync(db => db.TicketSlas
            .Where(s => s.TicketId == late && s.Metric == SlaMetric.FirstReply).Select(s => s.BreachedAt).SingleAsync());
        breach.ShouldBe(due);

        await agent.GotoAsync("/Agent");
        await agent.Locator("[data-view='SlaAtRisk']").ClickAsync();
        await agent.ShouldReachAsync("**/Agent?view=SlaAtRisk");
        await Assertions.Expect(agent.Locator("[data-list-title]")).ToHaveTextAsync(t["slaView"]);
        var lateRow = agent.Locator($"tr[data-ticket='{late}']");
        await Assertions.Expect(lateRow).ToContainTextAsync(lateSubject);
        await Assertions.Expect(lateRow.Locator("[data-sla]")).ToHaveTextAsync(t["overdue"]);
        await Assertions.Expect(lateRow.Locator("[data-sla] .text-danger-emphasis")).ToBeVisibleAsync();
        // The solved request met its targets and is not listed.
        await Assertions.Expect(agent.Locator($"tr[data-ticket='{id}']")).ToHaveCountAsync(0);
        // The view opens in its own order, longest at risk first.
        await Assertions.Expect(agent.Locator("#sort option:checked")).ToHaveTextAsync(t["atRisk"]);
        await Browser.ScreenshotAsync(agent, $"agent-views-sla-{language}-desktop");
        // The breach is in the ticket's history, in the agent's language.
        await lateRow.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(agent.Locator("[data-breach]")).ToHaveTextAsync(t["breach"]);
    }

    private DateTime Now => portal.Factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Raises an administrative request through the customer's form and returns its number.</summary>
    private static async Task<long> RaiseAsync(IPage page, Dictionary<string, string> t, string subject, bool urgent)
    {
        await page.GotoAsync("/Tickets/New");
        await page.GetByLabel(t["subject"], new() { Exact = true }).FillAsync(subject);
        await page.GetByLabel(t["description"], new() { Exact = true }).FillAsync("It started after this morning's update.");
        if (urgent)
            await page.GetByLabel(t["priority"], new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = t["urgent"] });
        await page.GetByRole(AriaRole.Button, new() { Name = t["create"], Exact = true }).ClickAsync();
        await page.ShouldReachAsync(TicketAddress());
        return long.Parse(TicketAddress().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/Tickets/(\d+)$")]
    private static partial Regex TicketAddress();

    /// <summary>
    /// Moves the portal's clock forward to 08:00 UTC of the next working day of the Polish team's calendar (no
    /// week-end, no holiday). The clock only moves forward, so sign-in cookies the browser already holds stay valid.
    /// </summary>
    private async Task MoveClockToNextWorkingMorningAsync()
    {
        var holidays = await portal.Factory.WithDbAsync(db => db.Holidays
            .Where(h => db.Groups.Any(g => g.Id == PolishTeam && g.CalendarId == h.CalendarId)).Select(h => h.Date).ToListAsync());
        var day = DateOnly.FromDateTime(Now).AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(day))
            day = day.AddDays(1);
        portal.Factory.Clock.Advance(day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc) - Now);
    }
}
