using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.KnowledgeBase;

/// <summary>
/// The help-center search (HLP-2), open to everyone: it finds only what the person may read. Pages go by offset: the
/// list is ordered by rank, which has no key to continue from, and nobody reads a ranked list deep, so the offset is
/// capped and stays cheap.
/// </summary>
[AllowAnonymous]
public sealed class SearchModel(ArticleSearch search, KnowledgeAccess access) : PageModel
{
    public const int PageSize = 20;

    /// <summary>As far as results are counted (fifty pages); past that the query needs more words, not more pages.</summary>
    public const int MaxOffset = ArticleSearch.CountedUpTo - PageSize;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "offset")]
    public int Offset { get; set; }

    /// <summary>Null until something was searched for.</summary>
    public SearchPage? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Query = ArticleSearch.Trim(Query);
        if (Query.Length == 0)
            return;
        Offset = Math.Clamp(Offset, 0, MaxOffset) / PageSize * PageSize;
        Results = await search.SearchAsync(await access.ReaderAsync(User, cancel), Query, Offset, PageSize, cancel);
    }

    public string PageUrl(int offset) => $"/KnowledgeBase/Search?q={Uri.EscapeDataString(Query ?? "")}" + (offset > 0 ? $"&offset={offset}" : "");
}
