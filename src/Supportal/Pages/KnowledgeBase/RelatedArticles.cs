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

    // Enough candidates to rank from, without reading a whole popular label's articles.
    private const int Candidates = 50;
    private const int LabelsLooked = 10;

    public static async Task<List<Article>> FindAsync(KnowledgeAccess access, ArticleIndex index, KnowledgeReader reader, Article article)
    {
        var readable = access.Articles(reader).Where(a => a.Id != article.Id);
        var labels = LabelsOf(article).Take(LabelsLooked).ToList();
        var candidates = await Links(readable.Where(a => a.SectionId == article.SectionId)).ToListAsync();
        if (labels.Count > 0)
        {
            var labelled = index.Labelled(labels);
            candidates.AddRange(await Links(readable.Where(a => labelled.Contains(a.Id))).ToListAsync());
        }
        return candidates.DistinctBy(a => a.Id)
            .Select(a => (Article: a, Shared: LabelsOf(a).Count(labels.Contains)))
            // The index matches a label's words ("vpn" in "vpn client"); only whole labels or the same section count.
            .Where(c => c.Shared > 0 || c.Article.SectionId == article.SectionId)
            .OrderByDescending(c => c.Shared).ThenBy(c => c.Article.SectionId != article.SectionId).ThenBy(c => c.Article.Order).ThenBy(c => c.Article.Id)
            .Take(Shown).Select(c => c.Article).ToList();
    }

    /// <summary>Both languages' labels, lower case, each once (a label may read the same in both).</summary>
    private static IEnumerable<string> LabelsOf(Article article) =>
        Article.SplitLabels(article.LabelsEn).Concat(Article.SplitLabels(article.LabelsPl)).Select(l => l.ToLowerInvariant()).Distinct();

    private static IQueryable<Article> Links(IQueryable<Article> articles) => articles
        .OrderBy(a => a.Order).ThenBy(a => a.Id).Take(Candidates)
        .Select(a => new Article { Id = a.Id, SectionId = a.SectionId, Order = a.Order, TitleEn = a.TitleEn, TitlePl = a.TitlePl, LabelsEn = a.LabelsEn, LabelsPl = a.LabelsPl });
}
