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

    // Enough candidates to rank from, from the section and from each label, without reading a popular label's every article.
    private const int Candidates = 50;
    private const int LabelsLooked = 10;

    public static async Task<List<Article>> FindAsync(KnowledgeAccess access, ArticleIndex index, KnowledgeReader reader, Article article)
    {
        var readable = access.Articles(reader).Where(a => a.Id != article.Id);
        var labels = ArticleIndex.Labels(article).Take(LabelsLooked).ToList();
        var candidates = await Links(readable.Where(a => a.SectionId == article.SectionId)).Take(Candidates).ToListAsync();
        if (labels.Count > 0)
        {
            var labelled = index.Labelled(labels, readable, Candidates);
            candidates.AddRange(await Links(readable.Where(a => labelled.Contains(a.Id))).ToListAsync());
        }
        return candidates.DistinctBy(a => a.Id)
            .Select(a => (Article: a, Shared: ArticleIndex.Labels(a).Count(labels.Contains)))
            .OrderByDescending(c => c.Shared).ThenBy(c => c.Article.SectionId != article.SectionId).ThenBy(c => c.Article.Order).ThenBy(c => c.Article.Id)
            .Take(Shown).Select(c => c.Article).ToList();
    }

    private static IQueryable<Article> Links(IQueryable<Article> articles) => articles
        .OrderBy(a => a.Order).ThenBy(a => a.Id)
        .Select(a => new Article { Id = a.Id, SectionId = a.SectionId, Order = a.Order, TitleEn = a.TitleEn, TitlePl = a.TitlePl, LabelsEn = a.LabelsEn, LabelsPl = a.LabelsPl });
}
