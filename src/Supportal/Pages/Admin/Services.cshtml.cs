using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Platform;
using Supportal.Tickets;

namespace Supportal.Pages.Admin;

/// <summary>
/// The platforms and services customers pick on a service request (TIC-4, TIC-7), in the order admins set.
/// Retired, never deleted: requests keep pointing at them.
/// </summary>
public sealed class ServicesModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Row(int Id, string NameEn, string NamePl, bool Active, int Tickets);

    public IReadOnlyList<Row> Services { get; private set; } = [];

    /// <summary>The service being renamed (from ?edit=), or null when the form adds one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Services.NameEn")]
        public string NameEn { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Services.NamePl")]
        public string NamePl { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Edit is { } id)
        {
            if (await db.Services.FindAsync(id) is not { } service)
                return NotFound();
            Input = new InputModel { NameEn = service.NameEn, NamePl = service.NamePl };
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (en, pl) = ((Input.NameEn ?? "").Trim(), (Input.NamePl ?? "").Trim());
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
        if (ModelState.IsValid && await db.Services.AnyAsync(s => s.NameEn.ToLower() == en.ToLower() && s.Id != Edit))
#pragma warning restore CA1304, CA1311, CA1862
            ModelState.AddModelError("Input.NameEn", localizer["Services.Duplicate", en]);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        if (Edit is { } id)
        {
            if (await db.Services.FindAsync(id) is not { } service)
                return NotFound();
            Record($"service {id} renamed from {service.NameEn} / {service.NamePl} to {en} / {pl}");
            (service.NameEn, service.NamePl) = (en, pl);
        }
        else
        {
            var order = (await db.Services.MaxAsync(s => (int?)s.Order) ?? 0) + 1;
            db.Services.Add(new Service { NameEn = en, NamePl = pl, Order = order });
            Record($"service added: {en} / {pl}");
        }
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[Edit is null ? "Services.Added" : "Services.Renamed", Languages.Pick(en, pl)].Value;
        return RedirectToPage(new { edit = (int?)null });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, bool up)
    {
        var services = await db.Services.OrderBy(s => s.Order).ThenBy(s => s.Id).ToListAsync();
        var index = services.FindIndex(s => s.Id == id);
        if (index < 0)
            return NotFound();
        if (Ordering.Move(services, index, up, (s, order) => s.Order = order))
        {
            Record($"service {id} moved {(up ? "up" : "down")}");
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { edit = (int?)null });
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active)
    {
        if (await db.Services.FindAsync(id) is not { } service)
            return NotFound();
        service.Active = active;
        Record($"service {id} {(active ? "restored" : "retired")}: {service.NameEn}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[active ? "Services.Restored" : "Services.Retired", service.Name].Value;
        return RedirectToPage(new { edit = (int?)null });
    }

    private void Record(string detail) => audit.Record(db, AuditActions.CatalogChanged, User.AccountId(), detail);

    private async Task LoadAsync() => Services = await db.Services.AsNoTracking()
        .OrderBy(s => s.Order).ThenBy(s => s.Id)
        .Select(s => new Row(s.Id, s.NameEn, s.NamePl, s.Active, db.Tickets.Count(t => t.ServiceId == s.Id)))
        .ToListAsync();
}
