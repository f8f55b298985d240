using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.KnowledgeBase;
using Supportal.Pages.KnowledgeBase;
using Supportal.Platform;

namespace Supportal.Pages;

/// <summary>
/// The help center's home, for everyone (signing in still lands on the dashboard): search, the categories with the
/// sections the reader has something to read in, promoted articles, and the ways to get help.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(KnowledgeAccess access, Navigation navigation) : PageModel
{
    private const int PromotedShown = 10;

    /// <summary>Sections grouped by category id, in order (each row carries its category).</summary>
    public List<IGrouping<int, SectionSummary>> Categories { get; private set; } = [];
    public List<Article> Promoted { get; private set; } = [];

    /// <summary>The Downloads tile shows once that page exists.</summary>
    public bool HasDownloads => navigation.Exists("/Downloads/Index");

    public async Task OnGetAsync()
    {
        var reader = await access.ReaderAsync(User, HttpContext.RequestAborted);
        var sections = await HelpCenterSections.ReadableAsync(access, reader, null, counted: false);
        Categories = sections.GroupBy(s => s.Category.Id).ToList();
        Promoted = await HelpCenterSections.Links(access.Articles(reader).Where(a => a.Promoted)).Take(PromotedShown).ToListAsync();
    }
}
