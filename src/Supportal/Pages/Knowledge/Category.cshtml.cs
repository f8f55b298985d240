using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.Knowledge;

/// <summary>Adds or edits a help-center category; an empty one can be deleted (one with sections cannot: nothing is lost by accident).</summary>
public sealed class CategoryModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public NamesInput Input { get; set; } = new();

    public bool Empty { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            if (await db.KbCategories.FindAsync(id) is not { } category)
                return NotFound();
            Input = NamesInput.From(category.NameEn, category.NamePl, category.DescriptionEn, category.DescriptionPl);
            Empty = !await db.KbSections.AnyAsync(s => s.CategoryId == id);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        Category? category;
        if (Id is { } id)
        {
            if ((category = await db.KbCategories.FindAsync(id)) is null)
                return NotFound();
        }
        else
        {
            category = new Category { NameEn = "", Order = (await db.KbCategories.MaxAsync(c => (int?)c.Order) ?? 0) + 1 };
            db.KbCategories.Add(category);
        }
        (category.NameEn, category.NamePl, category.DescriptionEn, category.DescriptionPl) = Input.Trimmed();
        audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"category {(Id is null ? "added" : $"{Id} saved")}: {category.NameEn}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Knowledge.CategorySaved", category.Name].Value;
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm)
    {
        if (Id is not { } id || await db.KbCategories.FindAsync(id) is not { } category)
            return NotFound();
        if (await db.KbSections.AnyAsync(s => s.CategoryId == id) || !confirm)
        {
            // The names were not posted with this form: their "required" errors are not the editor's.
            ModelState.Clear();
            ModelState.AddModelError("", localizer[confirm ? "Knowledge.CategoryNotEmpty" : "Knowledge.ConfirmDelete"]);
            Input = NamesInput.From(category.NameEn, category.NamePl, category.DescriptionEn, category.DescriptionPl);
            Empty = confirm;
            return Page();
        }
        db.KbCategories.Remove(category);
        audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"category {id} deleted: {category.NameEn}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Knowledge.CategoryDeleted", category.Name].Value;
        return RedirectToPage("Index");
    }
}

/// <summary>The English and Polish name and description of a category or a section.</summary>
public sealed class NamesInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Knowledge.NameEn")]
    public string NameEn { get; set; } = "";

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Knowledge.NamePl")]
    public string? NamePl { get; set; }

    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Knowledge.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Knowledge.DescriptionPl")]
    public string? DescriptionPl { get; set; }

    public static NamesInput From(string nameEn, string namePl, string descriptionEn, string descriptionPl) =>
        new() { NameEn = nameEn, NamePl = namePl, DescriptionEn = descriptionEn, DescriptionPl = descriptionPl };

    public (string NameEn, string NamePl, string DescriptionEn, string DescriptionPl) Trimmed() =>
        (NameEn.Trim(), (NamePl ?? "").Trim(), (DescriptionEn ?? "").Trim(), (DescriptionPl ?? "").Trim());
}
