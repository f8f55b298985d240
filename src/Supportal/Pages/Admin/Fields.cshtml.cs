using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;

namespace Supportal.Pages.Admin;

/// <summary>
/// The questions a support request asks for one manufacturer's assets, with a preview of the form customers
/// get. Fields are retired, never deleted, and keep their type, because tickets keep what they were given.
/// </summary>
public sealed class FieldsModel(AppDbContext db, EntitledAssets entitled, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Row(int Id, string Label, string OtherLabel, FieldType Type, bool Required, int Order, bool Active, int Options);

    public string ManufacturerName { get; private set; } = "";
    public IReadOnlyList<Row> Fields { get; private set; } = [];
    public IReadOnlyList<AdditionalField> Preview { get; private set; } = [];
    public FieldType? EditedType { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int ManufacturerId { get; set; }

    /// <summary>The field being edited (from ?edit=), or null when the form adds a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public FieldInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (Edit is { } id)
        {
            if (await FindAsync(id) is not { } field)
                return NotFound();
            Input = FieldInput.From(field);
        }
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var field = Edit is { } id ? await FindAsync(id) : new AdditionalField { ManufacturerId = ManufacturerId, LabelEn = "", LabelPl = "" };
        if (field is null || !await db.Manufacturers.AnyAsync(m => m.Id == ManufacturerId))
            return NotFound();
        // A stored answer must keep fitting its field: "12" stays a number, "ms-24" stays an option.
        var type = Edit is null ? Input.Type : field.Type;
        if (Edit is not null && Input.Type is { } posted && posted != field.Type)
            ModelState.AddModelError("Input.Type", localizer["Fields.TypeFixed"]);
        if (Edit is null && type is null)
            ModelState.AddModelError("Input.Type", localizer["Validation.Required", localizer["Fields.Type"]]);
        if (type == FieldType.Choice && ModelState.IsValid)
        {
            var (lines, problem) = FieldOptionLines.Parse(Input.Options);
            if (problem is not null)
                ModelState.AddModelError("Input.Options", localizer[problem.Key, problem.Argument]);
            else if (FieldOptionLines.Apply(field, lines) is { } missing)
                ModelState.AddModelError("Input.Options", localizer["Fields.Options.ValueChanged", missing]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        field.Type = type!.Value;
        Input.ApplyTo(field);
        if (Edit is null)
        {
            field.Order = Input.Order ?? (await db.AdditionalFields.Where(f => f.ManufacturerId == ManufacturerId).MaxAsync(f => (int?)f.Order) ?? 0) + 1;
            db.AdditionalFields.Add(field);
        }
        await db.SaveChangesAsync();
        Record($"field {field.Id} of manufacturer {ManufacturerId} {(Edit is null ? "added" : "changed")}: {field.LabelEn} ({field.Type})");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[Edit is null ? "Fields.Added" : "Fields.Saved", field.Label].Value;
        return RedirectToPage(new { ManufacturerId });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, bool up)
    {
        var fields = await db.AdditionalFields.Where(f => f.ManufacturerId == ManufacturerId).OrderBy(f => f.Order).ThenBy(f => f.Id).ToListAsync();
        var index = fields.FindIndex(f => f.Id == id);
        if (index < 0)
            return NotFound();
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < fields.Count)
        {
            (fields[index], fields[other]) = (fields[other], fields[index]);
            // Renumbered from 1 so that equal or sparse numbers typed by hand cannot make a move do nothing.
            for (var i = 0; i < fields.Count; i++)
                fields[i].Order = i + 1;
            Record($"field {id} of manufacturer {ManufacturerId} moved {(up ? "up" : "down")}");
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { ManufacturerId });
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active)
    {
        if (await FindAsync(id) is not { } field)
            return NotFound();
        field.Active = active;
        Record($"field {id} of manufacturer {ManufacturerId} {(active ? "restored" : "retired")}: {field.LabelEn}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[active ? "Fields.Restored" : "Fields.Retired", field.Label].Value;
        return RedirectToPage(new { ManufacturerId });
    }

    private Task<AdditionalField?> FindAsync(int id) =>
        db.AdditionalFields.Include(f => f.Options).FirstOrDefaultAsync(f => f.Id == id && f.ManufacturerId == ManufacturerId);

    private void Record(string detail) => audit.Record(db, AuditActions.CatalogChanged, User.AccountId(), detail.Length > 500 ? detail[..500] : detail);

    private async Task<bool> LoadAsync()
    {
        if (await db.Manufacturers.Where(m => m.Id == ManufacturerId).Select(m => m.Name).FirstOrDefaultAsync() is not { } name)
            return false;
        ManufacturerName = name;
        var rows = await db.AdditionalFields.AsNoTracking().Where(f => f.ManufacturerId == ManufacturerId)
            .OrderBy(f => f.Order).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.LabelEn, f.LabelPl, f.Type, f.Required, f.Order, f.Active, Options = f.Options.Count })
            .ToListAsync();
        Fields = rows.Select(f => new Row(f.Id, Platform.Languages.Pick(f.LabelEn, f.LabelPl), Platform.Languages.Pick(f.LabelPl, f.LabelEn),
            f.Type, f.Required, f.Order, f.Active, f.Options)).ToList();
        EditedType = Fields.FirstOrDefault(f => f.Id == Edit)?.Type;
        Preview = await entitled.FieldsAsync(ManufacturerId);
        return true;
    }
}
