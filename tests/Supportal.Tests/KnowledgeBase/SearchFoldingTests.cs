using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>
/// The index finds Polish words typed without their letters' marks and a few inflected forms, and English plurals, the
/// same on SQLite and PostgreSQL (the suite runs on both).
/// </summary>
public sealed class SearchFoldingTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private int printer, password, source, lodz, rank;

    public async Task InitializeAsync()
    {
        // The fixture's database is shared by the class's tests: write the articles once.
        var ids = await portal.WithDbAsync(db => db.KbArticles.Where(a => a.Section.NameEn == "Folding").OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        if (ids.Count > 0)
        {
            (printer, password, source, lodz, rank) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
            return;
        }
        var section = await KnowledgeData.CreateSectionAsync(portal, "Folding", "Zwijanie");
        printer = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Adding a printer", "Connect the printer to the network.",
            "Dodawanie drukarki", "Podłącz drukarkę do sieci. Drukarka musi mieć adres.")).Id;
        password = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Resetting your password", "Use the reset link.",
            "Jak zmienić hasło", "Kliknij „Nie pamiętasz hasła?” na stronie logowania.")).Id;
        source = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Where updates come from", "",
            "Źródło aktualizacji", "Pobieraj tylko z oficjalnego źródła.")).Id;
        lodz = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Our office", "We are in Łódź.", "Nasze biuro", "Jesteśmy w Łodzi i w Łódź.")).Id;
        rank = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Quarterly firmware", "Nothing about it here.",
            labelsEn: "modem")).Id;
        await KnowledgeData.CreateArticleAsync(portal, section.Id, "Unrelated", "A modem appears in the body only.");
        await KnowledgeData.CreateArticleAsync(portal, section.Id, "Draft printer notes", "printer", published: false);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<List<(int Id, string Language)>> FindAsync(string query) => portal.WithDbAsync(async db =>
    {
        using var scope = portal.Services.CreateScope();
        var index = new ArticleIndex(db);
        var hits = await index.Find(query).OrderByDescending(h => h.Rank).ThenBy(h => h.ArticleId).ToListAsync();
        return hits.Select(h => (h.ArticleId, h.Language)).ToList();
    });

    [Theory]
    [InlineData("haslo")]
    [InlineData("HASŁO")]
    [InlineData("hasła")]
    public async Task Polish_words_match_without_marks_and_in_other_forms(string query) =>
        (await FindAsync(query)).ShouldContain((password, "pl"));

    [Fact]
    public async Task Polish_letters_fold_both_ways()
    {
        (await FindAsync("zrodlo")).ShouldContain((source, "pl"));
        (await FindAsync("źródła")).ShouldContain((source, "pl"));
        (await FindAsync("lodz")).ShouldContain((lodz, "pl"));
        (await FindAsync("lodz")).ShouldContain((lodz, "en"));
    }

    [Theory]
    [InlineData("drukark")]
    [InlineData("drukarki")]
    [InlineData("drukarkę")]
    public async Task A_polish_stem_finds_the_inflected_forms(string query) =>
        (await FindAsync(query)).ShouldContain((printer, "pl"));

    [Fact]
    public async Task English_plurals_find_the_singular_and_every_word_must_match()
    {
        (await FindAsync("printers")).ShouldBe([(printer, "en")]);
        (await FindAsync("printer network")).ShouldBe([(printer, "en")]);
        (await FindAsync("printer password")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_word_in_the_labels_outranks_the_same_word_in_a_body()
    {
        var hits = await FindAsync("modem");
        hits.Count.ShouldBe(2);
        hits[0].ShouldBe((rank, "en"));
    }

    [Fact]
    public async Task Drafts_and_queries_without_words_find_nothing()
    {
        (await FindAsync("draft")).ShouldBeEmpty();
        (await FindAsync("  ,.!  ")).ShouldBeEmpty();
    }

    [Fact]
    public void Folding_drops_marks_and_maps_the_barred_l()
    {
        SearchText.Fold("Zażółć gęślą jaźń ŁÓDŹ").ShouldBe("zazolc gesla jazn lodz");
        SearchText.Stem("printers", "en").ShouldBe("printer");
        SearchText.Stem("drukarki", "pl").ShouldBe("drukark");
        SearchText.Stem("bus", "en").ShouldBe("bus");
        SearchText.Stem("access", "en").ShouldBe("access");
    }
}
