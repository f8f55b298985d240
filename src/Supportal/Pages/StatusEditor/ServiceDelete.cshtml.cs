using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Status;

namespace Supportal.Pages.StatusEditor;

/// <summary>
/// Deletes a service after the editor has seen what goes with it: its whole state history (the intervals cascade),
/// and with it the uptime customers were shown.
/// </summary>
[Authorize(Policy = Policies.Status)]
public sealed class ServiceDeleteModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public StatusService Service { get; private set; } = null!;

    public int Intervals { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.StatusServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is not { } service)
            return NotFound();
        Service = service;
        Intervals = await db.StatusIntervals.CountAsync(i => i.ServiceId == id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.StatusServices.FindAsync(id) is not { } service)
            return NotFound();
        db.StatusServices.Remove(service);
        audit.Record(db, AuditActions.StatusChanged, User.AccountId(), $"service {id} deleted: {service.NameEn}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["StatusEditor.ServiceDeleted", service.Name].Value;
        return RedirectToPage("/StatusEditor/Index");
    }
}
