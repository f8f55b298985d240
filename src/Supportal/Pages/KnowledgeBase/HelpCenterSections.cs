using Microsoft.EntityFrameworkCore;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.KnowledgeBase;

/// <summary>A section as a reader sees it listed: its category and, where counted, how many of its articles they may read.</summary>
public sealed record SectionSummary(Section Section, Category Category, int? Articles);

public static class HelpCenterSections
{
    /// <summary>
    /// The sections with at least one article the reader may read (of one category, or all), in the help center's order.
    /// Counts, when asked for, count only those articles, so nothing hidden from the reader shows even as a number. The
    /// home lists every section and does not count: counting reads every article there, asking whether one exists reads one
    /// a section.
    /// </summary>
    public static async Task<List<SectionSummary>> ReadableAsync(KnowledgeAccess access, KnowledgeReader reader, int? categoryId, bool counted)
    {
        var articles = access.Articles(reader);
        var sections = access.Sections(reader).AsNoTracking()
            .Where(s => categoryId == null || s.CategoryId == categoryId)
            .Where(s => articles.Any(a => a.SectionId == s.Id))
            .OrderBy(s => s.Category.Order).ThenBy(s => s.Category.Id).ThenBy(s => s.Order).ThenBy(s => s.Id);
        return counted
            ? await sections.Select(s => new SectionSummary(s, s.Category, articles.Count(a => a.SectionId == s.Id))).ToListAsync()
            : await sections.Select(s => new SectionSummary(s, s.Category, null)).ToListAsync();
    }

    /// <summary>Articles as links: the id and both titles (the page shows the reader's), in the editors' order.</summary>
    public static IQueryable<Article> Links(IQueryable<Article> articles) => articles
        .OrderBy(a => a.Order).ThenBy(a => a.Id)
        .Select(a => new Article { Id = a.Id, SectionId = a.SectionId, TitleEn = a.TitleEn, TitlePl = a.TitlePl });
}
