using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.Knowledge;

/// <summary>
/// Adds or edits a section (its names, category and readers) and lists its articles, a page at a time. Renaming re-indexes
/// its articles in the same transaction, since search weighs the section name.
/// </summary>
public sealed class SectionModel(AppDbContext db, AuditLog audit, ArticleSaver saver, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    public sealed record ArticleRow(int Id, int Order, string TitleEn, string TitlePl, bool Published, bool Promoted, Readership Readers, DateTime UpdatedAt);

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    /// <summary>The category a new section goes into (from ?category=).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Category { get; set; }

    /// <summary>The last article of the previous page, as "order.id" (keyset paging: any page is one index read).</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty]
    public NamesInput Input { get; set; } = new();

    [BindProperty]
    public PlaceModel Place { get; set; } = new();

    public sealed class PlaceModel
    {
        [Display(Name = "Knowledge.Category")]
        public int CategoryId { get; set; }

        [Display(Name = "Knowledge.Readers")]
        public Readership Readers { get; set; }

        [Display(Name = "Knowledge.Manufacturer")]
        public int? ManufacturerId { get; set; }
    }

    public IReadOnlyList<SelectListItem> Categories { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Manufacturers { get; private set; } = [];
    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];
    public string? NextAfter { get; private set; }
    public bool Empty { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            if (await db.KbSections.FindAsync(id) is not { } section)
                return NotFound();
            Input = NamesInput.From(section.NameEn, section.NamePl, section.DescriptionEn, section.DescriptionPl);
            Place = new PlaceModel { CategoryId = section.CategoryId, Readers = section.Readers, ManufacturerId = section.ManufacturerId };
        }
        else if (Category is { } category)
            Place.CategoryId = category;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (nameEn, namePl, descriptionEn, descriptionPl) = Input.Trimmed();
        if (!await db.KbCategories.AnyAsync(c => c.Id == Place.CategoryId))
            ModelState.AddModelError("Place.CategoryId", localizer["Validation.Required"]);
        if (Place.Readers == Readership.ContractHolders && (Place.ManufacturerId is not { } maker || !await db.Manufacturers.AnyAsync(m => m.Id == maker)))
            ModelState.AddModelError("Place.ManufacturerId", localizer["Knowledge.ManufacturerRequired"]);
        if (!ModelState.IsValid)
            return await ShowAsync();
        Section? section;
        if (Id is { } id)
        {
            if ((section = await db.KbSections.FindAsync(id)) is null)
                return NotFound();
        }
        else
        {
            section = new Section { NameEn = "", Order = (await db.KbSections.Where(s => s.CategoryId == Place.CategoryId).MaxAsync(s => (int?)s.Order) ?? 0) + 1 };
            db.KbSections.Add(section);
        }
        var renamed = section.NameEn != nameEn || section.NamePl != namePl;
        if (section.CategoryId != Place.CategoryId && Id is not null)
            section.Order = (await db.KbSections.Where(s => s.CategoryId == Place.CategoryId).MaxAsync(s => (int?)s.Order) ?? 0) + 1;
        (section.NameEn, section.NamePl, section.DescriptionEn, section.DescriptionPl) = (nameEn, namePl, descriptionEn, descriptionPl);
        (section.CategoryId, section.Readers) = (Place.CategoryId, Place.Readers);
        section.ManufacturerId = Place.Readers == Readership.ContractHolders ? Place.ManufacturerId : null;
        await using var transaction = await db.Database.BeginTransactionAsync();
        audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"section {(Id is null ? "added" : $"{Id} saved")}: {nameEn}");
        await db.SaveChangesAsync();
        if (renamed && Id is not null)
            await saver.ReindexSectionAsync(section);
        await transaction.CommitAsync();
        TempData["StatusMessage"] = localizer["Knowledge.SectionSaved", section.Name].Value;
        return RedirectToPage(new { id = section.Id, category = (int?)null, after = (string?)null });
    }

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm)
    {
        if (Id is not { } id || await db.KbSections.FindAsync(id) is not { } section)
            return NotFound();
        ModelState.Clear();
        if (await db.KbArticles.AnyAsync(a => a.SectionId == id) || !confirm)
        {
            ModelState.AddModelError("", localizer[confirm ? "Knowledge.SectionNotEmpty" : "Knowledge.ConfirmDelete"]);
            Input = NamesInput.From(section.NameEn, section.NamePl, section.DescriptionEn, section.DescriptionPl);
            Place = new PlaceModel { CategoryId = section.CategoryId, Readers = section.Readers, ManufacturerId = section.ManufacturerId };
            return await ShowAsync();
        }
        db.KbSections.Remove(section);
        audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(), $"section {id} deleted: {section.NameEn}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Knowledge.SectionDeleted", section.Name].Value;
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> ShowAsync()
    {
        Categories = await db.KbCategories.OrderBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new SelectListItem(c.NameEn, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync();
        Manufacturers = await ManufacturerChoicesAsync(db);
        if (Id is { } id)
        {
            var articles = db.KbArticles.AsNoTracking().Where(a => a.SectionId == id);
            if (ParseAfter(After) is var (order, afterId))
                articles = articles.Where(a => a.Order > order || (a.Order == order && a.Id > afterId));
            var rows = await articles.OrderBy(a => a.Order).ThenBy(a => a.Id).Take(PageSize + 1)
                .Select(a => new ArticleRow(a.Id, a.Order, a.TitleEn, a.TitlePl, a.PublishedAt != null, a.Promoted, a.Readers, a.UpdatedAt)).ToListAsync();
            Articles = rows.Take(PageSize).ToList();
            NextAfter = rows.Count > PageSize ? $"{rows[PageSize - 1].Order}.{rows[PageSize - 1].Id}" : null;
            Empty = rows.Count == 0 && After is null;
        }
        return Page();
    }

    private static (int Order, int Id)? ParseAfter(string? after)
    {
        var parts = (after ?? "").Split('.');
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var order)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var id) ? (order, id) : null;
    }

    /// <summary>The manufacturers a section or an article can be kept for (their contract holders).</summary>
    public static Task<List<SelectListItem>> ManufacturerChoicesAsync(AppDbContext db) => db.Manufacturers.OrderBy(m => m.Name)
        .Select(m => new SelectListItem(m.Name, m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync();
}
