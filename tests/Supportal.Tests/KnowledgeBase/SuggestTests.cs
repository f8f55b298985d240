using System.Globalization;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>Suggestions under the search box as you type: at most five titles the person may read, every word a prefix.</summary>
public sealed class SuggestTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static int[] Suggested(Page page) => page.FindAll("[data-suggestion]").Select(a => int.Parse(a.GetAttribute("data-suggestion")!, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task At_most_five_readable_titles_are_suggested_and_the_last_word_may_be_a_start()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Geckos");
        List<int> open = [];
        for (var i = 0; i < 7; i++)
            open.Add((await KnowledgeData.CreateArticleAsync(portal, section.Id, $"Gecko care {i}")).Id);
        var members = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Gecko care for members", readers: Readership.SignedIn)).Id;
        var draft = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Gecko care draft", published: false)).Id;

        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/KnowledgeBase/Suggest?q=gecko+ca");

        Suggested(page).Length.ShouldBe(SuggestModelCount);
        Suggested(page).ShouldAllBe(id => open.Contains(id));
        Suggested(page).ShouldNotContain(members);
        Suggested(page).ShouldNotContain(draft);
        page.Find("[data-suggestion-count]")!.TextContent.ShouldBe("Suggested articles: 5.");
        page.FindAll("[data-suggestion]").ShouldAllBe(a => a.GetAttribute("href") == $"/KnowledgeBase/Article/{a.GetAttribute("data-suggestion")}");
        page.Find("[data-all-results]")!.GetAttribute("href").ShouldBe("/KnowledgeBase/Search?q=gecko%20ca");
    }

    private const int SuggestModelCount = Supportal.Pages.KnowledgeBase.SuggestModel.Count;

    [Fact]
    public async Task Signed_in_customers_are_suggested_their_articles_too()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Salamanders");
        var open = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Salamander basics")).Id;
        var members = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Salamander for customers", readers: Readership.SignedIn)).Id;

        using var anonymous = portal.CreatePortalClient();
        Suggested(await anonymous.GetAsync("/KnowledgeBase/Suggest?q=salamander")).ShouldBe([open]);

        using var customer = portal.CreatePortalClient();
        await customer.SignInAsync("customer@example.com");
        Suggested(await customer.GetAsync("/KnowledgeBase/Suggest?q=salamander")).Order().ShouldBe(new[] { open, members }.Order());
    }

    [Fact]
    public async Task Only_titles_are_suggested_from_while_the_search_finds_labels_and_bodies_too()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Newts");
        var titled = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Axolotl feeding")).Id;
        var labelled = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Pond water", labelsEn: "axolotl")).Id;
        var mentioned = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Tank size", bodyEn: "An axolotl needs room.")).Id;

        using var client = portal.CreatePortalClient();
        Suggested(await client.GetAsync("/KnowledgeBase/Suggest?q=axolo")).ShouldBe([titled]);
        var results = (await client.GetAsync("/KnowledgeBase/Search?q=axolo")).FindAll("[data-result]")
            .Select(r => int.Parse(r.GetAttribute("data-result")!, CultureInfo.InvariantCulture));
        results.ShouldBe([titled, labelled, mentioned]);
    }

    [Fact]
    public async Task Too_short_or_empty_queries_suggest_nothing()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Short");
        await KnowledgeData.CreateArticleAsync(portal, section.Id, "Iguana tips");

        using var client = portal.CreatePortalClient();
        Suggested(await client.GetAsync("/KnowledgeBase/Suggest?q=ig")).ShouldBeEmpty();
        Suggested(await client.GetAsync("/KnowledgeBase/Suggest?q=")).ShouldBeEmpty();
        Suggested(await client.GetAsync("/KnowledgeBase/Suggest?q=igu")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Polish_titles_are_suggested_for_words_typed_without_diacritics()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Updates", "Aktualizacje");
        var article = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Where updates come from", "",
            "Źródło aktualizacji", "Pobieraj tylko z oficjalnego źródła.")).Id;

        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pl");
        var page = await client.GetAsync("/KnowledgeBase/Suggest?q=zrodlo+aktu");

        Suggested(page).ShouldBe([article]);
        page.Find($"[data-suggestion='{article}']")!.TextContent.Trim().ShouldBe("Źródło aktualizacji");
        page.Find("[data-suggestion-count]")!.TextContent.ShouldBe("Proponowane artykuły: 1.");
    }
}
