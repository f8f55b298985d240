using Microsoft.Playwright;
using Supportal.Accounts;

namespace Supportal.EndToEnd;

/// <summary>
/// An agent works a customer's request on the ticket screen: takes it, notes internally, replies as pending; the
/// customer sees and gets only the reply and answers, which reopens it; the agent solves it.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AgentTicketTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Text = new()
    {
        ["en"] = new()
        {
            ["take"] = "Take it", ["note"] = "Internal note", ["public"] = "Public reply", ["message"] = "Message", ["preview"] = "Preview",
            ["save"] = "Save changes", ["pending"] = "Submit as Pending", ["solved"] = "Submit as Solved", ["saved"] = "The ticket has been saved.",
            ["noteAdded"] = "The internal note has been added.", ["replySent"] = "The reply has been sent.",
            ["reply"] = "Your reply", ["send"] = "Send reply", ["replied"] = "Your reply has been added.",
        },
        ["pl"] = new()
        {
            ["take"] = "Przejmij", ["note"] = "Notatka wewnętrzna", ["public"] = "Odpowiedź publiczna", ["message"] = "Wiadomość", ["preview"] = "Podgląd",
            ["save"] = "Zapisz zmiany", ["pending"] = "Wyślij jako Oczekujące", ["solved"] = "Wyślij jako Rozwiązane", ["saved"] = "Zgłoszenie zostało zapisane.",
            ["noteAdded"] = "Dodano notatkę wewnętrzną.", ["replySent"] = "Odpowiedź została wysłana.",
            ["reply"] = "Twoja odpowiedź", ["send"] = "Wyślij odpowiedź", ["replied"] = "Twoja odpowiedź została dodana.",
        },
    };

    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public async Task An_agent_takes_notes_and_replies_the_customer_sees_only_the_reply_and_reopens_it_and_the_agent_solves_it(string language)
    {
        var t = Text[language];
        var customerEmail = $"agent.flow.customer.{language}@customer.test";
        var agentEmail = $"agent.flow.agent.{language}@support.test";
        var customer = await portal.Factory.CreateUserAsync(customerEmail, "Rita", "Owner", language);
        var agentUser = await portal.Factory.CreateUserAsync(agentEmail, "Adam", "Agent", language, role: Roles.Agent);
        await portal.Factory.JoinGroupsAsync(agentUser.Id, 1, 2);
        var id = await portal.Factory.CreateRequestAsync(customer.Id, $"Label printer ({language})");
        const string note = "Internal: the customer's printer is out of warranty";
        const string reply = "Please install the **new driver** and tell us how it goes.";

        var agent = await browser.NewPageAsync(portal.Url);
        await agent.SignInAsync(portal.Factory, agentEmail);
        await agent.GotoAsync($"/Agent/Tickets/{id}");
        await Assertions.Expect(agent.Locator("[data-ticket-title]")).ToContainTextAsync($"#{id}");
        await Assertions.Expect(agent.Locator("[data-agent-status]")).ToHaveAttributeAsync("data-agent-status", "New");
        (await Accessibility.SeriousViolationsAsync(agent)).ShouldBeEmpty();

        await agent.GetByRole(AriaRole.Button, new() { Name = t["take"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["saved"]);
        await Assertions.Expect(agent.Locator("select[name='Input.AssigneeId'] option:checked")).ToHaveTextAsync("Adam Agent");

        await agent.Locator("label[for=mode-note]").ClickAsync();
        await Assertions.Expect(agent.Locator("[data-composer]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("bg-warning-subtle"));
        await agent.GetByLabel(t["message"], new() { Exact = true }).FillAsync(note);
        await agent.GetByRole(AriaRole.Button, new() { Name = t["save"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["noteAdded"]);
        await Assertions.Expect(agent.Locator("[data-comment][data-public=false] [data-note]")).ToContainTextAsync(t["note"]);

        await agent.Locator("label[for=mode-public]").ClickAsync();
        await agent.GetByLabel(t["message"], new() { Exact = true }).FillAsync(reply);
        await agent.EvaluateAsync("() => { window.samePage = true; }");
        await agent.GetByRole(AriaRole.Button, new() { Name = t["preview"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.Locator("[data-preview-output] strong")).ToHaveTextAsync("new driver");
        // The preview came by script: the page (and the text typed) stayed.
        await Assertions.Expect(agent.GetByLabel(t["message"], new() { Exact = true })).ToHaveValueAsync(reply);
        (await agent.EvaluateAsync<bool>("() => window.samePage === true")).ShouldBeTrue();
        (await Accessibility.SeriousViolationsAsync(agent)).ShouldBeEmpty();
        await agent.GetByRole(AriaRole.Button, new() { Name = t["pending"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["replySent"]);
        await Assertions.Expect(agent.Locator("[data-agent-status]").First).ToHaveAttributeAsync("data-agent-status", "Pending");
        await Assertions.Expect(agent.Locator("[data-comment][data-public=true]").Last.Locator("strong")).ToHaveTextAsync("new driver");
        (await Accessibility.SeriousViolationsAsync(agent)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(agent, $"agent-ticket-{language}-desktop");

        // The customer, in a browser of their own, sees the reply but never the note, nor gets it by e-mail.
        var mails = await portal.Factory.MailsToAsync(customerEmail);
        mails.ShouldContain(m => m.TextBody.Contains("new driver"));
        mails.ShouldAllBe(m => !m.TextBody.Contains("out of warranty") && !m.HtmlBody.Contains("out of warranty"));
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, customerEmail);
        await page.GotoAsync($"/Tickets/{id}");
        await Assertions.Expect(page.Locator("[data-comment]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-comment]").Nth(1).Locator("strong")).ToHaveTextAsync("new driver");
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("out of warranty");
        await page.GetByLabel(t["reply"]).FillAsync("The new driver did not help.");
        await page.GetByRole(AriaRole.Button, new() { Name = t["send"] }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["replied"]);

        // The customer's reply reopened it; the agent solves it.
        await agent.ReloadAsync();
        await Assertions.Expect(agent.Locator("[data-agent-status]").First).ToHaveAttributeAsync("data-agent-status", "Open");
        await agent.GetByLabel(t["message"], new() { Exact = true }).FillAsync("Fixed with the firmware update.");
        await agent.GetByRole(AriaRole.Button, new() { Name = t["solved"], Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["replySent"]);
        await Assertions.Expect(agent.Locator("[data-agent-status]").First).ToHaveAttributeAsync("data-agent-status", "Solved");
        await Assertions.Expect(agent.Locator("[data-history] [data-event=Status]")).ToHaveCountAsync(4);

        await agent.SetViewportSizeAsync(390, 844);
        (await Accessibility.SeriousViolationsAsync(agent)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(agent, $"agent-ticket-{language}-phone");
        await agent.Locator("[data-theme-toggle]").ClickAsync();
        (await agent.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        (await Accessibility.SeriousViolationsAsync(agent)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(agent, $"agent-ticket-{language}-phone-dark");
    }

    [Theory]
    [InlineData("en", "Macro", "Apply", "Submit as Pending", "The reply has been sent.", "Priority → High")]
    [InlineData("pl", "Makro", "Zastosuj", "Wyślij jako Oczekujące", "Odpowiedź została wysłana.", "Priorytet → Wysoki")]
    public async Task An_agent_applies_a_macro_reviews_the_filled_reply_and_submits_it_as_pending(string language, string macroLabel, string apply,
        string pending, string sent, string priorityChange)
    {
        var customer = await portal.Factory.CreateUserAsync($"agent.macro.customer.{language}@customer.test", "Ewa", "Marzec", language);
        var agentEmail = $"agent.macro.agent.{language}@support.test";
        var agentUser = await portal.Factory.CreateUserAsync(agentEmail, "Adam", "Agent", language, role: Roles.Agent);
        await portal.Factory.JoinGroupsAsync(agentUser.Id, 1, 2);
        var id = await portal.Factory.CreateRequestAsync(customer.Id, $"Invoice question ({language})");
        var macroName = $"Billing check ({language})";
        await portal.Factory.WithDbAsync(async db =>
        {
            db.Macros.Add(new Supportal.Workspace.Macro
            {
                Name = macroName, Body = "Hello {{requester.name}}, we are checking #{{ticket.number}}.",
                SetStatus = Supportal.Tickets.TicketStatus.Pending, SetPriority = Supportal.Tickets.TicketPriority.High, AddTags = "billing",
            });
            return await db.SaveChangesAsync();
        });

        var agent = await browser.NewPageAsync(portal.Url);
        await agent.SignInAsync(portal.Factory, agentEmail);
        await agent.GotoAsync($"/Agent/Tickets/{id}");
        await agent.GetByLabel(macroLabel, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = macroName });
        await agent.EvaluateAsync("() => { window.samePage = true; }");
        await agent.GetByRole(AriaRole.Button, new() { Name = apply, Exact = true }).ClickAsync();

        await Assertions.Expect(agent.Locator("[data-macro-changes]")).ToContainTextAsync(priorityChange);
        await Assertions.Expect(agent.Locator("textarea[name='Input.Body']")).ToHaveValueAsync($"Hello Ewa Marzec, we are checking #{id}.");
        await Assertions.Expect(agent.Locator("input[name='Input.Tags']")).ToHaveValueAsync("billing");
        await Assertions.Expect(agent.Locator("[data-submit-as='Pending']")).ToHaveAttributeAsync("data-suggested", "true");
        (await agent.EvaluateAsync<bool>("() => window.samePage === true")).ShouldBeTrue();
        (await Accessibility.SeriousViolationsAsync(agent)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(agent, $"agent-ticket-macro-{language}-desktop");

        await agent.GetByRole(AriaRole.Button, new() { Name = pending, Exact = true }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync(sent);
        await Assertions.Expect(agent.Locator("[data-agent-status]").First).ToHaveAttributeAsync("data-agent-status", "Pending");
        await Assertions.Expect(agent.Locator("[data-comment][data-public=true]").Last).ToContainTextAsync($"Hello Ewa Marzec, we are checking #{id}.");
        await Assertions.Expect(agent.Locator("select[name='Input.Priority']")).ToHaveValueAsync("High");
    }

    [Theory]
    [InlineData("en", "SLA targets", "First reply within 4 h, calendar hours", "At risk", "0 h 45 min left", "Resolution within 16 h, calendar hours", "12 h 45 min left")]
    [InlineData("pl", "Cele SLA", "Pierwsza odpowiedź w ciągu 4 h, w czasie kalendarzowym", "Zagrożony", "Zostało 0 h 45 min",
        "Rozwiązanie w ciągu 16 h, w czasie kalendarzowym", "Zostało 12 h 45 min")]
    public async Task The_side_panel_shows_the_SLA_targets_with_the_one_at_risk_in_amber(string language, string title, string firstReply,
        string atRisk, string firstLeft, string resolution, string resolutionLeft)
    {
        // An English-speaking customer's High request goes to the English team (around the clock): first reply 4 h, resolution 16 h.
        var customer = await portal.Factory.CreateUserAsync($"agent.sla.customer.{language}@customer.test", "Lena", "Nowak", "en");
        var agentEmail = $"agent.sla.agent.{language}@support.test";
        var agentUser = await portal.Factory.CreateUserAsync(agentEmail, "Adam", "Agent", language, role: Roles.Agent);
        await portal.Factory.WithDbAsync(async db =>
        {
            db.GroupMembers.Add(new Supportal.Workspace.GroupMember { GroupId = 2, UserId = agentUser.Id });
            return await db.SaveChangesAsync();
        });
        var id = await portal.Factory.CreateRequestAsync(customer.Id, $"VPN drops every hour ({language})");
        // Three and a quarter hours later under a quarter of the first reply's time is left.
        portal.Factory.Clock.Advance(TimeSpan.FromMinutes(195));

        var agent = await browser.NewPageAsync(portal.Url);
        await agent.SignInAsync(portal.Factory, agentEmail);
        await agent.GotoAsync($"/Agent/Tickets/{id}");
        var panel = agent.Locator("[data-sla-panel]");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading)).ToHaveTextAsync(title);
        var first = panel.Locator("[data-sla=FirstReply]");
        await Assertions.Expect(first).ToHaveAttributeAsync("data-sla-state", "AtRisk");
        await Assertions.Expect(first.Locator("[data-sla-target]")).ToHaveTextAsync(firstReply);
        await Assertions.Expect(first.Locator("[data-sla-badge]")).ToHaveTextAsync(atRisk);
        await Assertions.Expect(first.Locator("[data-sla-status]")).ToHaveTextAsync(firstLeft);
        var second = panel.Locator("[data-sla=Resolution]");
        await Assertions.Expect(second).ToHaveAttributeAsync("data-sla-state", "Running");
        await Assertions.Expect(second.Locator("[data-sla-target]")).ToHaveTextAsync(resolution);
        await Assertions.Expect(second.Locator("[data-sla-status]")).ToHaveTextAsync(resolutionLeft);
        (await Accessibility.SeriousViolationsAsync(agent)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(agent, $"agent-ticket-sla-{language}-desktop");

        await agent.Locator("[data-theme-toggle]").ClickAsync();
        (await agent.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        (await Accessibility.SeriousViolationsAsync(agent)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(agent, $"agent-ticket-sla-{language}-desktop-dark");
    }
}
