using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Tickets;

namespace Supportal.Pages.KnowledgeBase;

/// <summary>
/// A picture of an article, shown inline to whoever may read the article (editors: drafts too) and only for the image
/// types a browser shows without running anything; anything else is "not found", so a guessed id tells nothing.
/// </summary>
[AllowAnonymous]
public sealed class ImageModel(AppDbContext db, KnowledgeAccess access, AttachmentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, string name)
    {
        var image = await db.KbArticleImages.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
        if (image is null || image.FileName != name || !ArticleImages.SafeTypes.Contains(image.ContentType))
            return NotFound();
        var readable = KnowledgeAccess.IsEditor(User)
            || await access.Articles(await access.ReaderAsync(User)).AnyAsync(a => a.Id == image.ArticleId);
        if (!readable)
            return NotFound();
        return store.Serve(Response, image.Sha256, image.FileName, image.ContentType, preview: true) is { } result ? result : NotFound();
    }
}
