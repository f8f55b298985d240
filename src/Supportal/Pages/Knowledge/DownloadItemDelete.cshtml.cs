using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.Knowledge;

/// <summary>
/// Deletes a download item with all its versions, after the editor has seen what goes. The stored files stay: the
/// store is shared by content, and the same bytes may be an attachment or another version.
/// </summary>
[Authorize(Policy = Policies.Knowledge)]
public sealed class DownloadItemDeleteModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public DownloadItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.DownloadItems.AsNoTracking().Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == id) is not { } item)
            return NotFound();
        Item = item;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.DownloadItems.Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == id) is not { } item)
            return NotFound();
        db.DownloadItems.Remove(item);
        audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"download {id} deleted with {item.Versions.Count} versions: {item.NameEn}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Downloads.ItemDeleted", item.Name].Value;
        return RedirectToPage("/Knowledge/Downloads");
    }
}
