using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;

namespace Supportal.Pages.Admin;

/// <summary>
/// The vendors whose products contracts cover (CON-1). Manufacturers are switched off, never deleted: products,
/// assets and tickets refer to them.
/// </summary>
public sealed class ManufacturersModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Row(int Id, string Name, bool Active, int Products, int Fields);

    public IReadOnlyList<Row> Manufacturers { get; private set; } = [];

    /// <summary>The manufacturer being renamed (from ?edit=), or null when the form adds a new one.</summary>
    public int? Editing { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Catalog.Manufacturer.Name")]
        public string Name { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int? edit)
    {
        if (edit is { } id)
        {
            if (await db.Manufacturers.FindAsync(id) is not { } manufacturer)
                return NotFound();
            Editing = id;
            Input.Name = manufacturer.Name;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? edit)
    {
        Editing = edit;
        var name = Input.Name.Trim();
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
        if (ModelState.IsValid && await db.Manufacturers.AnyAsync(m => m.Name.ToLower() == name.ToLower() && m.Id != edit))
#pragma warning restore CA1304, CA1311, CA1862
            ModelState.AddModelError("Input.Name", localizer["Catalog.Manufacturer.Duplicate", name]);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        if (edit is { } id)
        {
            if (await db.Manufacturers.FindAsync(id) is not { } manufacturer)
                return NotFound();
            Record($"manufacturer {id} renamed from {manufacturer.Name} to {name}");
            manufacturer.Name = name;
            TempData["StatusMessage"] = localizer["Catalog.Manufacturer.Renamed", name].Value;
        }
        else
        {
            var manufacturer = new Manufacturer { Name = name };
            db.Manufacturers.Add(manufacturer);
            await db.SaveChangesAsync();
            Record($"manufacturer {manufacturer.Id} added: {name}");
            TempData["StatusMessage"] = localizer["Catalog.Manufacturer.Added", name].Value;
        }
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active)
    {
        if (await db.Manufacturers.FindAsync(id) is not { } manufacturer)
            return NotFound();
        manufacturer.Active = active;
        Record($"manufacturer {id} {(active ? "activated" : "deactivated")}: {manufacturer.Name}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[active ? "Catalog.Manufacturer.Activated" : "Catalog.Manufacturer.Deactivated", manufacturer.Name].Value;
        return RedirectToPage();
    }

    private void Record(string detail) => audit.Record(db, AuditActions.CatalogChanged, User.AccountId(), detail);

    private async Task LoadAsync() => Manufacturers = await db.Manufacturers.AsNoTracking()
        .OrderBy(m => m.Name)
        .Select(m => new Row(m.Id, m.Name, m.Active, m.Products.Count, m.Fields.Count(f => f.Active)))
        .ToListAsync();
}
