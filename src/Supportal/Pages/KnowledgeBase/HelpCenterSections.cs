using Microsoft.EntityFrameworkCore;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.KnowledgeBase;

/// <summary>A section as a reader sees it listed: its category and how many of its articles they may read.</summary>
public sealed record SectionSummary(Section Section, Category Category, int Articles);

public static class HelpCenterSections
{
    /// <summary>
    /// The sections with at least one article the reader may read (of one category, or all), in the help center's order;
    /// the counts count only those articles, so nothing hidden from the reader shows even as a number.
    /// </summary>
    public static async Task<List<SectionSummary>> ReadableAsync(KnowledgeAccess access, KnowledgeReader reader, int? categoryId = null)
    {
        var articles = access.Articles(reader);
        var rows = await access.Sections(reader).AsNoTracking()
            .Where(s => categoryId == null || s.CategoryId == categoryId)
            .Select(s => new { Section = s, s.Category, Articles = articles.Count(a => a.SectionId == s.Id) })
            .Where(s => s.Articles > 0)
            .OrderBy(s => s.Category.Order).ThenBy(s => s.Category.Id).ThenBy(s => s.Section.Order).ThenBy(s => s.Section.Id)
            .ToListAsync();
        return rows.Select(r => new SectionSummary(r.Section, r.Category, r.Articles)).ToList();
    }

    /// <summary>Articles as links: the id and both titles (the page shows the reader's), in the editors' order.</summary>
    public static IQueryable<Article> Links(IQueryable<Article> articles) => articles
        .OrderBy(a => a.Order).ThenBy(a => a.Id)
        .Select(a => new Article { Id = a.Id, SectionId = a.SectionId, TitleEn = a.TitleEn, TitlePl = a.TitlePl });
}
