using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;

namespace Supportal.Pages.Agent;

/// <summary>Who belongs to an organization: members added by address or removed, and the e-mail domains.</summary>
public sealed partial class OrganizationModel
{
    public async Task<IActionResult> OnPostAddMemberAsync(int id, string? email)
    {
        if (await db.Organizations.FindAsync(id) is not { } organization)
            return NotFound();
        var address = (email ?? "").Trim();
        var normalized = address.ToUpperInvariant();
        var user = address.Length == 0 ? null
            : await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync();
        string? error = address.Length == 0 ? localizer["Validation.Required", localizer["Organization.MemberEmail"]].Value
            : user is null ? localizer["Organization.NoSuchAccount", address].Value
            : await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == id && m.UserId == user.Id) ? localizer["Organization.AlreadyMember", address].Value
            : null;
        if (error is not null)
        {
            ModelState.AddModelError("NewMember", error);
            return await RedisplayAsync(id, () => NewMember = address);
        }
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = id, UserId = user!.Id, JoinedAt = clock.GetUtcNow().UtcDateTime });
        TempData["StatusMessage"] = localizer["Organization.MemberAdded", user.Email!, organization.Name].Value;
        return await SaveQuietlyAsync(organization, $"member added: {user.Email}");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(int id, Guid userId)
    {
        if (await db.Organizations.FindAsync(id) is not { } organization)
            return NotFound();
        var member = await db.OrganizationMembers.Where(m => m.OrganizationId == id && m.UserId == userId)
            .Select(m => new { Member = m, m.User.Email }).FirstOrDefaultAsync();
        if (member is null)
            return RedirectToPage(new { id });
        db.OrganizationMembers.Remove(member.Member);
        TempData["StatusMessage"] = localizer["Organization.MemberRemoved", member.Email!, organization.Name].Value;
        return await SaveQuietlyAsync(organization, $"member removed: {member.Email}");
    }

    public async Task<IActionResult> OnPostAddDomainAsync(int id, string? domain)
    {
        if (await db.Organizations.FindAsync(id) is not { } organization)
            return NotFound();
        var normalized = OrganizationDomains.Normalize(domain);
        var owner = normalized is null ? null
            : await db.OrganizationDomains.Where(d => d.Domain == normalized)
                .Select(d => db.Organizations.Where(o => o.Id == d.OrganizationId).Select(o => o.Name).First()).FirstOrDefaultAsync();
        string? error = string.IsNullOrWhiteSpace(domain) ? localizer["Validation.Required", localizer["Organization.Domain"]].Value
            : normalized is null ? localizer["Organization.DomainInvalid"].Value
            : owner is not null ? localizer["Organization.DomainTaken", normalized, owner].Value
            : null;
        if (error is not null)
        {
            ModelState.AddModelError("NewDomain", error);
            return await RedisplayAsync(id, () => NewDomain = domain);
        }
        db.OrganizationDomains.Add(new OrganizationDomain { OrganizationId = id, Domain = normalized! });
        TempData["StatusMessage"] = localizer["Organization.DomainAdded", normalized!].Value;
        return await SaveQuietlyAsync(organization, $"domain added: {normalized}");
    }

    public async Task<IActionResult> OnPostRemoveDomainAsync(int id, int domainId)
    {
        if (await db.Organizations.FindAsync(id) is not { } organization)
            return NotFound();
        if (await db.OrganizationDomains.FirstOrDefaultAsync(d => d.Id == domainId && d.OrganizationId == id) is { } found)
        {
            db.OrganizationDomains.Remove(found);
            TempData["StatusMessage"] = localizer["Organization.DomainRemoved", found.Domain].Value;
            return await SaveQuietlyAsync(organization, $"domain removed: {found.Domain}");
        }
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SaveQuietlyAsync(Organization organization, string change)
    {
        audit.Record(db, AuditActions.OrganizationChanged, User.AccountId(), Trim($"organization {organization.Id} {change}"));
        await db.SaveChangesAsync();
        return RedirectToPage(new { id = organization.Id });
    }
}
