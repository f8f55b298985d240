using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Contracts;

/// <summary>
/// E-mail domains of organizations: how staff type them, and joining new accounts whose address is in a
/// domain of an organization that has "join automatically" on.
/// </summary>
public static class OrganizationDomains
{
    public const int MaxLength = 253;

    /// <summary>The domain as stored: trimmed, without a leading "@", lower-cased; null when it is not a domain name.</summary>
    public static string? Normalize(string? value)
    {
        var domain = (value ?? "").Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
        if (domain.Length is 0 or > MaxLength)
            return null;
        string ascii;
        try
        {
            // Internationalized names are kept as typed (lower-cased) but must have a valid ASCII form.
            ascii = new IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var labels = ascii.Split('.');
        return labels.Length >= 2 && labels.All(IsLabel) && !labels[^1].All(char.IsAsciiDigit) ? domain : null;
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && label[0] != '-' && label[^1] != '-';

    /// <summary>The domain part of an address, lower-cased, or null.</summary>
    public static string? Of(string? email) =>
        email?.LastIndexOf('@') is { } at and >= 0 && at < email.Length - 1 ? email[(at + 1)..].Trim().ToLowerInvariant() : null;

    /// <summary>
    /// Adds a membership when the user's address is in a domain of an organization that joins by domain and
    /// they are not a member yet. Does not save: the caller saves with the account.
    /// </summary>
    public static async Task JoinAsync(AppDbContext db, ApplicationUser user) => await JoinAllAsync(db, [user]);

    /// <summary><see cref="JoinAsync"/> for many new accounts at once (an import batch), with one query.</summary>
    public static async Task JoinAllAsync(AppDbContext db, IReadOnlyCollection<ApplicationUser> users)
    {
        var byDomain = users.Select(u => (User: u, Domain: Of(u.Email))).Where(u => u.Domain is not null).ToList();
        if (byDomain.Count == 0)
            return;
        var domains = byDomain.Select(u => u.Domain!).Distinct().ToList();
        var organizations = await db.OrganizationDomains.AsNoTracking()
            .Where(d => domains.Contains(d.Domain) && db.Organizations.Any(o => o.Id == d.OrganizationId && o.JoinByDomain))
            .Select(d => new { d.Domain, d.OrganizationId }).ToDictionaryAsync(d => d.Domain, d => d.OrganizationId);
        if (organizations.Count == 0)
            return;
        var ids = byDomain.Where(u => organizations.ContainsKey(u.Domain!)).Select(u => u.User.Id).ToList();
        var members = await db.OrganizationMembers.AsNoTracking().Where(m => ids.Contains(m.UserId))
            .Select(m => new { m.UserId, m.OrganizationId }).ToListAsync();
        var now = DateTime.UtcNow;
        foreach (var (user, domain) in byDomain)
        {
            if (!organizations.TryGetValue(domain!, out var organizationId)
                || members.Any(m => m.UserId == user.Id && m.OrganizationId == organizationId)
                // Registering a contract of the same organization in this request already added one.
                || db.OrganizationMembers.Local.Any(m => m.UserId == user.Id && m.OrganizationId == organizationId))
                continue;
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organizationId, UserId = user.Id, JoinedAt = user.CreatedAt == default ? now : user.CreatedAt });
        }
    }
}
