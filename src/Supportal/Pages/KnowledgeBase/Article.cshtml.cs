using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.KnowledgeBase;
using Supportal.Platform;

namespace Supportal.Pages.KnowledgeBase;

/// <summary>
/// An article as its reader sees it, with "Was this helpful?" (anyone who may read it; the counts for staff), Follow
/// for signed-in readers and related articles. Drafts and articles the reader may not read are "not found".
/// </summary>
[AllowAnonymous]
public sealed class ArticleModel(
    KnowledgeAccess access, ArticleIndex index, ArticleVotes votes, KnowledgeFollows follows, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Article Article { get; private set; } = null!;
    public List<Article> Related { get; private set; } = [];
    public bool Following { get; private set; }

    /// <summary>This person's or browser's answer so far (null: none).</summary>
    public bool? MyVote { get; private set; }

    /// <summary>Yes and No so far, for staff only.</summary>
    public (int Yes, int No)? Counts { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Related = await RelatedArticles.FindAsync(access, index, await Reader(), Article);
        Following = User.AccountId() is { } userId && await follows.IsFollowingAsync(userId, id, null);
        MyVote = await votes.OfAsync(id, ArticleVotes.VoterOf(User, Request));
        if (Navigation.IsStaff(User))
            Counts = await votes.CountsAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostVoteAsync(int id, bool? helpful)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (helpful is not { } answer)
            return BadRequest();
        await votes.CastAsync(id, ArticleVotes.VoterFor(User, HttpContext), answer);
        TempData["StatusMessage"] = localizer["Help.VoteThanks"].Value;
        return RedirectToPage(null, null, new { id }, "helpful");
    }

    public Task<IActionResult> OnPostFollowAsync(int id) => SetFollowAsync(id, true);

    public Task<IActionResult> OnPostUnfollowAsync(int id) => SetFollowAsync(id, false);

    private async Task<IActionResult> SetFollowAsync(int id, bool follow)
    {
        if (User.AccountId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(id))
            return NotFound();
        await follows.SetAsync(userId, id, null, follow);
        TempData["StatusMessage"] = localizer[follow ? "Help.Followed" : "Help.Unfollowed", Article.Title].Value;
        return RedirectToPage(new { id });
    }

    private KnowledgeReader? reader;

    private async Task<KnowledgeReader> Reader() => reader ??= await access.ReaderAsync(User, HttpContext.RequestAborted);

    private async Task<bool> LoadAsync(int id)
    {
        var found = await access.Articles(await Reader()).AsNoTracking().Include(a => a.Section).ThenInclude(s => s.Category)
            .FirstOrDefaultAsync(a => a.Id == id);
        if (found is null)
            return false;
        Article = found;
        return true;
    }
}
