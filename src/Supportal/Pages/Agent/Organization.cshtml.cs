using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Pages.Agent;

/// <summary>
/// One organization for support staff: members, e-mail domains and joining by domain, staff notes, contracts
/// and whether members see each other's requests. Only admins rename it or change its tax id.
/// </summary>
public sealed partial class OrganizationModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    public sealed record MemberRow(Guid UserId, string Name, string? Email, DateTime JoinedAt);

    public sealed record DomainRow(int Id, string Domain);

    public sealed record ContractRow(int Id, string Number, string Level, DateOnly StartsOn, DateOnly EndsOn, ContractState State);

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? TaxId { get; private set; }
    public bool SharesRequests { get; private set; }
    public bool JoinByDomain { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<DomainRow> Domains { get; private set; } = [];
    public IReadOnlyList<ContractRow> Contracts { get; private set; } = [];

    /// <summary>The notes as stored, or as typed when they were refused.</summary>
    public string? Notes { get; private set; }

    /// <summary>What was typed into the add-member and add-domain boxes, kept when refused.</summary>
    public string? NewMember { get; private set; }
    public string? NewDomain { get; private set; }

    public bool CanEditDetails => User.IsInRole(Roles.Admin);
    public bool CanOpenContracts => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Orders);

    public OrganizationInput Input { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Name and tax id: admins only, as contracts and invoices name the organization this way.</summary>
    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "Input")] OrganizationInput input)
    {
        if (!CanEditDetails)
            return Forbid();
        if (await db.Organizations.FindAsync(id) is not { } organization)
            return NotFound();
        if (!ModelState.IsValid)
            return await RedisplayAsync(id, () => Input = input);
        var before = $"{organization.Name} / {organization.TaxId}";
        input.ApplyTo(organization);
        return await SaveAsync(organization, $"changed from {before} to {organization.Name} / {organization.TaxId}", "Orgs.Saved");
    }

    public async Task<IActionResult> OnPostSharingAsync(int id, bool sharesRequests)
    {
        if (await db.Organizations.FindAsync(id) is not { } organization)
            return NotFound();
        organization.SharesRequests = sharesRequests;
        return await SaveAsync(organization, $"requests {(sharesRequests ? "shared" : "private")}: {organization.Name}",
            sharesRequests ? "Orgs.SharingOn" : "Orgs.SharingOff");
    }

    public async Task<IActionResult> OnPostJoiningAsync(int id, bool joinByDomain)
    {
        if (await db.Organizations.FindAsync(id) is not { } organization)
            return NotFound();
        organization.JoinByDomain = joinByDomain;
        return await SaveAsync(organization, $"joining by domain {(joinByDomain ? "on" : "off")}: {organization.Name}",
            joinByDomain ? "Organization.JoiningOn" : "Organization.JoiningOff");
    }

    public async Task<IActionResult> OnPostNotesAsync(int id, string? notes)
    {
        if (await db.Organizations.FindAsync(id) is not { } organization)
            return NotFound();
        notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (notes?.Length > NotesLength)
        {
            ModelState.AddModelError("Notes", localizer["Validation.TooLong", localizer["Organization.Notes"], NotesLength]);
            return await RedisplayAsync(id, () => Notes = notes);
        }
        organization.Notes = notes;
        return await SaveAsync(organization, $"notes changed: {organization.Name}", "Organization.NotesSaved");
    }

    public const int NotesLength = 4000;

    private async Task<IActionResult> SaveAsync(Organization organization, string change, string message)
    {
        audit.Record(db, AuditActions.OrganizationChanged, User.AccountId(), Trim($"organization {organization.Id} {change}"));
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[message, organization.Name].Value;
        return RedirectToPage(new { id = organization.Id });
    }

    /// <summary>The page again with a refusal: everything from the database, then what was typed.</summary>
    private async Task<IActionResult> RedisplayAsync(int id, Action keepTyped)
    {
        await LoadAsync(id);
        keepTyped();
        return Page();
    }

    private static string Trim(string detail) => detail.Length > 500 ? detail[..500] : detail;

    private async Task<bool> LoadAsync(int id)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Name, o.TaxId, o.SharesRequests, o.JoinByDomain, o.Notes }).FirstOrDefaultAsync();
        if (organization is null)
            return false;
        (Id, Name, TaxId, SharesRequests, JoinByDomain, Notes) =
            (id, organization.Name, organization.TaxId, organization.SharesRequests, organization.JoinByDomain, organization.Notes);
        Input = new OrganizationInput { Name = organization.Name, TaxId = organization.TaxId };
        var members = await db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == id)
            .OrderBy(m => m.User.LastName).ThenBy(m => m.User.FirstName).ThenBy(m => m.User.Email)
            .Select(m => new { m.UserId, m.User.FirstName, m.User.LastName, m.User.Email, m.JoinedAt }).ToListAsync();
        Members = members.Select(m => new MemberRow(m.UserId, $"{m.FirstName} {m.LastName}".Trim(), m.Email, m.JoinedAt)).ToList();
        Domains = await db.OrganizationDomains.AsNoTracking().Where(d => d.OrganizationId == id).OrderBy(d => d.Domain)
            .Select(d => new DomainRow(d.Id, d.Domain)).ToListAsync();
        var today = LocalTime.PortalToday(clock);
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.OrganizationId == id).OrderByDescending(c => c.EndsOn)
            .Select(c => new { c.Id, c.Number, Level = c.ServiceLevel.Name, c.StartsOn, c.EndsOn }).ToListAsync();
        Contracts = contracts.Select(c => new ContractRow(c.Id, c.Number, c.Level, c.StartsOn, c.EndsOn, Contract.State(c.StartsOn, c.EndsOn, today))).ToList();
        return true;
    }
}
