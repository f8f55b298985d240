using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>
/// The agent's views (AGT-1): counts per view, one filtered, sorted, keyset-paged list with each row's nearest SLA
/// target, and bulk changes of the rows ticked; htmx refreshes the list alone.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, TicketWorkflow workflow, ChoiceLists choices, ViewCounts counts,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 25;

    [BindProperty] public ViewsBulkInput Bulk { get; set; } = new();
    public ViewsBulkOutcome? Outcome { get; private set; }

    public TicketView View { get; private set; }
    public ViewSort Sort { get; private set; }
    public ViewsFilter Filter { get; private set; } = new();
    public IReadOnlyList<ViewsRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<TicketView, int> Counts { get; private set; } = new Dictionary<TicketView, int>();
    public ViewsOptions Options { get; private set; } = ViewsOptions.None;
    public string? NextAfter { get; private set; }
    public string? PreviousBefore { get; private set; }
    public DateTime Now { get; private set; }

    /// <summary>The filters beyond search and sort are folded away unless one of them is in use.</summary>
    public bool MoreFilters => Filter.Any && (Filter.Q is null || Filter.Route().Count > 1);

    /// <summary>The cursor this page was asked with, so a refresh shows the same page.</summary>
    public string? After { get; private set; }
    public string? Before { get; private set; }

    /// <summary>The list's own request came from htmx: the counts travel with it, swapped in out of band.</summary>
    public bool Refreshing { get; private set; }

    public async Task OnGetAsync(TicketView view, ViewSort? sort, [FromQuery] ViewsFilter filter, string? after, string? before)
    {
        Outcome = ViewsBulkOutcome.FromJson(TempData[ViewsBulkOutcome.Key] as string);
        await LoadAsync(view, sort, filter, after, before);
        Options = await ViewsOptions.LoadAsync(db, choices, Filter);
    }

    public async Task<IActionResult> OnGetListAsync(TicketView view, ViewSort? sort, [FromQuery] ViewsFilter filter, string? after, string? before)
    {
        Refreshing = Request.Headers.ContainsKey("HX-Request");
        await LoadAsync(view, sort, filter, after, before);
        if (Refreshing)
            Response.Headers["HX-Replace-Url"] = Url.Page("Index", null, Route(after: After, before: Before));
        return await ListAsync();
    }

    /// <summary>The organization field's suggestions, as the options of its list.</summary>
    public async Task<PartialViewResult> OnGetOrganizationsAsync(string? orgName) =>
        Partial("_ViewsOrganizations", await ViewsOptions.OrganizationNamesAsync(db, orgName));

    /// <summary>
    /// Applies one action to the ticked rows. Without scripts: back to the same view, filters and page with the outcome;
    /// with htmx: the refreshed list carrying the outcome. A request that fails validation changes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(TicketView view, ViewSort? sort, [FromQuery] ViewsFilter filter, string? after, string? before)
    {
        Refreshing = Request.Headers.ContainsKey("HX-Request");
        Outcome = await Bulk.RunAsync(db, workflow, localizer, User, ModelState, PageSize);
        if (Outcome is not null)
        {
            Bulk = new ViewsBulkInput();
            if (!Refreshing)
            {
                TempData[ViewsBulkOutcome.Key] = Outcome.ToJson();
                Choose(view, sort, filter, after, before);
                return Redirect(Url.Page("Index", null, Route(after: After, before: Before))!);
            }
        }
        await LoadAsync(view, sort, filter, after, before);
        if (Refreshing)
            return await ListAsync();
        Options = await ViewsOptions.LoadAsync(db, choices, Filter);
        return Page();
    }

    /// <summary>The list alone (for htmx), with the agents its bulk bar offers.</summary>
    private async Task<PartialViewResult> ListAsync()
    {
        Options = ViewsOptions.None with { Agents = (await choices.GetAsync(db)).Staff };
        return Partial("_ViewsList", this);
    }

    /// <summary>The query-string values of this list (view, sort, filters), with overrides, for links.</summary>
    public Dictionary<string, string> Route(TicketView? view = null, string? after = null, string? before = null, bool keepFilters = true) =>
        Filter.Route(view ?? View, keepFilters ? Sort : null, after, before, keepFilters);

    private void Choose(TicketView view, ViewSort? sort, ViewsFilter filter, string? after, string? before)
    {
        View = Enum.IsDefined(view) ? view : TicketView.Unassigned;
        Sort = sort is { } chosen && Enum.IsDefined(chosen) && TicketViews.Offers(View, chosen) ? chosen : TicketViews.DefaultSort(View);
        Filter = filter;
        Filter.Normalize();
        (After, Before) = (after, before);
    }

    private async Task LoadAsync(TicketView view, ViewSort? sort, ViewsFilter filter, string? after, string? before)
    {
        Choose(view, sort, filter, after, before);
        Now = clock.GetUtcNow().UtcDateTime;
        var me = User.RequiredAccountId();

        // The counts may be made after this request, in their own context: the closure keeps none of the request's.
        var (user, now) = (User, Now);
        Counts = await counts.GetAsync(me, own => TicketViews.CountsAsync(own, user, now));

        (Rows, NextAfter, PreviousBefore) = await ViewsRow.PageAsync(db, User, View, Sort, Filter, after, before, PageSize, Now);
    }
}
