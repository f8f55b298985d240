using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Admin;

/// <summary>One organization: its name and tax id, whether members see each other's requests, who and what it has.</summary>
public sealed class OrganizationModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record MemberRow(string Name, string? Email, DateTime JoinedAt);

    public sealed record ContractRow(string Number, string Level, DateOnly EndsOn);

    public string Name { get; private set; } = "";
    public bool SharesRequests { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<ContractRow> Contracts { get; private set; } = [];

    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Input = new OrganizationInput { Name = Name, TaxId = await db.Organizations.Where(o => o.Id == id).Select(o => o.TaxId).SingleAsync() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.Organizations.FindAsync(id) is not { } organization)
            return NotFound();
        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }
        var before = $"{organization.Name} / {organization.TaxId}";
        Input.ApplyTo(organization);
        audit.Record(db, AuditActions.OrganizationChanged, User.AccountId(),
            Trim($"organization {id} changed from {before} to {organization.Name} / {organization.TaxId}"));
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Orgs.Saved", organization.Name].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSharingAsync(int id, bool sharesRequests)
    {
        if (await db.Organizations.FindAsync(id) is not { } organization)
            return NotFound();
        organization.SharesRequests = sharesRequests;
        audit.Record(db, AuditActions.OrganizationChanged, User.AccountId(),
            Trim($"organization {id} requests {(sharesRequests ? "shared" : "private")}: {organization.Name}"));
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[sharesRequests ? "Orgs.SharingOn" : "Orgs.SharingOff", organization.Name].Value;
        return RedirectToPage(new { id });
    }

    private static string Trim(string detail) => detail.Length > 500 ? detail[..500] : detail;

    private async Task<bool> LoadAsync(int id)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Name, o.SharesRequests }).FirstOrDefaultAsync();
        if (organization is null)
            return false;
        (Name, SharesRequests) = (organization.Name, organization.SharesRequests);
        var members = await db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == id)
            .OrderBy(m => m.User.LastName).ThenBy(m => m.User.FirstName)
            .Select(m => new { m.User.FirstName, m.User.LastName, m.User.Email, m.JoinedAt }).ToListAsync();
        Members = members.Select(m => new MemberRow($"{m.FirstName} {m.LastName}".Trim(), m.Email, m.JoinedAt)).ToList();
        Contracts = await db.Contracts.AsNoTracking().Where(c => c.OrganizationId == id).OrderByDescending(c => c.EndsOn)
            .Select(c => new ContractRow(c.Number, c.ServiceLevel.Name, c.EndsOn)).ToListAsync();
        return true;
    }
}
