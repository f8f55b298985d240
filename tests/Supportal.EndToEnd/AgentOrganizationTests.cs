using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Supportal.Accounts;
using Supportal.Contracts;

namespace Supportal.EndToEnd;

/// <summary>An agent looks after an organization (AGT-4) and writes a macro with a live preview (AGT-5).</summary>
[Collection(SharedBrowser.Name)]
public sealed class AgentOrganizationTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["en"] = new()
        {
            ["search"] = "Search by name", ["find"] = "Search", ["email"] = "E-mail of an existing account", ["addMember"] = "Add member",
            ["added"] = "{0} is now a member of {1}.", ["removed"] = "{0} is no longer a member of {1}.", ["domain"] = "E-mail domain",
            ["addDomain"] = "Add domain", ["invalid"] = "Enter a domain name such as example.com.", ["join"] = "New accounts from these domains join automatically",
            ["share"] = "Members can see each other's requests", ["shareOn"] = "Members see each other's requests", ["notes"] = "Notes",
            ["saveNotes"] = "Save notes", ["notesSaved"] = "The notes on {0} have been saved.",
        },
        ["pl"] = new()
        {
            ["search"] = "Szukaj po nazwie", ["find"] = "Szukaj", ["email"] = "E-mail istniejącego konta", ["addMember"] = "Dodaj członka",
            ["added"] = "{0} jest teraz członkiem organizacji {1}.", ["removed"] = "{0} nie jest już członkiem organizacji {1}.", ["domain"] = "Domena e-mail",
            ["addDomain"] = "Dodaj domenę", ["invalid"] = "Wpisz nazwę domeny, np. example.com.", ["join"] = "Nowe konta z tych domen dołączają automatycznie",
            ["share"] = "Członkowie widzą wzajemnie swoje zgłoszenia", ["shareOn"] = "Członkowie widzą wzajemnie swoje zgłoszenia", ["notes"] = "Notatki",
            ["saveNotes"] = "Zapisz notatki", ["notesSaved"] = "Zapisano notatki o organizacji {0}.",
        },
    };

    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public async Task An_agent_manages_members_domains_sharing_and_notes_of_an_organization(string language)
    {
        var t = Texts[language];
        var name = $"Browser {language} Holding";
        var member = $"member.{language}@browser-org.test";
        await portal.Factory.CreateUserAsync($"org.agent.{language}@example.com", "Agata", "Agentka", language, role: Roles.Agent);
        await portal.Factory.CreateUserAsync(member, "Mira", "Member", language);
        var id = await portal.Factory.WithDbAsync(async db =>
        {
            var organization = new Organization { Name = name, CreatedAt = DateTime.UtcNow };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });
        var page = await browser.NewPageAsync(portal.Url);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.SignInAsync(portal.Factory, $"org.agent.{language}@example.com");

        await page.GotoAsync("/Agent/Organizations");
        await page.GetByLabel(t["search"]).FillAsync($"browser {language}");
        await page.GetByRole(AriaRole.Button, new() { Name = t["find"], Exact = true }).ClickAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"agent-organizations-{language}-desktop");
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.ShouldReachAsync($"**/Agent/Organizations/{id}");

        await page.GetByLabel(t["email"]).FillAsync(member.ToUpperInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = t["addMember"] }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, t["added"], member, name));
        await Assertions.Expect(page.Locator("[data-members] tbody tr")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("Mira Member")]);

        await page.GetByLabel(t["domain"], new() { Exact = true }).FillAsync("not a domain");
        await page.GetByRole(AriaRole.Button, new() { Name = t["addDomain"] }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='NewDomain']")).ToHaveTextAsync(t["invalid"]);
        await page.GetByLabel(t["domain"], new() { Exact = true }).FillAsync($"Browser-{language}.TEST");
        await page.GetByRole(AriaRole.Button, new() { Name = t["addDomain"] }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-domain] > span")).ToHaveTextAsync([$"browser-{language}.test"]);

        var joining = page.Locator("form[data-joining]");
        await joining.GetByRole(AriaRole.Switch, new() { Name = t["join"] }).CheckAsync();
        await joining.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#joinByDomain")).ToBeCheckedAsync();
        var sharing = page.Locator("form[data-sharing]");
        await sharing.GetByRole(AriaRole.Switch, new() { Name = t["share"] }).CheckAsync();
        await sharing.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-sharing-state]")).ToHaveTextAsync(t["shareOn"]);

        await page.GetByRole(AriaRole.Textbox, new() { Name = t["notes"], Exact = true }).FillAsync("Prefers phone calls.");
        await page.GetByRole(AriaRole.Button, new() { Name = t["saveNotes"] }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, t["notesSaved"], name));
        // Agents see name and tax id but do not edit them.
        await Assertions.Expect(page.Locator("form[data-details]")).ToHaveCountAsync(0);
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"agent-organization-{language}-desktop");

        await page.SetViewportSizeAsync(390, 844);
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"agent-organization-{language}-phone");
        await page.Locator("[data-theme-toggle]").ClickAsync();
        (await page.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        await page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"agent-organization-{language}-phone-dark");

        // Removing asks first (the dialog is accepted above).
        await page.Locator($"tr[data-member='{member}'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(string.Format(CultureInfo.InvariantCulture, t["removed"], member, name));
        var saved = await portal.Factory.WithDbAsync(db => db.Organizations.Where(o => o.Id == id)
            .Select(o => new { o.JoinByDomain, o.SharesRequests, o.Notes, Members = o.Members.Count }).SingleAsync());
        saved.ShouldBe(new { JoinByDomain = true, SharesRequests = true, Notes = (string?)"Prefers phone calls.", Members = 0 });
    }

    [Fact]
    public async Task The_macro_preview_follows_the_typing()
    {
        var page = await browser.NewPageAsync(portal.Url);
        await page.SignInAsync(portal.Factory, "agent@example.com");
        await page.GotoAsync("/Agent/Macros");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Thanks");
        await page.GetByLabel("Reply text").FillAsync("Thank you **{{requester.name}}** for #{{ticket.number}}.");
        await page.GetByLabel("Set status").SelectOptionAsync("Pending");

        await Assertions.Expect(page.Locator("[data-preview-body] strong")).ToHaveTextAsync("Anna Smith");
        await Assertions.Expect(page.Locator("[data-preview-body]")).ToContainTextAsync("for #10042.");
        await Assertions.Expect(page.Locator("[data-preview-changes]")).ToContainTextAsync("Set status: Pending");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "agent-macros-en-desktop");
        await page.SetViewportSizeAsync(390, 844);
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await page.Locator("[data-theme-toggle]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, "agent-macros-en-phone-dark");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save macro" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The macro Thanks has been saved.");
        await Assertions.Expect(page.Locator("[data-macros='mine'] [data-macro='Thanks']")).ToBeVisibleAsync();
    }
}
