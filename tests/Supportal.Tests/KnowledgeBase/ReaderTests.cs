using System.Net;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>
/// What readers see of the help center: public articles for everyone, signed-in ones for customers, contract holders'
/// ones for holders of that manufacturer's contract; drafts and everything else "not found", whatever the page.
/// </summary>
public sealed class ReaderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_visitor_reads_public_articles_and_gets_not_found_for_everything_else()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Visitor basics", "Podstawy", category: "Visitor category");
        var open = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Resetting a password", "Use the **reset** link.",
            labelsEn: "password, account");
        var customers = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Customers only", readers: Readership.SignedIn);
        var draft = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Unfinished draft", published: false);
        var manufacturer = await ReaderData.CreateManufacturerAsync(portal, "Visitor Firewalls");
        var holders = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Firmware notes", readers: Readership.ContractHolders,
            manufacturerId: manufacturer);
        var hiddenSection = await KnowledgeData.CreateSectionAsync(portal, "Customers' corner", readers: Readership.SignedIn, category: "Visitor category");
        var inHidden = await KnowledgeData.CreateArticleAsync(portal, hiddenSection.Id, "Public article in a customers' section");
        using var client = portal.CreatePortalClient();

        var article = await client.GetAsync($"/KnowledgeBase/Article/{open.Id}");

        article.Status.ShouldBe(HttpStatusCode.OK);
        article.Find("h1")!.TextContent.ShouldBe("Resetting a password");
        article.Find("[data-article-body] strong")!.TextContent.ShouldBe("reset");
        article.FindAll(".breadcrumb a").Select(a => a.TextContent).ShouldBe(["Help center", "Visitor category", "Visitor basics"]);
        article.FindAll("[data-labels] .badge").Select(b => b.TextContent).ShouldBe(["password", "account"]);
        article.Find("[data-more-questions] a[href='/Requests/Submit']")!.TextContent.ShouldBe("Submit a request");
        article.Find("[data-counts]").ShouldBeNull();
        article.Find("a[data-follow][href^='/Account/Login']").ShouldNotBeNull();
        foreach (var id in new[] { customers.Id, draft.Id, holders.Id, inHidden.Id, 999_999 })
        {
            var refused = await client.GetAsync($"/KnowledgeBase/Article/{id}");
            refused.Status.ShouldBe(HttpStatusCode.NotFound);
            refused.Text.ShouldNotContain("Customers only");
        }
        (await client.GetAsync($"/KnowledgeBase/Section/{hiddenSection.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var listed = await client.GetAsync($"/KnowledgeBase/Section/{section.Id}");
        listed.FindAll("[data-article]").Select(a => a.TextContent).ShouldBe(["Resetting a password"]);
        var category = await client.GetAsync($"/KnowledgeBase/Category/{section.CategoryId}");
        category.FindAll("[data-section]").Select(s => s.GetAttribute("data-section")).ShouldBe([$"{section.Id}"]);
        category.FindAll("[data-article]").Select(a => a.TextContent).ShouldBe(["Resetting a password"]);
    }

    [Fact]
    public async Task The_home_lists_only_sections_with_readable_articles_the_category_counts_only_those_and_only_readable_ones_are_promoted()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Home public", category: "Home category");
        await KnowledgeData.CreateArticleAsync(portal, section.Id, "Home one", promoted: true);
        await KnowledgeData.CreateArticleAsync(portal, section.Id, "Home hidden", readers: Readership.SignedIn, promoted: true);
        await KnowledgeData.CreateArticleAsync(portal, section.Id, "Home draft", published: false, promoted: true);
        var draftsOnly = await KnowledgeData.CreateSectionAsync(portal, "Home drafts only", category: "Home category");
        await KnowledgeData.CreateArticleAsync(portal, draftsOnly.Id, "Not yet", published: false);
        var emptyCategory = await KnowledgeData.CreateSectionAsync(portal, "Home nothing public", readers: Readership.SignedIn, category: "Home hidden category");
        await KnowledgeData.CreateArticleAsync(portal, emptyCategory.Id, "For customers");
        using var client = portal.CreatePortalClient();

        var home = await client.GetAsync("/");

        home.Find("form.help-search input[name=q]").ShouldNotBeNull();
        home.Find($"[data-section='{section.Id}']").ShouldNotBeNull();
        (await client.GetAsync($"/KnowledgeBase/Category/{section.CategoryId}")).Find($"[data-section='{section.Id}'] [data-count]")!
            .TextContent.ShouldBe("(1)");
        home.Find($"[data-section='{draftsOnly.Id}']").ShouldBeNull();
        home.Find($"[data-category='{emptyCategory.CategoryId}']").ShouldBeNull();
        home.FindAll("[data-promoted] a").Select(a => a.TextContent.Trim()).ShouldContain("Home one");
        home.Text.ShouldNotContain("Home hidden");
        home.Text.ShouldNotContain("Home draft");
        home.Find("main a[href='/Contact']").ShouldNotBeNull();
        home.Find("main a[href='/Tickets']").ShouldNotBeNull();
        home.Find("[data-maintenance] a")!.TextContent.ShouldBe("maintenance@localhost");
        (await client.GetAsync($"/KnowledgeBase/Category/{emptyCategory.CategoryId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/KnowledgeBase/Category/999999")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_signed_in_customer_reads_customer_articles_but_not_another_manufacturers_and_stays_on_the_help_center()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Customer corner", readers: Readership.SignedIn, category: "Customer category");
        var mine = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Registering a contract");
        var manufacturer = await ReaderData.CreateManufacturerAsync(portal, "Customer Firewalls");
        var holders = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Holders' firmware", readers: Readership.ContractHolders,
            manufacturerId: manufacturer);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("customer@example.com");

        var home = await client.GetAsync("/");

        home.Path.ShouldBe("/");
        home.Find($"[data-section='{section.Id}']").ShouldNotBeNull();
        (await client.GetAsync($"/KnowledgeBase/Category/{section.CategoryId}")).Find($"[data-section='{section.Id}'] [data-count]")!
            .TextContent.ShouldBe("(1)");
        home.Find("main a[href='/Tickets/New']")!.TextContent.Trim().ShouldBe("Submit a request");
        (await client.GetAsync($"/KnowledgeBase/Article/{mine.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/KnowledgeBase/Article/{holders.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/KnowledgeBase/Section/{section.Id}")).FindAll("[data-article]").Select(a => a.TextContent)
            .ShouldBe(["Registering a contract"]);
    }

    [Fact]
    public async Task A_contract_holder_reads_the_articles_for_their_manufacturer()
    {
        var manufacturer = await ReaderData.CreateContractHolderAsync(portal, "holder@example.com", "KB-HOLDER-1");
        var section = await KnowledgeData.CreateSectionAsync(portal, "Holders' section", readers: Readership.ContractHolders,
            manufacturerId: manufacturer, category: "Holder category");
        var firmware = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Upgrading the firmware");
        var other = await ReaderData.CreateManufacturerAsync(portal, "Someone Else's Routers");
        var notMine = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Router notes", readers: Readership.ContractHolders, manufacturerId: other);
        using var visitor = portal.CreatePortalClient();
        (await visitor.GetAsync($"/KnowledgeBase/Article/{firmware.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("holder@example.com");

        var article = await client.GetAsync($"/KnowledgeBase/Article/{firmware.Id}");

        article.Status.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/KnowledgeBase/Article/{notMine.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/")).Find($"[data-section='{section.Id}']").ShouldNotBeNull();
        (await client.GetAsync($"/KnowledgeBase/Category/{section.CategoryId}")).Find($"[data-section='{section.Id}'] [data-count]")!
            .TextContent.ShouldBe("(1)");
    }

    [Fact]
    public async Task Related_articles_share_the_section_or_labels_and_are_readable_ones_only_at_most_five()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Related home", category: "Related category");
        var elsewhere = await KnowledgeData.CreateSectionAsync(portal, "Related elsewhere", category: "Related category");
        var article = await KnowledgeData.CreateArticleAsync(portal, section.Id, "VPN setup", labelsEn: "VPN, remote");
        var twoLabels = await KnowledgeData.CreateArticleAsync(portal, elsewhere.Id, "Remote VPN client", labelsEn: "remote, vpn");
        var oneLabel = await KnowledgeData.CreateArticleAsync(portal, elsewhere.Id, "Remote desktop", labelsEn: "remote");
        await KnowledgeData.CreateArticleAsync(portal, elsewhere.Id, "VPN client for customers", labelsEn: "vpn", readers: Readership.SignedIn);
        await KnowledgeData.CreateArticleAsync(portal, elsewhere.Id, "VPN draft", labelsEn: "vpn", published: false);
        await KnowledgeData.CreateArticleAsync(portal, elsewhere.Id, "Mentions vpn-gateway only", labelsEn: "vpn-gateway");
        for (var i = 1; i <= 4; i++)
            await KnowledgeData.CreateArticleAsync(portal, section.Id, $"Neighbour {i}");
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync($"/KnowledgeBase/Article/{article.Id}");

        page.FindAll("[data-related] a").Select(a => a.TextContent)
            .ShouldBe(["Remote VPN client", "Remote desktop", "Neighbour 1", "Neighbour 2", "Neighbour 3"]);
        page.Find($"[data-related] a[href='/KnowledgeBase/Article/{twoLabels.Id}']").ShouldNotBeNull();
        page.Find($"[data-related] a[href='/KnowledgeBase/Article/{oneLabel.Id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_missing_translation_shows_the_other_language_with_a_note_and_its_language_marked()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Translations", "Tłumaczenia", category: "Translation category");
        var english = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Only in English", "English body.");
        var both = await KnowledgeData.CreateArticleAsync(portal, section.Id, "In both", "English.", "W obu", "Po polsku.");
        using var client = portal.CreatePortalClient();
        var home = await client.GetAsync("/");
        await client.SubmitAsync(home.Form("form.language-switch"), submitter: home.Find("form.language-switch button[value=pl]") as AngleSharp.Html.Dom.IHtmlElement);

        var fallback = await client.GetAsync($"/KnowledgeBase/Article/{english.Id}");
        var translated = await client.GetAsync($"/KnowledgeBase/Article/{both.Id}");

        fallback.Find("h1")!.TextContent.ShouldBe("Only in English");
        fallback.Find("[data-article-body]")!.GetAttribute("lang").ShouldBe("en");
        fallback.Find("[data-fallback]")!.TextContent.Trim().ShouldBe("Ten artykuł nie jest jeszcze dostępny po polsku, dlatego wyświetlamy go po angielsku.");
        fallback.Find("[data-more-questions]")!.TextContent.ShouldContain("Masz więcej pytań?");
        fallback.Find("[data-more-questions] a")!.TextContent.ShouldBe("Wyślij zgłoszenie");
        translated.Find("h1")!.TextContent.ShouldBe("W obu");
        translated.Find("[data-article-body]")!.GetAttribute("lang").ShouldBe("pl");
        translated.Find("[data-fallback]").ShouldBeNull();
    }
}
