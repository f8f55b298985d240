using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.KnowledgeBase;

/// <summary>A category: its sections the reader has something to read in, each with its first articles.</summary>
[AllowAnonymous]
public sealed class CategoryModel(KnowledgeAccess access) : PageModel
{
    private const int ArticlesPerSection = 6;

    public Category Category { get; private set; } = null!;
    public List<SectionSummary> Sections { get; private set; } = [];
    public Dictionary<int, List<Article>> Articles { get; } = [];

    /// <summary>A category with nothing the reader may read is "not found", like one that does not exist.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var reader = await access.ReaderAsync(User, HttpContext.RequestAborted);
        Sections = await HelpCenterSections.ReadableAsync(access, reader, id, counted: true);
        if (Sections.Count == 0)
            return NotFound();
        Category = Sections[0].Category;
        foreach (var section in Sections)
        {
            var sectionId = section.Section.Id;
            Articles[sectionId] = await HelpCenterSections.Links(access.Articles(reader).Where(a => a.SectionId == sectionId))
                .Take(ArticlesPerSection).ToListAsync();
        }
        return Page();
    }
}
