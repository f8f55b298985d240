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

namespace Supportal.Pages.Orders;

/// <summary>Puts one more product under a contract, known by its serial number, its name or both.</summary>
public sealed class AddAssetModel(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ContractSummary Contract { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Products { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Orders.Field.Product")]
        public int? ProductId { get; set; }

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Orders.Field.SerialNumber")]
        public string? SerialNumber { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Orders.Field.AssetName")]
        public string? Name { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Orders.Field.Location")]
        public string? Location { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var serial = Clean(Input.SerialNumber);
        var name = Clean(Input.Name);
        if (serial is null && name is null)
            ModelState.AddModelError("Input.SerialNumber", localizer["Orders.AddAsset.SerialOrName"]);
        if (Input.ProductId is { } product && !await db.Products.AnyAsync(p => p.Id == product && p.Active))
            ModelState.AddModelError("Input.ProductId", localizer["Orders.AddAsset.ProductMissing"]);
        if (!ModelState.IsValid)
            return Page();

        var asset = new Asset
        {
            ContractId = id, ProductId = Input.ProductId!.Value, SerialNumber = serial, Name = name, Location = Clean(Input.Location),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Assets.Add(asset);
        audit.Record(db, AuditActions.ContractChanged, ContractSummary.UserId(User), $"{Contract.Number}: asset added: {asset.Label}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Orders.AddAsset.Done", asset.Label].Value;
        return RedirectToPage("Contract", new { id });
    }

    private static string? Clean(string? value) => value?.Trim() is { Length: > 0 } text ? text : null;

    private async Task<bool> LoadAsync(int id)
    {
        if (await ContractSummary.FindAsync(db, id) is not { } contract)
            return false;
        Contract = contract;
        var products = await db.Products.AsNoTracking().Where(p => p.Active && p.Manufacturer.Active)
            .OrderBy(p => p.Manufacturer.Name).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Code, Manufacturer = p.Manufacturer.Name }).ToListAsync();
        // One option group per manufacturer, so a long catalogue stays easy to scan by keyboard.
        var groups = products.Select(p => p.Manufacturer).Distinct().ToDictionary(m => m, m => new SelectListGroup { Name = m });
        Products = products
            .Select(p => new SelectListItem($"{p.Name} ({p.Code})", p.Id.ToString(CultureInfo.InvariantCulture)) { Group = groups[p.Manufacturer] })
            .ToList();
        return true;
    }
}
