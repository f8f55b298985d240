using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;

namespace Supportal.Pages.Admin;

/// <summary>The products contracts cover (CON-2), by manufacturer. Switched off, never deleted: assets refer to them.</summary>
public sealed class ProductsModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Row(int Id, string Name, string Code, bool Active, string Manufacturer, bool ManufacturerActive);

    public IReadOnlyList<Row> Products { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ManufacturerOptions { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? ManufacturerId { get; set; }

    /// <summary>The product being edited (from ?edit=), or null when the form adds a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Catalog.Product.Manufacturer")]
        public int? ManufacturerId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Catalog.Product.Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        [RegularExpression(@"^\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*$", ErrorMessage = "Catalog.Product.CodeFormat")]
        [Display(Name = "Catalog.Product.Code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Input.ManufacturerId = ManufacturerId;
        if (Edit is { } id)
        {
            if (await db.Products.FindAsync(id) is not { } product)
                return NotFound();
            Input = new InputModel { ManufacturerId = product.ManufacturerId, Name = product.Name, Code = product.Code };
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Codes are printed on certificates and typed by people; one spelling avoids "snt-200f" beside "SNT-200F".
        var code = Input.Code.Trim().ToUpperInvariant();
        if (ModelState.IsValid && await db.Products.AnyAsync(p => p.Code == code && p.Id != Edit))
            ModelState.AddModelError("Input.Code", localizer["Catalog.Product.DuplicateCode", code]);
        if (ModelState.IsValid && !await db.Manufacturers.AnyAsync(m => m.Id == Input.ManufacturerId))
            ModelState.AddModelError("Input.ManufacturerId", localizer["Validation.Required", localizer["Catalog.Product.Manufacturer"]]);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var product = Edit is { } id ? await db.Products.FindAsync(id) : new Product { Name = "", Code = "" };
        if (product is null)
            return NotFound();
        if (Edit is null)
            db.Products.Add(product);
        product.ManufacturerId = Input.ManufacturerId!.Value;
        product.Name = Input.Name.Trim();
        product.Code = code;
        await db.SaveChangesAsync();
        Record($"product {product.Id} {(Edit is null ? "added" : "changed")}: {code} {product.Name}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[Edit is null ? "Catalog.Product.Added" : "Catalog.Product.Saved", code].Value;
        return RedirectToPage(new { manufacturerId = ManufacturerId });
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active)
    {
        if (await db.Products.FindAsync(id) is not { } product)
            return NotFound();
        product.Active = active;
        Record($"product {id} {(active ? "activated" : "deactivated")}: {product.Code}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[active ? "Catalog.Product.Activated" : "Catalog.Product.Deactivated", product.Code].Value;
        return RedirectToPage(new { manufacturerId = ManufacturerId });
    }

    private void Record(string detail) => audit.Record(db, AuditActions.CatalogChanged, User.AccountId(), detail);

    private async Task LoadAsync()
    {
        ManufacturerOptions = await db.Manufacturers.AsNoTracking().OrderBy(m => m.Name)
            .Select(m => new SelectListItem(m.Name, m.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync();
        Products = await db.Products.AsNoTracking()
            .Where(p => ManufacturerId == null || p.ManufacturerId == ManufacturerId)
            .OrderBy(p => p.Manufacturer.Name).ThenBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Code, p.Active, p.Manufacturer.Name, p.Manufacturer.Active))
            .ToListAsync();
    }
}
