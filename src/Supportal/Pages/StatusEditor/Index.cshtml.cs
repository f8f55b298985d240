using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Platform;
using Supportal.Status;

namespace Supportal.Pages.StatusEditor;

/// <summary>
/// The status editors' view of the status page: its groups (added, renamed, ordered, deleted once empty) and the
/// services in them with their current state. A service's details, state and deletion have pages of their own.
/// </summary>
[Authorize(Policy = Policies.Status)]
public sealed class IndexModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<ServiceGroup> Groups { get; private set; } = [];

    /// <summary>When each service entered its current state: the start of its open interval.</summary>
    public IReadOnlyDictionary<int, DateTime> Since { get; private set; } = new Dictionary<int, DateTime>();

    /// <summary>The group being renamed (from ?edit=), or null when the form adds one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(StatusService.NameLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "StatusEditor.GroupNameEn")]
        public string NameEn { get; set; } = "";

        [StringLength(StatusService.NameLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "StatusEditor.GroupNamePl")]
        public string? NamePl { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Edit is { } id)
        {
            if (await db.StatusGroups.FindAsync(id) is not { } group)
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
        var (en, pl) = (Input.NameEn.Trim(), (Input.NamePl ?? "").Trim());
        if (Edit is { } id)
        {
            if (await db.StatusGroups.FindAsync(id) is not { } group)
                return NotFound();
            (group.NameEn, group.NamePl) = (en, pl);
            audit.Record(db, AuditActions.StatusChanged, User.AccountId(), $"group {id} renamed: {en}");
        }
        else
        {
            var order = (await db.StatusGroups.MaxAsync(g => (int?)g.Order) ?? 0) + 1;
            db.StatusGroups.Add(new ServiceGroup { NameEn = en, NamePl = pl, Order = order });
            audit.Record(db, AuditActions.StatusChanged, User.AccountId(), $"group added: {en}");
        }
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[Edit is null ? "StatusEditor.GroupAdded" : "StatusEditor.GroupRenamed", Languages.Pick(en, pl)].Value;
        return RedirectToPage(new { edit = (int?)null });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, bool up)
    {
        var groups = await db.StatusGroups.OrderBy(g => g.Order).ThenBy(g => g.Id).ToListAsync();
        var index = groups.FindIndex(g => g.Id == id);
        if (index < 0)
            return NotFound();
        if (Ordering.Move(groups, index, up, (g, order) => g.Order = order))
        {
            audit.Record(db, AuditActions.StatusChanged, User.AccountId(), $"group {id} moved {(up ? "up" : "down")}");
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { edit = (int?)null });
    }

    public async Task<IActionResult> OnPostMoveServiceAsync(int id, bool up)
    {
        if (await db.StatusServices.FindAsync(id) is not { } moved)
            return NotFound();
        var services = await db.StatusServices.Where(s => s.GroupId == moved.GroupId).OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync();
        if (Ordering.Move(services, services.IndexOf(moved), up, (s, order) => s.Order = order))
        {
            audit.Record(db, AuditActions.StatusChanged, User.AccountId(), $"service {id} moved {(up ? "up" : "down")}");
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { edit = (int?)null });
    }

    /// <summary>Only an empty group goes: deleting one must never take services and their history with it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await db.StatusGroups.FindAsync(id) is not { } group)
            return NotFound();
        if (await db.StatusServices.AnyAsync(s => s.GroupId == id))
            TempData["StatusMessage"] = localizer["StatusEditor.GroupNotEmpty", group.Name].Value;
        else
        {
            db.StatusGroups.Remove(group);
            audit.Record(db, AuditActions.StatusChanged, User.AccountId(), $"group {id} deleted: {group.NameEn}");
            await db.SaveChangesAsync();
            TempData["StatusMessage"] = localizer["StatusEditor.GroupDeleted", group.Name].Value;
        }
        return RedirectToPage(new { edit = (int?)null });
    }

    private async Task LoadAsync()
    {
        Groups = await db.StatusGroups.AsNoTracking()
            .Include(g => g.Services.OrderBy(s => s.Order).ThenBy(s => s.Id))
            .OrderBy(g => g.Order).ThenBy(g => g.Id).ToListAsync();
        Since = await db.StatusIntervals.AsNoTracking().Where(i => i.To == null).ToDictionaryAsync(i => i.ServiceId, i => i.From);
    }
}
