using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;

namespace Supportal.Pages.Agent;

/// <summary>The customer companies, found by name, a page at a time; admins also add new ones.</summary>
public sealed class OrganizationsModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(int Id, string Name, string? TaxId, bool SharesRequests, int Members, int Contracts);

    public IReadOnlyList<Row> Organizations { get; private set; } = [];

    /// <summary>Where the next page starts: the last name and id shown, or null on the last page.</summary>
    public (string Name, int Id)? Next { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public async Task OnGetAsync(string? afterName, int? afterId)
    {
        var query = db.Organizations.AsNoTracking();
        if (Q?.Trim() is { Length: > 0 } term)
        {
            // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's only for non-ASCII letters.
            var needle = term.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF runs this as SQL lower()/upper(): no .NET culture applies, and EF cannot translate the overloads that take one.
            query = query.Where(o => o.Name.ToLower().Contains(needle));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (afterName is not null && afterId is { } lastId)
#pragma warning disable CA1309 // EF runs this as SQL: the database compares, and EF cannot translate the StringComparison overload.
            query = query.Where(o => string.Compare(o.Name, afterName) > 0 || (o.Name == afterName && o.Id > lastId));
#pragma warning restore CA1309
        var page = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Take(PageSize + 1)
            .Select(o => new Row(o.Id, o.Name, o.TaxId, o.SharesRequests, o.Members.Count, db.Contracts.Count(c => c.OrganizationId == o.Id)))
            .ToListAsync();
        Organizations = page.Take(PageSize).ToList();
        Next = page.Count > PageSize ? (Organizations[^1].Name, Organizations[^1].Id) : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!User.IsInRole(Roles.Admin))
            return Forbid();
        if (!ModelState.IsValid)
        {
            await OnGetAsync(null, null);
            return Page();
        }
        var organization = new Organization { Name = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        Input.ApplyTo(organization);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        audit.Record(db, AuditActions.OrganizationChanged, User.AccountId(), $"organization {organization.Id} created: {organization.Name}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Orgs.Created", organization.Name].Value;
        return RedirectToPage("/Agent/Organization", new { id = organization.Id });
    }
}

/// <summary>An organization's name and tax id, as staff type them.</summary>
public sealed class OrganizationInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Orgs.Name")]
    public string Name { get; set; } = "";

    [StringLength(32, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Orgs.TaxId")]
    public string? TaxId { get; set; }

    public void ApplyTo(Organization organization)
    {
        organization.Name = Name.Trim();
        organization.TaxId = string.IsNullOrWhiteSpace(TaxId) ? null : TaxId.Trim();
    }
}
