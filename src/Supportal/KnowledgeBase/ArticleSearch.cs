using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace Supportal.KnowledgeBase;

/// <summary>A search result: the article as the reader sees it, where it lives, and the body around the first matched word.</summary>
public sealed record FoundArticle(int Id, IHtmlContent Title, int CategoryId, string Category, int SectionId, string Section,
    IHtmlContent Snippet, string? Fallback);

/// <summary>A page of results and how many there are; <paramref name="More"/>: more than <paramref name="Count"/>, counting stopped there.</summary>
public sealed record SearchPage(int Count, bool More, IReadOnlyList<FoundArticle> Articles);

/// <summary>A suggested article: its id and its title in the reader's language (or the other one).</summary>
public sealed record SuggestedArticle(int Id, string Title);

/// <summary>
/// The help-center search for readers, shared by the search page, the suggestions under the search box and the
/// suggestions beside the request forms: the index's hits joined with what the reader may read, so nothing unreadable is
/// ever found, counted or suggested. Each article comes once, a hit in the reader's language before a hit in the other
/// one, then by rank.
/// </summary>
public sealed class ArticleSearch(ArticleIndex index, KnowledgeAccess access)
{
    /// <summary>Longer queries narrow nothing further (the index takes eight words) and only cost parsing.</summary>
    public const int QueryLength = 200;

    /// <summary>Fewer letters than this in a query match too many words to suggest anything useful.</summary>
    public const int SuggestFrom = 3;

    /// <summary>
    /// Matches are counted up to this many: nobody pages further through a ranked list, and counting every match of a
    /// common word would read them all.
    /// </summary>
    public const int CountedUpTo = 1000;

    public async Task<SearchPage> SearchAsync(KnowledgeReader reader, string query, int offset, int take, CancellationToken cancel = default)
    {
        var readable = access.Articles(reader).Select(a => a.Id);
        var count = await index.Find(Trim(query)).Where(h => readable.Contains(h.ArticleId)).Select(h => h.ArticleId).Distinct()
            .Take(CountedUpTo + 1).CountAsync(cancel);
        if (count == 0)
            return new(0, false, []);
        var ids = await Ranked(reader, query).Skip(offset).Take(take).Select(h => h.ArticleId).ToListAsync(cancel);
        var articles = await access.Articles(reader).Where(a => ids.Contains(a.Id))
            .Include(a => a.Section).ThenInclude(s => s.Category).AsNoTracking().ToDictionaryAsync(a => a.Id, cancel);
        var words = SearchText.QueryWords(query);
        return new(Math.Min(count, CountedUpTo), count > CountedUpTo, ids.Where(articles.ContainsKey).Select(id => articles[id]).Select(a => new FoundArticle(
            a.Id, SearchSnippet.Highlight(a.Title, words, a.Fallback ?? ReaderLanguage), a.Section.CategoryId, a.Section.Category.Name, a.SectionId, a.Section.Name,
            SnippetOf(a, words), a.Fallback)).ToList());
    }

    /// <summary>
    /// Up to <paramref name="take"/> articles whose titles match a query being typed (a title is what a suggestion shows);
    /// nothing for a query of too few letters.
    /// </summary>
    public async Task<IReadOnlyList<SuggestedArticle>> SuggestAsync(KnowledgeReader reader, string query, int take, CancellationToken cancel = default)
    {
        if (SearchText.QueryWords(Trim(query)).Sum(w => w.Length) < SuggestFrom)
            return [];
        var ids = await Ranked(reader, query, titles: true).Take(take).Select(h => h.ArticleId).ToListAsync(cancel);
        // The titles alone, into articles, so that the article picks the language as everywhere else.
        var titles = await access.Articles(reader).Where(a => ids.Contains(a.Id))
            .Select(a => new Article { Id = a.Id, TitleEn = a.TitleEn, TitlePl = a.TitlePl }).ToDictionaryAsync(a => a.Id, cancel);
        return ids.Where(titles.ContainsKey).Select(id => new SuggestedArticle(id, titles[id].Title)).ToList();
    }

    /// <summary>The query as the search uses it: at most <see cref="QueryLength"/> characters.</summary>
    public static string Trim(string? query) => (query ?? "").Trim() is var q && q.Length > QueryLength ? q[..QueryLength] : q;

    // Set by an initializer, not a constructor: EF orders by the members only of objects it builds that way.
    private sealed class RankedHit
    {
        public int ArticleId { get; init; }
        public int InReaderLanguage { get; init; }
        public double Rank { get; init; }
    }

    private IQueryable<RankedHit> Ranked(KnowledgeReader reader, string query, bool titles = false)
    {
        var language = ReaderLanguage;
        var readable = access.Articles(reader).Select(a => a.Id);
        // An article has a row per translation: it comes once, ranked by its translation in the reader's language when
        // that one matched, else by the other.
        return index.Find(Trim(query), titles).Where(h => readable.Contains(h.ArticleId))
            .GroupBy(h => h.ArticleId)
            .Select(g => new RankedHit
            {
                ArticleId = g.Key,
                InReaderLanguage = g.Max(h => h.Language == language ? 1 : 0),
                Rank = g.Max(h => h.Language == language ? (double?)h.Rank : null) ?? g.Max(h => h.Rank),
            })
            .OrderByDescending(h => h.InReaderLanguage).ThenByDescending(h => h.Rank).ThenBy(h => h.ArticleId);
    }

    private static string ReaderLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "pl" ? "pl" : "en";

    /// <summary>
    /// The shown translation's body around the first matched word; when only the other translation matched, that one's
    /// body, so that the snippet shows why the article was found.
    /// </summary>
    private static IHtmlContent SnippetOf(Article article, IReadOnlyList<string> words)
    {
        var shownLanguage = article.Fallback ?? ReaderLanguage;
        var shown = Platform.Markdown.ToPlainText(article.Body);
        if (SearchSnippet.FirstMatch(shown, words, shownLanguage) < 0)
        {
            var otherLanguage = shownLanguage == "pl" ? "en" : "pl";
            var other = Platform.Markdown.ToPlainText(otherLanguage == "pl" ? article.BodyPl : article.BodyEn);
            if (SearchSnippet.FirstMatch(other, words, otherLanguage) >= 0)
                return SearchSnippet.Around(other, words, otherLanguage);
        }
        return SearchSnippet.Around(shown, words, shownLanguage);
    }
}
