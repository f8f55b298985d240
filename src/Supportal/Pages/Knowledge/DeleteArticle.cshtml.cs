using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.Knowledge;

/// <summary>Deletes an article after asking; its versions, votes, follows and pictures go with it, and its search rows.</summary>
public sealed class DeleteArticleModel(AppDbContext db, ArticleIndex index, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Article Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.KbArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) is not { } article)
            return NotFound();
        Article = article;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.KbArticles.FindAsync(id) is not { } article)
            return NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.KbArticles.Remove(article);
        var title = article.TitleEn.Length > 0 ? article.TitleEn : article.TitlePl;
        audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"article {id} deleted: {(title.Length <= 200 ? title : title[..200])}");
        await db.SaveChangesAsync();
        await index.RemoveAsync(id);
        await transaction.CommitAsync();
        TempData["StatusMessage"] = localizer["Knowledge.ArticleDeleted", title].Value;
        return RedirectToPage("Section", new { id = article.SectionId });
    }
}
