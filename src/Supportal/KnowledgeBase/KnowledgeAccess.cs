using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.KnowledgeBase;

/// <summary>
/// What one person may read in the help center: everything public; signed in, what is for signed-in customers; with an
/// active contract covering a manufacturer's products, what is for that manufacturer's contract holders. Staff read every
/// published article. Everything else (drafts included) is "not found" to them, in pages, search, suggestions, related
/// articles, mails and downloads alike: every one of those queries starts here.
/// </summary>
public sealed record KnowledgeReader(bool SignedIn, bool Staff, int[] Manufacturers)
{
    public static readonly KnowledgeReader Anonymous = new(false, false, []);

    public bool MayRead(Readership readers, int? manufacturerId) => Staff || readers switch
    {
        Readership.Public => true,
        Readership.SignedIn => SignedIn,
        Readership.ContractHolders => manufacturerId is { } id && Manufacturers.Contains(id),
        _ => false,
    };
}

public sealed class KnowledgeAccess(AppDbContext db, TimeProvider clock)
{
    /// <summary>Knowledge editors and admins write articles and downloads and see drafts.</summary>
    public static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.KnowledgeEditor) || user.IsInRole(Roles.Admin);

    public async Task<KnowledgeReader> ReaderAsync(ClaimsPrincipal user, CancellationToken cancel = default)
    {
        if (user.AccountId() is not { } id)
            return KnowledgeReader.Anonymous;
        if (Navigation.IsStaff(user))
            return new(true, true, []);
        return new(true, false, await ManufacturersAsync(id, cancel));
    }

    /// <summary>
    /// The reader an account is now, for mails sent on someone else's action: roles from the database rather than a
    /// sign-in's claims, so a person who lost a role or a contract since signing in is not mailed what they can no longer read.
    /// </summary>
    public async Task<KnowledgeReader> ReaderAsync(Guid userId, CancellationToken cancel = default)
    {
        var staff = await db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Roles.Any(r => r.Id == ur.RoleId && Roles.All.Contains(r.Name!)), cancel);
        return staff ? new(true, true, []) : new(true, false, await ManufacturersAsync(userId, cancel));
    }

    private Task<int[]> ManufacturersAsync(Guid userId, CancellationToken cancel)
    {
        var today = LocalTime.PortalToday(clock);
        return db.ContractRegistrations.Where(r => r.UserId == userId)
            .Select(r => r.Contract).Where(Contract.ActiveOn(today))
            .SelectMany(c => c.Assets).Select(a => a.Product.ManufacturerId).Distinct().ToArrayAsync(cancel);
    }

    /// <summary>Whether the reader may read the article, published or not (the caller decides about drafts).</summary>
    public static bool MayRead(KnowledgeReader reader, Article article, Section section) =>
        reader.MayRead(article.Readers, article.ManufacturerId) && reader.MayRead(section.Readers, section.ManufacturerId);

    /// <summary>The published articles the reader may read (their section's rule and their own both hold).</summary>
    public IQueryable<Article> Articles(KnowledgeReader reader)
    {
        var published = db.KbArticles.Where(a => a.PublishedAt != null);
        if (reader.Staff)
            return published;
        var signedIn = reader.SignedIn;
        var manufacturers = reader.Manufacturers;
        return published.Where(a =>
            (a.Readers == Readership.Public || (signedIn && a.Readers == Readership.SignedIn)
                || (a.Readers == Readership.ContractHolders && a.ManufacturerId != null && manufacturers.Contains(a.ManufacturerId.Value)))
            && (a.Section.Readers == Readership.Public || (signedIn && a.Section.Readers == Readership.SignedIn)
                || (a.Section.Readers == Readership.ContractHolders && a.Section.ManufacturerId != null
                    && manufacturers.Contains(a.Section.ManufacturerId.Value))));
    }

    /// <summary>The sections the reader may open; an empty one is still listed for staff only (the pages hide empty ones).</summary>
    public IQueryable<Section> Sections(KnowledgeReader reader)
    {
        if (reader.Staff)
            return db.KbSections;
        var signedIn = reader.SignedIn;
        var manufacturers = reader.Manufacturers;
        return db.KbSections.Where(s => s.Readers == Readership.Public || (signedIn && s.Readers == Readership.SignedIn)
            || (s.Readers == Readership.ContractHolders && s.ManufacturerId != null && manufacturers.Contains(s.ManufacturerId.Value)));
    }

    public IQueryable<DownloadItem> Downloads(KnowledgeReader reader)
    {
        if (reader.Staff)
            return db.DownloadItems;
        var signedIn = reader.SignedIn;
        var manufacturers = reader.Manufacturers;
        return db.DownloadItems.Where(i => i.Readers == Readership.Public || (signedIn && i.Readers == Readership.SignedIn)
            || (i.Readers == Readership.ContractHolders && i.ManufacturerId != null && manufacturers.Contains(i.ManufacturerId.Value)));
    }
}
