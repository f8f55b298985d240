using Microsoft.EntityFrameworkCore;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.KnowledgeBase;

/// <summary>
/// "Related articles": readable articles sharing the most labels with this one (in either language), then others from
/// its section, in the editors' order.
/// </summary>
public static class RelatedArticles
{
    public const int Shown = 5;

    // Enough candidates per label to rank from, without reading a whole popular label's articles.
    private const int CandidatesPerQuery = 20;
    private const int LabelsLooked = 10;

    public static async Task<List<Article>> FindAsync(KnowledgeAccess access, KnowledgeReader reader, Article article)
    {
        var readable = access.Articles(reader).Where(a => a.Id != article.Id);
        var labels = LabelsOf(article).Take(LabelsLooked).ToList();
        var candidates = await Candidates(readable.Where(a => a.SectionId == article.SectionId)).ToListAsync();
        foreach (var label in labels)
        {
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
            candidates.AddRange(await Candidates(readable.Where(a => a.LabelsEn.ToLower().Contains(label) || a.LabelsPl.ToLower().Contains(label))).ToListAsync());
#pragma warning restore CA1304, CA1311, CA1862
        }
        return candidates.DistinctBy(a => a.Id)
            .Select(a => (Article: a, Shared: LabelsOf(a).Count(labels.Contains)))
            // The SQL match is on substrings ("vpn" in "vpn-client"); only whole labels or the same section count.
            .Where(c => c.Shared > 0 || c.Article.SectionId == article.SectionId)
            .OrderByDescending(c => c.Shared).ThenBy(c => c.Article.SectionId != article.SectionId).ThenBy(c => c.Article.Order).ThenBy(c => c.Article.Id)
            .Take(Shown).Select(c => c.Article).ToList();
    }

    /// <summary>Both languages' labels, lower case, each once (a label may read the same in both).</summary>
    private static IEnumerable<string> LabelsOf(Article article) =>
        Article.SplitLabels(article.LabelsEn).Concat(Article.SplitLabels(article.LabelsPl)).Select(l => l.ToLowerInvariant()).Distinct();

    private static IQueryable<Article> Candidates(IQueryable<Article> articles) => articles
        .OrderBy(a => a.Order).ThenBy(a => a.Id).Take(CandidatesPerQuery)
        .Select(a => new Article { Id = a.Id, SectionId = a.SectionId, Order = a.Order, TitleEn = a.TitleEn, TitlePl = a.TitlePl, LabelsEn = a.LabelsEn, LabelsPl = a.LabelsPl });
}
