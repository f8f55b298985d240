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
/// Deletes one version of a download, after the editor has seen which. Its file stays in the store, which is shared by
/// content with attachments and other versions.
/// </summary>
[Authorize(Policy = Policies.Knowledge)]
public sealed class DownloadVersionDeleteModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public DownloadVersion Version { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.DownloadVersions.AsNoTracking().Include(v => v.Item).FirstOrDefaultAsync(v => v.Id == id) is not { } version)
            return NotFound();
        Version = version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.DownloadVersions.Include(v => v.Item).FirstOrDefaultAsync(v => v.Id == id) is not { } version)
            return NotFound();
        db.DownloadVersions.Remove(version);
        audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"download {version.ItemId} version {version.Version} deleted: {version.FileName}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Downloads.VersionDeleted", version.Item.Name, version.Version].Value;
        return RedirectToPage("/Knowledge/DownloadItem", new { id = version.ItemId });
    }
}
