using Microsoft.Playwright;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tickets;

namespace Supportal.EndToEnd;

/// <summary>Requests made as the portal makes them, for following them in the browser.</summary>
internal static class FollowSetup
{
    /// <summary>A High request with a Markdown description, optionally copied to a colleague; returns its number.</summary>
    public static async Task<long> CreateRequestAsync(this PortalFactory portal, Guid requesterId, string subject, string? ccEmail = null)
    {
        var ticket = await portal.CreateAsync(requesterId,
            new NewTicket(TicketKind.Administrative, subject, "The **label printer** prints blank pages.", TicketPriority.High));
        if (ccEmail is not null)
            await portal.AddCcAsync(ticket.Id, ccEmail, requesterId);
        return ticket.Id;
    }
}

[Collection(SharedBrowser.Name)]
public sealed class FollowRequestTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Text = new()
    {
        ["en"] = new()
        {
            ["nav"] = "My activities", ["copied"] = "Requests I'm CC'd on", ["organization"] = "Organization requests",
            ["addCc"] = "Add CC by e-mail address", ["addCcButton"] = "Add CC", ["reply"] = "Your reply", ["send"] = "Send reply",
            ["replied"] = "Your reply has been added.", ["ccAdded"] = "has been copied on this request.",
            ["remove"] = "Remove Cezary Colleague", ["removeConfirm"] = "Remove Cezary Colleague from this request?",
            ["removed"] = "Cezary Colleague is no longer copied on this request.",
        },
        ["pl"] = new()
        {
            ["nav"] = "Moje aktywności", ["copied"] = "Zgłoszenia, gdzie jesteś DW", ["organization"] = "Zgłoszenia organizacji",
            ["addCc"] = "Dodaj DW po adresie e-mail", ["addCcButton"] = "Dodaj DW", ["reply"] = "Twoja odpowiedź", ["send"] = "Wyślij odpowiedź",
            ["replied"] = "Twoja odpowiedź została dodana.", ["ccAdded"] = "otrzymuje teraz kopię tego zgłoszenia.",
            ["remove"] = "Usuń Cezary Colleague", ["removeConfirm"] = "Usunąć Cezary Colleague z tego zgłoszenia?",
            ["removed"] = "Cezary Colleague nie otrzymuje już kopii tego zgłoszenia.",
        },
    };

    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public async Task A_requester_copies_a_colleague_who_follows_the_request_and_organization_requests_appear_once_shared(string language)
    {
        var t = Text[language];
        var requesterEmail = $"follow.owner.{language}@customer.test";
        var colleagueEmail = $"follow.colleague.{language}@customer.test";
        var requester = await portal.Factory.CreateUserAsync(requesterEmail, "Rita", "Owner", language);
        var colleague = await portal.Factory.CreateUserAsync(colleagueEmail, "Cezary", "Colleague", language);
        var organization = await portal.Factory.OrganizationAsync($"Follow {language} Ltd", requester.Id, colleague.Id);
        var id = await portal.Factory.CreateRequestAsync(requester.Id, $"Label printer ({language})");
        var other = await portal.Factory.CreateRequestAsync(requester.Id, $"Badge reader ({language})");

        // The requester opens the request from "My activities", copies the colleague and replies with a picture.
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, requesterEmail);
        await page.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = t["nav"] }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-ticket]")).ToHaveCountAsync(2);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"activities-{language}-desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Label printer ({language})" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-ticket-title]")).ToContainTextAsync($"#{id}");

        await page.GetByLabel(t["addCc"]).FillAsync(colleagueEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = t["addCcButton"], Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["ccAdded"]);
        await Assertions.Expect(page.Locator($"[data-cc='{colleagueEmail}']")).ToContainTextAsync("Cezary Colleague");

        await page.GetByLabel(t["reply"]).FillAsync("It also happens on the *second* printer, photo attached.");
        await page.Locator("input[name=Files]").SetInputFilesAsync(new FilePayload { Name = "printer.png", MimeType = "image/png", Buffer = FollowData.Png });
        await page.GetByRole(AriaRole.Button, new() { Name = t["send"] }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["replied"]);
        var reply = page.Locator("[data-comment]").Nth(1);
        await Assertions.Expect(reply.Locator("em")).ToHaveTextAsync("second");
        await Assertions.Expect(reply.Locator("img.attachment-thumb")).ToHaveAttributeAsync("alt", "printer.png");
        // The thumbnail is the picture itself, served inline by the preview address.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-comment] ~ [data-comment] img')?.naturalWidth === 1");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"request-{language}-desktop");
        await page.SetViewportSizeAsync(390, 844);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"request-{language}-phone");
        await page.Locator("[data-theme-toggle]").ClickAsync();
        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"request-{language}-phone-dark");
        await page.GotoAsync("/Tickets?tab=Copied");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();

        // The colleague finds it under "Requests I'm CC'd on"; the organization tab is not there yet.
        var colleaguePage = await browser.NewPageAsync(portal.Url, width: 390, height: 844);
        await colleaguePage.SignInAsync(portal.Factory, colleagueEmail);
        await colleaguePage.GotoAsync("/Tickets");
        await Assertions.Expect(colleaguePage.Locator("[data-empty]")).ToBeVisibleAsync();
        await Assertions.Expect(colleaguePage.GetByRole(AriaRole.Link, new() { Name = t["organization"] })).ToHaveCountAsync(0);
        await colleaguePage.GetByRole(AriaRole.Link, new() { Name = t["copied"] }).ClickAsync();
        await Assertions.Expect(colleaguePage.Locator("tr[data-ticket]")).ToHaveCountAsync(1);
        await Assertions.Expect(colleaguePage.Locator("tr[data-ticket]")).ToContainTextAsync("Rita Owner");
        (await Accessibility.SeriousViolationsAsync(colleaguePage)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(colleaguePage, $"activities-copied-{language}-phone");
        await colleaguePage.GetByRole(AriaRole.Link, new() { Name = $"Label printer ({language})" }).ClickAsync();
        await Assertions.Expect(colleaguePage.Locator("[data-comment]")).ToHaveCountAsync(2);
        await Assertions.Expect(colleaguePage.Locator("[data-comment]").Nth(1)).ToContainTextAsync("Rita Owner");

        // Staff switch on sharing for the organization: its requests appear under their own tab.
        await portal.Factory.ShareRequestsAsync(organization, shares: true);
        await colleaguePage.GotoAsync("/Tickets");
        await colleaguePage.GetByRole(AriaRole.Link, new() { Name = t["organization"] }).ClickAsync();
        await Assertions.Expect(colleaguePage.Locator("tr[data-ticket]")).ToHaveCountAsync(2);
        await Assertions.Expect(colleaguePage.Locator($"tr[data-ticket='{other}']")).ToContainTextAsync($"Badge reader ({language})");
        (await Accessibility.SeriousViolationsAsync(colleaguePage)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(colleaguePage, $"activities-organization-{language}-phone");

        // The colleague takes themselves off the request, after confirming; they still see it through the organization.
        await colleaguePage.GotoAsync($"/Tickets/{id}");
        var asked = new List<string>();
        colleaguePage.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await (asked.Count == 1 ? dialog.DismissAsync() : dialog.AcceptAsync());
        };
        var remove = colleaguePage.GetByRole(AriaRole.Button, new() { Name = t["remove"] });
        await remove.ClickAsync();
        await Assertions.Expect(colleaguePage.Locator($"[data-cc='{colleagueEmail}']")).ToBeVisibleAsync();
        await remove.ClickAsync();
        await Assertions.Expect(colleaguePage.GetByRole(AriaRole.Status)).ToHaveTextAsync(t["removed"]);
        await Assertions.Expect(colleaguePage.Locator($"[data-cc='{colleagueEmail}']")).ToHaveCountAsync(0);
        asked.ShouldBe([t["removeConfirm"], t["removeConfirm"]]);
    }
}

[Collection(SharedBrowser.Name)]
public sealed class FollowRequestMailTests(Browser browser, MailingPortal portal) : IClassFixture<MailingPortal>
{
    [Fact]
    public async Task A_reply_by_the_requester_reaches_a_polish_cc_at_the_mail_server_in_polish()
    {
        var requester = await portal.Factory.CreateUserAsync("mail.owner@customer.test", "Rita", "Owner", "en");
        await portal.Factory.CreateUserAsync("mail.cc@customer.test", "Cezary", "Kopia", "pl");
        var id = await portal.Factory.CreateRequestAsync(requester.Id, "Scanner jams", ccEmail: "mail.cc@customer.test");
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, "mail.owner@customer.test");

        await page.GotoAsync($"/Tickets/{id}");
        await page.GetByLabel("Your reply").FillAsync("Now it also jams on A5 paper.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your reply has been added.");

        await portal.SendQueuedMailAsync("mail.cc@customer.test", m => m.TextBody.Contains("A5 paper"));
        MailFile? mail = null;
        await Eventually.TrueAsync(() =>
        {
            mail = portal.Smtp.Messages().LastOrDefault(m => m.To.Contains("mail.cc@customer.test") && m.Text.Contains("A5 paper"));
            return Task.FromResult(mail is not null);
        }, "the reply to reach the CC");
        mail!.Subject.ShouldBe($"[#{id}] Scanner jams");
        mail.Text.ShouldContain($"Rita Owner dodał(a) odpowiedź do zgłoszenia #{id}");
        mail.Text.ShouldContain($"/Tickets/{id}");
        portal.Smtp.Messages().ShouldNotContain(m => m.To.Contains("mail.owner@customer.test") && m.Text.Contains("A5 paper"));
    }
}
