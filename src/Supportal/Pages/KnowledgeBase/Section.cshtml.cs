using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.KnowledgeBase;

/// <summary>A section's articles; signed-in readers follow it to hear of new articles.</summary>
[AllowAnonymous]
public sealed class SectionModel(KnowledgeAccess access, KnowledgeFollows follows, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Section Section { get; private set; } = null!;
    public List<Article> Articles { get; private set; } = [];
    public bool Following { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Articles = await HelpCenterSections.Links(access.Articles(await Reader()).Where(a => a.SectionId == id)).ToListAsync();
        Following = User.AccountId() is { } userId && await follows.IsFollowingAsync(userId, null, id);
        return Page();
    }

    public Task<IActionResult> OnPostFollowAsync(int id) => SetFollowAsync(id, true);

    public Task<IActionResult> OnPostUnfollowAsync(int id) => SetFollowAsync(id, false);

    private async Task<IActionResult> SetFollowAsync(int id, bool follow)
    {
        if (User.AccountId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(id))
            return NotFound();
        await follows.SetAsync(userId, null, id, follow);
        TempData["StatusMessage"] = localizer[follow ? "Help.Followed" : "Help.Unfollowed", Section.Name].Value;
        return RedirectToPage(new { id });
    }

    private KnowledgeReader? reader;

    private async Task<KnowledgeReader> Reader() => reader ??= await access.ReaderAsync(User, HttpContext.RequestAborted);

    /// <summary>A section the reader may open and has at least one article they may read; otherwise "not found".</summary>
    private async Task<bool> LoadAsync(int id)
    {
        var who = await Reader();
        var articles = access.Articles(who);
        var found = await access.Sections(who).Include(s => s.Category)
            .Where(s => s.Id == id && articles.Any(a => a.SectionId == s.Id)).FirstOrDefaultAsync();
        if (found is null)
            return false;
        Section = found;
        return true;
    }
}
