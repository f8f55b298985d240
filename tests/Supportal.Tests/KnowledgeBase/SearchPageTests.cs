using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Supportal.Contracts;
using Supportal.KnowledgeBase;
using Supportal.Platform;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>
/// The search page (HLP-2): it finds only what the person may read, in their language first, with the matched words
/// marked in the text as written, twenty results a page.
/// </summary>
public sealed class SearchPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static int[] Results(Page page) => page.FindAll("[data-result]").Select(r => int.Parse(r.GetAttribute("data-result")!, CultureInfo.InvariantCulture)).ToArray();

    private static int Count(Page page) => int.Parse(page.Find("[data-result-count]")!.GetAttribute("data-result-count")!, CultureInfo.InvariantCulture);

    private PortalClient Reader(string language)
    {
        var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private Task<int> CustomerManufacturerAsync() => portal.WithDbAsync(db => db.ContractRegistrations
        .Where(r => r.User.Email == "customer@example.com").Select(r => r.Contract).Where(Contract.ActiveOn(LocalTime.PortalToday(portal.Clock)))
        .SelectMany(c => c.Assets).Select(a => a.Product.ManufacturerId).FirstAsync());

    private Task<int> OtherManufacturerAsync() => portal.WithDbAsync(async db =>
    {
        var maker = new Manufacturer { Name = "Search rules maker " + Guid.NewGuid().ToString("N")[..6] };
        db.Manufacturers.Add(maker);
        await db.SaveChangesAsync();
        return maker.Id;
    });

    [Fact]
    public async Task Each_reader_finds_and_counts_only_what_they_may_read_and_nobody_finds_drafts()
    {
        var mine = await CustomerManufacturerAsync();
        var other = await OtherManufacturerAsync();
        var open = await KnowledgeData.CreateSectionAsync(portal, "Rules open");
        var members = await KnowledgeData.CreateSectionAsync(portal, "Rules members", readers: Readership.SignedIn);
        var holders = await KnowledgeData.CreateSectionAsync(portal, "Rules holders", readers: Readership.ContractHolders, manufacturerId: other);
        var publicArticle = (await KnowledgeData.CreateArticleAsync(portal, open.Id, "Zephyr basics")).Id;
        var signedIn = (await KnowledgeData.CreateArticleAsync(portal, open.Id, "Zephyr for customers", readers: Readership.SignedIn)).Id;
        var inMembersSection = (await KnowledgeData.CreateArticleAsync(portal, members.Id, "Zephyr in a members section")).Id;
        var ownMaker = (await KnowledgeData.CreateArticleAsync(portal, open.Id, "Zephyr firmware for your device",
            readers: Readership.ContractHolders, manufacturerId: mine)).Id;
        var otherMaker = (await KnowledgeData.CreateArticleAsync(portal, open.Id, "Zephyr firmware for another maker",
            readers: Readership.ContractHolders, manufacturerId: other)).Id;
        // The article is public, its section is not: the section's rule holds.
        var publicInHolders = (await KnowledgeData.CreateArticleAsync(portal, holders.Id, "Zephyr behind a holders section")).Id;
        await KnowledgeData.CreateArticleAsync(portal, open.Id, "Zephyr draft", published: false);

        using var anonymous = portal.CreatePortalClient();
        var found = await anonymous.GetAsync("/KnowledgeBase/Search?q=zephyr");
        Results(found).ShouldBe([publicArticle]);
        Count(found).ShouldBe(1);
        found.Text.ShouldNotContain("Zephyr draft");

        using var customer = portal.CreatePortalClient();
        await customer.SignInAsync("customer@example.com");
        found = await customer.GetAsync("/KnowledgeBase/Search?q=zephyr");
        Results(found).Order().ShouldBe(new[] { publicArticle, signedIn, inMembersSection, ownMaker }.Order());
        Count(found).ShouldBe(4);

        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync("admin@example.com");
        found = await admin.GetAsync("/KnowledgeBase/Search?q=zephyr");
        Results(found).Order().ShouldBe(new[] { publicArticle, signedIn, inMembersSection, ownMaker, otherMaker, publicInHolders }.Order());
        found.Text.ShouldNotContain("Zephyr draft");
    }

    [Fact]
    public async Task A_hit_in_the_readers_language_comes_before_one_in_the_other_and_each_article_comes_once()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Order", "Kolejność");
        var english = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Quokka setup", "Set it up.", "Konfiguracja", "Ustaw to.")).Id;
        var polish = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Setup", "Set it up.", "Quokka po polsku", "Ustaw to.")).Id;
        var both = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Quokka everywhere", "quokka", "Quokka wszędzie", "quokka")).Id;

        using var englishReader = Reader("en");
        var inEnglish = await englishReader.GetAsync("/KnowledgeBase/Search?q=quokka");
        Results(inEnglish)[..2].Order().ShouldBe(new[] { english, both }.Order());
        Results(inEnglish)[2].ShouldBe(polish);

        using var polishReader = Reader("pl");
        var inPolish = await polishReader.GetAsync("/KnowledgeBase/Search?q=quokka");
        Results(inPolish)[..2].Order().ShouldBe(new[] { polish, both }.Order());
        Results(inPolish)[2].ShouldBe(english);
        Count(inPolish).ShouldBe(3);
        // The article is shown in the reader's language, whichever translation matched.
        inPolish.Find($"[data-result='{english}'] h2")!.TextContent.Trim().ShouldBe("Konfiguracja");
    }

    [Fact]
    public async Task Polish_words_typed_without_diacritics_find_and_mark_the_words_as_written()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Passwords", "Hasła");
        var article = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Changing your password", "Use the link.",
            "Jak zmienić hasło żurawia", "Na stronie logowania kliknij **„Nie pamiętasz hasła?”** i podaj adres żurawia. Źródło: dział IT.")).Id;

        using var client = Reader("pl");
        var found = await client.GetAsync("/KnowledgeBase/Search?q=haslo+zrodlo+zurawia");

        Results(found).ShouldBe([article]);
        var result = found.Find($"[data-result='{article}']")!;
        result.QuerySelector("h2")!.InnerHtml.ShouldContain("<mark>hasło</mark>");
        var snippet = result.QuerySelector("[data-snippet]")!;
        snippet.QuerySelectorAll("mark").Select(m => m.TextContent).ShouldBe(["hasła", "żurawia", "Źródło"]);
        snippet.TextContent.ShouldNotContain("**");
        result.QuerySelector("a[href='/KnowledgeBase/Section/" + section.Id + "']")!.TextContent.ShouldBe("Hasła");
    }

    [Fact]
    public async Task The_snippet_is_the_text_around_the_first_match_and_shows_markup_from_the_article_as_text()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Snippets");
        var filler = string.Join(" ", Enumerable.Repeat("Nothing to see here.", 40));
        var article = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Long story",
            filler + " Then the wombat <script>alert(1)</script> arrives. " + filler)).Id;

        using var client = portal.CreatePortalClient();
        var found = await client.GetAsync("/KnowledgeBase/Search?q=wombat");

        var snippet = found.Find($"[data-result='{article}'] [data-snippet]")!;
        snippet.TextContent.ShouldStartWith("…");
        snippet.TextContent.ShouldEndWith("…");
        snippet.TextContent.Length.ShouldBeLessThan(SearchSnippet.Length + 10);
        snippet.QuerySelector("mark")!.TextContent.ShouldBe("wombat");
        snippet.QuerySelector("script").ShouldBeNull();
        snippet.TextContent.ShouldContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task Results_come_twenty_a_page_with_the_count_and_links_to_the_next_and_previous_pages()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Paging");
        for (var i = 0; i < 25; i++)
            await KnowledgeData.CreateArticleAsync(portal, section.Id, $"Platypus note {i}");

        using var client = portal.CreatePortalClient();
        var first = await client.GetAsync("/KnowledgeBase/Search?q=platypus");
        Results(first).Length.ShouldBe(20);
        first.Find("[data-result-count]")!.TextContent.Trim().ShouldBe("Results 1–20 of 25");
        first.Find("a[rel=prev]").ShouldBeNull();

        var second = await client.GetAsync(first.Find("a[rel=next]")!.GetAttribute("href")!);
        Results(second).Length.ShouldBe(5);
        Results(second).Intersect(Results(first)).ShouldBeEmpty();
        second.Find("[data-result-count]")!.TextContent.Trim().ShouldBe("Results 21–25 of 25");
        second.Find("a[rel=next]").ShouldBeNull();
        second.Find("a[rel=prev]")!.GetAttribute("href").ShouldBe("/KnowledgeBase/Search?q=platypus");
    }

    [Fact]
    public async Task An_empty_query_shows_the_box_and_no_results_offer_to_submit_a_request()
    {
        using var client = portal.CreatePortalClient();

        var empty = await client.GetAsync("/KnowledgeBase/Search");
        empty.Find("form[role=search] input[name=q]").ShouldNotBeNull();
        empty.Find("[data-results]").ShouldBeNull();
        empty.Find("[data-no-results]").ShouldBeNull();

        var none = await client.GetAsync("/KnowledgeBase/Search?q=nothingmatchesthisword");
        none.Find("[data-no-results]")!.TextContent.ShouldContain("No articles match “nothingmatchesthisword”.");
        none.Find("[data-no-results] a[href='/Requests/Submit']").ShouldNotBeNull();
        none.Find("input[name=q]")!.GetAttribute("value").ShouldBe("nothingmatchesthisword");

        var huge = await client.GetAsync("/KnowledgeBase/Search?q=" + new string('x', 5000));
        huge.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        huge.Find("input[name=q]")!.GetAttribute("value")!.Length.ShouldBe(ArticleSearch.QueryLength);
    }
}
