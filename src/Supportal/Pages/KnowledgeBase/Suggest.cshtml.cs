using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.KnowledgeBase;

namespace Supportal.Pages.KnowledgeBase;

/// <summary>
/// Articles suggested as someone types: under the help center's search box (<c>?q=</c>), and beside the request forms'
/// Subject (<c>?handler=Form</c>), where showing them and opening one are recorded on the form's view for deflection.
/// A fragment for htmx. No rate limit: a read of at most five rows through the index, for queries of at least three
/// letters and at most eight words, costs less than the pages around it.
/// </summary>
[AllowAnonymous]
public sealed class SuggestModel(ArticleSearch search, KnowledgeAccess access, RequestFormViews views) : PageModel
{
    public const int Count = 5;

    public string Query { get; private set; } = "";

    public IReadOnlyList<SuggestedArticle> Articles { get; private set; } = [];

    /// <summary>Set for a request form's suggestions: their links record the opening and open in a new tab.</summary>
    public Guid? FormView { get; private set; }

    public bool ForForm { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? query, CancellationToken cancel)
    {
        await SuggestAsync(query, cancel);
        return Page();
    }

    /// <summary>The request forms send their Subject field and the id of their view as they are named in the form.</summary>
    public async Task<IActionResult> OnGetFormAsync([FromQuery(Name = "Input.Subject")] string? subject,
        [FromQuery(Name = "FormView")] Guid? view, CancellationToken cancel)
    {
        (ForForm, FormView) = (true, view);
        await SuggestAsync(subject, cancel);
        if (view is { } id && Articles.Count > 0)
            await views.ShownAsync(id, Articles.Count, cancel);
        return Page();
    }

    /// <summary>
    /// A suggestion opened from a request form: recorded when the person may read the article (a guessed id records
    /// nothing), then on to the article, whose page answers "not found" to anyone who may not read it.
    /// </summary>
    public async Task<IActionResult> OnGetOpenAsync(Guid view, int article, CancellationToken cancel)
    {
        var reader = await access.ReaderAsync(User, cancel);
        if (await access.Articles(reader).AnyAsync(a => a.Id == article, cancel))
            await views.OpenedAsync(view, article, cancel);
        return Redirect($"/KnowledgeBase/Article/{article}");
    }

    private async Task SuggestAsync(string? query, CancellationToken cancel)
    {
        Query = ArticleSearch.Trim(query);
        Articles = await search.SuggestAsync(await access.ReaderAsync(User, cancel), Query, Count, cancel);
    }

    public string LinkTo(SuggestedArticle article) => FormView is { } view
        ? $"/KnowledgeBase/Suggest?handler=Open&view={view}&article={article.Id}"
        : $"/KnowledgeBase/Article/{article.Id}";
}
