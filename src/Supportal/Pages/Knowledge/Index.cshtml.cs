using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Platform;

namespace Supportal.Pages.Knowledge;

/// <summary>The help center as editors see it (HLP-1): categories and their sections in reading order, drafts counted.</summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit) : PageModel
{
    public sealed record SectionRow(int Id, string NameEn, string NamePl, Readership Readers, string? Manufacturer, int Published, int Drafts);

    public sealed record CategoryRow(int Id, string NameEn, string NamePl, IReadOnlyList<SectionRow> Sections);

    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var categories = await db.KbCategories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.NameEn, c.NamePl }).ToListAsync();
        var sections = await db.KbSections.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.CategoryId,
                Row = new SectionRow(s.Id, s.NameEn, s.NamePl, s.Readers, s.Manufacturer!.Name,
                    s.Articles.Count(a => a.PublishedAt != null), s.Articles.Count(a => a.PublishedAt == null)),
            }).ToListAsync();
        Categories = categories.Select(c => new CategoryRow(c.Id, c.NameEn, c.NamePl,
            sections.Where(s => s.CategoryId == c.Id).Select(s => s.Row).ToList())).ToList();
    }

    public async Task<IActionResult> OnPostMoveCategoryAsync(int id, bool up)
    {
        var categories = await db.KbCategories.OrderBy(c => c.Order).ThenBy(c => c.Id).ToListAsync();
        return await MoveAsync(categories, categories.FindIndex(c => c.Id == id), up, (c, order) => c.Order = order, $"category {id}");
    }

    public async Task<IActionResult> OnPostMoveSectionAsync(int id, bool up)
    {
        var categoryId = await db.KbSections.Where(s => s.Id == id).Select(s => (int?)s.CategoryId).FirstOrDefaultAsync();
        var sections = await db.KbSections.Where(s => s.CategoryId == categoryId).OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync();
        return await MoveAsync(sections, sections.FindIndex(s => s.Id == id), up, (s, order) => s.Order = order, $"section {id}");
    }

    private async Task<IActionResult> MoveAsync<T>(List<T> items, int index, bool up, Action<T, int> setOrder, string what)
    {
        if (index < 0)
            return NotFound();
        if (Ordering.Move(items, index, up, setOrder))
        {
            audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"{what} moved {(up ? "up" : "down")}");
            await db.SaveChangesAsync();
        }
        return RedirectToPage();
    }
}
