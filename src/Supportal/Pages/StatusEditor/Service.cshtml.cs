using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Status;

namespace Supportal.Pages.StatusEditor;

/// <summary>
/// One service on the status page: added to a group (?group=) or edited (its id): its group, names and descriptions.
/// Its state is changed on a page of its own, so saving details never touches the history.
/// </summary>
[Authorize(Policy = Policies.Status)]
public sealed class ServiceModel(AppDbContext db, ServiceStates states, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public StatusService? Service { get; private set; }

    public List<SelectListItem> GroupOptions { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "StatusEditor.Group")]
        public int? GroupId { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(StatusService.NameLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "StatusEditor.NameEn")]
        public string NameEn { get; set; } = "";

        [StringLength(StatusService.NameLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "StatusEditor.NamePl")]
        public string? NamePl { get; set; }

        [StringLength(StatusService.DescriptionLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "StatusEditor.DescriptionEn")]
        public string? DescriptionEn { get; set; }

        [StringLength(StatusService.DescriptionLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "StatusEditor.DescriptionPl")]
        public string? DescriptionPl { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? group)
    {
        if (id is not null)
        {
            if (await db.StatusServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is not { } service)
                return NotFound();
            Service = service;
            Input = new InputModel
            {
                GroupId = service.GroupId, NameEn = service.NameEn, NamePl = service.NamePl,
                DescriptionEn = service.DescriptionEn, DescriptionPl = service.DescriptionPl,
            };
        }
        else
            Input.GroupId = group;
        await LoadGroupsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var service = id is null ? null : await db.StatusServices.FindAsync(id.Value);
        if (id is not null && service is null)
            return NotFound();
        if (Input.GroupId is { } groupId && !await db.StatusGroups.AnyAsync(g => g.Id == groupId))
            ModelState.AddModelError("Input.GroupId", localizer["Validation.Required", localizer["StatusEditor.Group"]]);
        if (!ModelState.IsValid)
        {
            Service = service;
            await LoadGroupsAsync();
            return Page();
        }
        var group = Input.GroupId!.Value;
        if (service is null)
        {
            service = new StatusService { NameEn = "", GroupId = group, Order = await NextOrderAsync(group) };
            // The only way in: it starts operational with its history open from now.
            states.Add(service, clock.GetUtcNow().UtcDateTime);
        }
        else if (service.GroupId != group)
            (service.GroupId, service.Order) = (group, await NextOrderAsync(group));
        (service.NameEn, service.NamePl) = (Input.NameEn.Trim(), (Input.NamePl ?? "").Trim());
        (service.DescriptionEn, service.DescriptionPl) = ((Input.DescriptionEn ?? "").Trim(), (Input.DescriptionPl ?? "").Trim());
        audit.Record(db, AuditActions.StatusChanged, User.AccountId(), $"service {(id is null ? "added" : $"{id} saved")}: {service.NameEn}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[id is null ? "StatusEditor.ServiceAdded" : "StatusEditor.ServiceSaved", service.Name].Value;
        return RedirectToPage("/StatusEditor/Index");
    }

    /// <summary>A service added to or moved into a group goes last in it.</summary>
    private async Task<int> NextOrderAsync(int groupId) =>
        (await db.StatusServices.Where(s => s.GroupId == groupId).MaxAsync(s => (int?)s.Order) ?? 0) + 1;

    private async Task LoadGroupsAsync() =>
        GroupOptions = [.. (await db.StatusGroups.AsNoTracking().OrderBy(g => g.Order).ThenBy(g => g.Id).ToListAsync())
            .Select(g => new SelectListItem(g.Name, g.Id.ToString(CultureInfo.InvariantCulture)))];
}
