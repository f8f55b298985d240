using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.Knowledge;

/// <summary>
/// One download item: added to a group (?group=) or edited (its id): its names and descriptions in both languages, its
/// group and who may read it; the page lists its versions, each with a way to delete it.
/// </summary>
[Authorize(Policy = Policies.Knowledge)]
public sealed class DownloadItemModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public DownloadItem? Item { get; private set; }

    public List<SelectListItem> GroupOptions { get; private set; } = [];

    public List<SelectListItem> ManufacturerOptions { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Downloads.Group")]
        public int? GroupId { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Downloads.NameEn")]
        public string NameEn { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Downloads.NamePl")]
        public string NamePl { get; set; } = "";

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Downloads.DescriptionEn")]
        public string? DescriptionEn { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Downloads.DescriptionPl")]
        public string? DescriptionPl { get; set; }

        [Display(Name = "Downloads.ReadersLabel")]
        public Readership Readers { get; set; }

        [Display(Name = "Downloads.Manufacturer")]
        public int? ManufacturerId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? group)
    {
        if (id is not null)
        {
            if (await LoadItemAsync(id.Value) is not { } item)
                return NotFound();
            Input = new InputModel
            {
                GroupId = item.GroupId, NameEn = item.NameEn, NamePl = item.NamePl, DescriptionEn = item.DescriptionEn,
                DescriptionPl = item.DescriptionPl, Readers = item.Readers, ManufacturerId = item.ManufacturerId,
            };
        }
        else
            Input.GroupId = group;
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var item = id is null ? null : await db.DownloadItems.FindAsync(id.Value);
        if (id is not null && item is null)
            return NotFound();
        if (Input.GroupId is { } groupId && !await db.DownloadGroups.AnyAsync(g => g.Id == groupId))
            ModelState.AddModelError("Input.GroupId", localizer["Validation.Required", localizer["Downloads.Group"]]);
        // Contract holders are always of some manufacturer; for the other choices a manufacturer would mean nothing.
        if (Input.Readers == Readership.ContractHolders
            && (Input.ManufacturerId is not { } maker || !await db.Manufacturers.AnyAsync(m => m.Id == maker)))
            ModelState.AddModelError("Input.ManufacturerId", localizer["Downloads.ManufacturerRequired"]);
        if (!ModelState.IsValid)
        {
            Item = id is null ? null : await LoadItemAsync(id.Value);
            await LoadOptionsAsync();
            return Page();
        }
        if (item is null)
        {
            var order = (await db.DownloadItems.Where(i => i.GroupId == Input.GroupId).MaxAsync(i => (int?)i.Order) ?? 0) + 1;
            item = new DownloadItem { NameEn = "", Order = order };
            db.DownloadItems.Add(item);
        }
        else if (item.GroupId != Input.GroupId)
            item.Order = (await db.DownloadItems.Where(i => i.GroupId == Input.GroupId).MaxAsync(i => (int?)i.Order) ?? 0) + 1;
        item.GroupId = Input.GroupId!.Value;
        (item.NameEn, item.NamePl) = (Input.NameEn.Trim(), Input.NamePl.Trim());
        (item.DescriptionEn, item.DescriptionPl) = ((Input.DescriptionEn ?? "").Trim(), (Input.DescriptionPl ?? "").Trim());
        item.Readers = Input.Readers;
        item.ManufacturerId = Input.Readers == Readership.ContractHolders ? Input.ManufacturerId : null;
        audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"download {(id is null ? "added" : $"{id} saved")}: {item.NameEn}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[id is null ? "Downloads.ItemAdded" : "Downloads.ItemSaved", item.Name].Value;
        return RedirectToPage(new { id = item.Id, group = (int?)null });
    }

    private async Task<DownloadItem?> LoadItemAsync(int id) => Item = await db.DownloadItems.AsNoTracking()
        .Include(i => i.Versions.OrderByDescending(v => v.ReleasedOn).ThenByDescending(v => v.Id))
        .FirstOrDefaultAsync(i => i.Id == id);

    private async Task LoadOptionsAsync()
    {
        GroupOptions = [.. (await db.DownloadGroups.AsNoTracking().OrderBy(g => g.Order).ThenBy(g => g.Id).ToListAsync())
            .Select(g => new SelectListItem(g.Name, g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        ManufacturerOptions = await db.Manufacturers.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new SelectListItem(m.Name, m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync();
    }
}
