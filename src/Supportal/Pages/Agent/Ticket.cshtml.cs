using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Platform;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>
/// The agent's ticket screen (AGT-2): the whole conversation with internal notes, a composer for public replies and
/// notes with a preview and files, the side panel's fields saved with it through <see cref="TicketWorkflow"/>, the
/// history, the SLA targets, and "Merge into…". A save based on an outdated version is shown what changed instead of
/// overwriting it. Only tickets the agent may see (<see cref="TicketAccess"/>) are found.
/// </summary>
[AcceptsAttachments]
public sealed class TicketModel(AppDbContext db, TicketWorkflow workflow, TicketMerge merge, AttachmentStore store,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock, Sla.CalendarCache calendars, ChoiceLists choices) : PageModel, IAttachmentForm
{
    [BindProperty] public AgentTicketInput Input { get; set; } = new();
    [BindProperty] public AgentTicketMergeInput Merge { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public AgentTicketView View { get; private set; } = null!;
    public AgentTicketChoices Choices { get; private set; } = AgentTicketChoices.None;
    public IReadOnlyList<AgentTicketSla> Sla { get; private set; } = [];
    public Microsoft.AspNetCore.Html.IHtmlContent? Preview { get; private set; }
    public IReadOnlyList<AgentTicketView.Change> ChangedMeanwhile { get; private set; } = [];
    public IReadOnlyList<AgentTicketView.Comment> CommentsMeanwhile { get; private set; } = [];
    public string? MergeTargetSubject { get; private set; }
    public IReadOnlyList<string>? MacroChanges { get; private set; }
    public Guid Me => User.RequiredAccountId();

    /// <param name="all">Every comment of a long conversation, not only the newest.</param>
    public async Task<IActionResult> OnGetAsync(long id, bool all = false) => await LoadAsync(id, all, freshForm: true) ? Page() : NotFound();

    /// <remarks>The screen is read only when it is shown again (invalid input): a save that succeeds redirects.</remarks>
    public async Task<IActionResult> OnPostSaveAsync(long id)
    {
        if (!await db.Tickets.VisibleTo(db, User).AnyAsync(t => t.Id == id))
            return NotFound();
        await Input.CheckAsync(ModelState, Files, store, localizer);
        if (ModelState.IsValid)
        {
            var result = await workflow.ApplyAsync(id, Input.Version, await db.Users.SingleAsync(u => u.Id == Me), Input.ToChanges(Me), Files);
            if (result.Conflict)
                return await ConflictAsync(id);
            AgentTicketInput.Refuse(ModelState, result.Errors, localizer);
            if (result.Saved)
            {
                TempData["StatusMessage"] = localizer[Input.SavedMessageKey].Value;
                return RedirectToPage(new { id });
            }
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    /// <summary>After a file of a save could not be stored: the screen as the ticket is, the form as posted.</summary>
    async Task<IActionResult> IAttachmentForm.ShowAgainAsync() =>
        await LoadAsync(Convert.ToInt64(RouteData.Values["id"], CultureInfo.InvariantCulture)) ? Page() : NotFound();

    /// <summary>The composer's preview: just the HTML for the script, or the whole page with it when scripts are off.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(long id)
    {
        var html = Markdown.ToHtml(Input.Body ?? "");
        if (Request.Headers["X-Preview"] == "1")
            return Content(AgentTicketInput.Html(html), "text/html");
        Preview = html;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    /// <summary>Applies the chosen macro to the form without saving: JSON for the script, the whole page without it.</summary>
    public async Task<IActionResult> OnPostMacroAsync(long id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        MacroChanges = await AgentTicketMacro.ApplyAsync(db, View, Input, Me, Choices.Groups, localizer);
        AgentTicketMacro.Answer(ModelState, MacroChanges, localizer);
        if (Request.Headers["X-Macro"] == "1")
            return MacroChanges is null ? NotFound(new { error = localizer["AgentTicket.Macro.NotAvailable"].Value }) : new JsonResult(AgentTicketMacro.Json(Input, MacroChanges));
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(long id)
    {
        if (!await LoadAsync(id, freshForm: true))
            return NotFound();
        var step = await AgentTicketMergeStep.RunAsync(db, merge, User, id, Merge, ModelState, localizer);
        MergeTargetSubject = step.TargetSubject;
        if (step.Conflict)
            return await ConflictAsync(id);
        if (!step.Merged)
            return Page();
        TempData["StatusMessage"] = localizer["Workflow.Merge.Done", id, Merge.Target!].Value;
        return RedirectToPage(new { id = Merge.Target });
    }

    private async Task<IActionResult> ConflictAsync(long id)
    {
        await LoadAsync(id);
        (ChangedMeanwhile, CommentsMeanwhile) = AgentTicketConflict.Show(View, Input, Merge, ModelState, localizer["AgentTicket.Conflict"]);
        return Page();
    }

    /// <param name="freshForm">The main form as the ticket is now, rather than as posted.</param>
    private async Task<bool> LoadAsync(long id, bool everyComment = false, bool freshForm = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        View = (await AgentTicketView.LoadAsync(db, id, User, now, everyComment))!;
        if (View is null)
            return false;
        Sla = await AgentTicketSla.LoadAsync(db, calendars, id, now);
        Choices = await AgentTicketChoices.LoadAsync(db, choices, Me);
        if (Merge.Version == 0)
            Merge.Version = View.Ticket.Version;
        if (freshForm)
            Input = AgentTicketInput.From(View);
        return true;
    }
}
