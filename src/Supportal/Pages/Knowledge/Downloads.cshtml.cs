using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Platform;

namespace Supportal.Pages.Knowledge;

/// <summary>
/// The editors' view of the Downloads page: its groups (added, renamed, ordered, deleted once empty) and the items in
/// them, ordered within their group. An item's own details and versions have pages of their own.
/// </summary>
[Authorize(Policy = Policies.Knowledge)]
public sealed class DownloadsModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<DownloadGroup> Groups { get; private set; } = [];

    /// <summary>The group being renamed (from ?edit=), or null when the form adds one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Downloads.GroupNameEn")]
        public string NameEn { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Downloads.GroupNamePl")]
        public string NamePl { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Edit is { } id)
        {
            if (await db.DownloadGroups.FindAsync(id) is not { } group)
                return NotFound();
            Input = new InputModel { NameEn = group.NameEn, NamePl = group.NamePl };
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var (en, pl) = (Input.NameEn.Trim(), Input.NamePl.Trim());
        if (Edit is { } id)
        {
            if (await db.DownloadGroups.FindAsync(id) is not { } group)
                return NotFound();
            (group.NameEn, group.NamePl) = (en, pl);
            audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"download group {id} renamed: {en}");
        }
        else
        {
            var order = (await db.DownloadGroups.MaxAsync(g => (int?)g.Order) ?? 0) + 1;
            db.DownloadGroups.Add(new DownloadGroup { NameEn = en, NamePl = pl, Order = order });
            audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"download group added: {en}");
        }
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[Edit is null ? "Downloads.GroupAdded" : "Downloads.GroupRenamed", Languages.Pick(en, pl)].Value;
        return RedirectToPage(new { edit = (int?)null });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, bool up)
    {
        var groups = await db.DownloadGroups.OrderBy(g => g.Order).ThenBy(g => g.Id).ToListAsync();
        var index = groups.FindIndex(g => g.Id == id);
        if (index < 0)
            return NotFound();
        if (Ordering.Move(groups, index, up, (g, order) => g.Order = order))
        {
            audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"download group {id} moved {(up ? "up" : "down")}");
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { edit = (int?)null });
    }

    public async Task<IActionResult> OnPostMoveItemAsync(int id, bool up)
    {
        if (await db.DownloadItems.FindAsync(id) is not { } moved)
            return NotFound();
        var items = await db.DownloadItems.Where(i => i.GroupId == moved.GroupId).OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync();
        if (Ordering.Move(items, items.IndexOf(moved), up, (i, order) => i.Order = order))
        {
            audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"download {id} moved {(up ? "up" : "down")}");
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { edit = (int?)null });
    }

    /// <summary>Only an empty group goes: deleting one must never take items (and their files' links) with it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await db.DownloadGroups.FindAsync(id) is not { } group)
            return NotFound();
        if (await db.DownloadItems.AnyAsync(i => i.GroupId == id))
            TempData["StatusMessage"] = localizer["Downloads.GroupNotEmpty", group.Name].Value;
        else
        {
            db.DownloadGroups.Remove(group);
            audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"download group {id} deleted: {group.NameEn}");
            await db.SaveChangesAsync();
            TempData["StatusMessage"] = localizer["Downloads.GroupDeleted", group.Name].Value;
        }
        return RedirectToPage(new { edit = (int?)null });
    }

    private async Task LoadAsync() => Groups = await db.DownloadGroups.AsNoTracking()
        .Include(g => g.Items.OrderBy(i => i.Order).ThenBy(i => i.Id)).ThenInclude(i => i.Versions)
        .OrderBy(g => g.Order).ThenBy(g => g.Id).AsSplitQuery().ToListAsync();
}
