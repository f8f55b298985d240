using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.Knowledge;

/// <summary>
/// An article's saves, newest first (who, when, what); one of them shown as readers would have seen it, and restored as a
/// new save. Restoring changes the text only: a published article stays published, a draft a draft.
/// </summary>
public sealed class HistoryModel(AppDbContext db, ArticleSaver saver, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Row(int Number, string? By, DateTime SavedAt, string Note);

    public Article Article { get; private set; } = null!;
    public IReadOnlyList<Row> Versions { get; private set; } = [];

    /// <summary>The version shown (from ?version=), or null for the list alone.</summary>
    public ArticleVersion? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? version)
    {
        if (await db.KbArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) is not { } article)
            return NotFound();
        Article = article;
        if (version is { } number && (Shown = await db.KbArticleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ArticleId == id && v.Number == number)) is null)
            return NotFound();
        Versions = (await db.KbArticleVersions.AsNoTracking().Include(v => v.SavedBy).Where(v => v.ArticleId == id)
            .OrderByDescending(v => v.Number).ToListAsync()).Select(v => new Row(v.Number, v.SavedBy?.DisplayName, v.SavedAt, v.Note)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int version)
    {
        var article = await db.KbArticles.Include(a => a.Section).FirstOrDefaultAsync(a => a.Id == id);
        var old = await db.KbArticleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ArticleId == id && v.Number == version);
        if (article is null || old is null)
            return NotFound();
        (article.TitleEn, article.TitlePl, article.BodyEn, article.BodyPl, article.LabelsEn, article.LabelsPl) =
            (old.TitleEn, old.TitlePl, old.BodyEn, old.BodyPl, old.LabelsEn, old.LabelsPl);
        try
        {
            await saver.SaveAsync(article, article.Section, ArticleSaver.Notes.Restored(version), User.AccountId(), notify: false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between reading and restoring: nothing was changed; the history shows their save now.
            TempData["StatusMessage"] = localizer["Knowledge.RestoreConflict"].Value;
            return RedirectToPage(new { id, version = (int?)null });
        }
        TempData["StatusMessage"] = localizer["Knowledge.Restored", version].Value;
        return RedirectToPage("Article", new { id });
    }
}
