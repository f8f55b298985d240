using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.EndToEnd;

/// <summary>The help center from both sides: an editor publishes, customers search, vote, follow, download and file.</summary>
[Collection(SharedBrowser.Name)]
public sealed partial class HelpCenterTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task An_editor_publishes_in_two_languages_and_a_customer_finds_it_without_diacritics_votes_follows_and_is_mailed_on_update()
    {
        var editorEmail = "editor.e2e@example.com";
        await portal.Factory.CreateUserAsync(editorEmail, "Edyta", "Redaktor", "en", Roles.KnowledgeEditor);
        var customerEmail = "reader.e2e@example.com";
        await portal.Factory.CreateUserAsync(customerEmail, "Rafał", "Czytelnik", "pl");

        // The editor writes the article in both languages and publishes it.
        var editor = await browser.NewPageAsync(portal.Url);
        await editor.SignInAsync(portal.Factory, editorEmail);
        await editor.GotoAsync("/Knowledge");
        await editor.Locator("[data-add-article]").First.ClickAsync();
        await editor.GetByLabel("Title (English)").FillAsync("Configuring the core switch");
        await editor.GetByLabel("Text (English, Markdown)").FillAsync("## Before you start\n\nConnect to the **core switch** console.");
        await editor.GetByLabel("Title (Polish)").FillAsync("Konfiguracja przełącznika rdzeniowego");
        await editor.GetByLabel("Text (Polish, Markdown)").FillAsync("## Zanim zaczniesz\n\nPołącz się z konsolą **przełącznika**.");
        (await Accessibility.SeriousViolationsAsync(editor)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(editor, "knowledge-editor-en-desktop");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-state]")).ToHaveTextAsync("Published");
        var id = await portal.Factory.WithDbAsync(db => db.KbArticles.Where(a => a.TitleEn == "Configuring the core switch").Select(a => a.Id).SingleAsync());

        // The customer (Polish) searches from the help center home, typing the word without its Polish letters.
        var customer = await browser.NewPageAsync(portal.Url, locale: "pl");
        await customer.SignInAsync(portal.Factory, customerEmail);
        await customer.GotoAsync("/");
        (await Accessibility.SeriousViolationsAsync(customer)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(customer, "help-center-pl-desktop");
        await customer.GetByRole(AriaRole.Searchbox).FillAsync("przelacznika");
        await customer.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        var result = customer.Locator($"[data-result='{id}']");
        await Assertions.Expect(result.Locator("h2 a")).ToHaveTextAsync("Konfiguracja przełącznika rdzeniowego");
        await Assertions.Expect(result.Locator("mark").First).ToHaveTextAsync(new Regex("przełącznika", RegexOptions.IgnoreCase));
        (await Accessibility.SeriousViolationsAsync(customer)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(customer, "help-search-pl-desktop");

        await result.Locator("h2 a").ClickAsync();
        await customer.ShouldReachAsync($"**/KnowledgeBase/Article/{id}");
        await Assertions.Expect(customer.Locator("[data-article-body] h2")).ToHaveTextAsync("Zanim zaczniesz");
        await customer.Locator("[data-helpful] button[value='true']").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-helpful] button[value='true']")).ToHaveAttributeAsync("aria-pressed", "true");
        await customer.Locator("[data-follow] button").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-follow] button")).ToContainTextAsync("Przestań obserwować");
        (await Accessibility.SeriousViolationsAsync(customer)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(customer, "help-article-pl-desktop");
        (await portal.Factory.WithDbAsync(db => db.KbArticleVotes.CountAsync(v => v.ArticleId == id && v.Helpful))).ShouldBe(1);

        // The editor updates it with "Notify followers": the follower gets a mail in Polish.
        await editor.GotoAsync($"/Knowledge/Article/{id}");
        await editor.GetByLabel("Text (Polish, Markdown)").FillAsync("## Zanim zaczniesz\n\nPołącz się z konsolą **przełącznika** przez port szeregowy.");
        await editor.GetByLabel("Notify followers").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Update", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () => (await portal.Factory.MailsToAsync(customerEmail))
            .Any(m => m.Subject.Contains("Konfiguracja przełącznika rdzeniowego", StringComparison.Ordinal)), "the follower's mail");
        var link = await portal.Factory.LinkInLatestMailAsync(customerEmail, $"/KnowledgeBase/Article/{id}");
        await customer.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(customer.Locator("[data-article-body]")).ToContainTextAsync("przez port szeregowy");
    }

    [Theory]
    [InlineData("en", "Subject", "password reset")]
    [InlineData("pl", "Temat", "haslo")]
    public async Task An_article_suggested_while_typing_a_subject_opens_beside_the_form_and_the_form_keeps_its_text(
        string language, string subjectLabel, string typed)
    {
        var page = await browser.NewPageAsync(portal.Url, locale: language);
        await page.GotoAsync("/Requests/Submit");
        var subject = page.GetByLabel(subjectLabel, new() { Exact = true });
        await subject.PressSequentiallyAsync(typed);
        var suggestion = page.Locator("[data-request-suggestions] [data-suggestion]").First;
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"submit-request-suggestions-{language}-desktop");

        var article = await page.Context.RunAndWaitForPageAsync(() => suggestion.ClickAsync());
        await article.WaitForURLAsync("**/KnowledgeBase/Article/*");
        await Assertions.Expect(article.Locator("[data-article-body]")).ToBeVisibleAsync();
        await Assertions.Expect(subject).ToHaveValueAsync(typed);
        (await portal.Factory.WithDbAsync(db => db.KbRequestFormViews.CountAsync(v => v.ArticleOpenedId != null && v.Form == "submit")))
            .ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pl")]
    public async Task A_downloaded_file_matches_its_published_sha256(string language)
    {
        var page = await browser.NewPageAsync(portal.Url, locale: language);
        await page.GotoAsync("/");
        await Browser.ScreenshotAsync(page, $"help-center-{language}-desktop-visitor");
        await page.GotoAsync("/Downloads");
        (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(page, $"downloads-{language}-desktop");

        var version = page.Locator("[data-version]").First;
        var published = (await version.Locator("[data-sha256]").InnerTextAsync()).Trim();
        var download = await page.RunAndWaitForDownloadAsync(() => version.Locator("a[href^='/Downloads/File/']").First.ClickAsync());
        await using var file = await download.CreateReadStreamAsync();
        Convert.ToHexStringLower(await SHA256.HashDataAsync(file)).ShouldBe(published);
    }
}
