using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Status;

namespace Supportal.Pages.StatusEditor;

/// <summary>Puts one service in another state; <see cref="ServiceStates"/> closes the old interval and opens the new one.</summary>
[Authorize(Policy = Policies.Status)]
public sealed class StateModel(AppDbContext db, ServiceStates states, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public StatusService Service { get; private set; } = null!;

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required"), EnumDataType(typeof(ServiceState), ErrorMessage = "Validation.Required")]
    [Display(Name = "StatusEditor.StateLabel")]
    public ServiceState? State { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.StatusServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is not { } service)
            return NotFound();
        (Service, State) = (service, service.State);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.StatusServices.FindAsync(id) is not { } service)
            return NotFound();
        Service = service;
        if (!ModelState.IsValid)
            return Page();
        var state = State!.Value;
        var name = localizer["Status.State." + state].Value;
        if (state == service.State)
        {
            TempData["StatusMessage"] = localizer["StatusEditor.StateUnchanged", service.Name, name].Value;
            return RedirectToPage("/StatusEditor/Index");
        }
        // The closed interval, the new one and the service's state are one change: none is saved without the others.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await states.SetAsync(service, state, clock.GetUtcNow().UtcDateTime);
        audit.Record(db, AuditActions.StatusChanged, User.AccountId(), $"service {id} state {state}: {service.NameEn}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["StatusMessage"] = localizer["StatusEditor.StateChanged", service.Name, name].Value;
        return RedirectToPage("/StatusEditor/Index");
    }
}
