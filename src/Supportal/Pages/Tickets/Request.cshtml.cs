using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Tickets;

/// <summary>
/// A request (TIC-6): its details, the public conversation, replies with files, "Mark as solved" and the people
/// copied. Only someone the access rule lets see the request gets anything but "not found".
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[AcceptsAttachments]
public sealed class RequestModel(AppDbContext db, TicketDesk desk, AttachmentStore store, IStringLocalizer<SharedResource> localizer,
    IOptions<IdentityOptions> identity, AccountThrottle throttle, ChoiceLists choices) : PageModel
{
    [BindProperty] public RequestReplyInput Reply { get; set; } = new();
    [BindProperty] public RequestSolveInput Solve { get; set; } = new();
    [BindProperty] public RequestCcInput Cc { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public RequestView View { get; private set; } = null!;
    public Guid Me => User.RequiredAccountId();
    public bool IsClosed => View.Ticket.Status == TicketStatus.Closed;
    public bool CanSolve => View.Ticket.Status is not (TicketStatus.Solved or TicketStatus.Closed);
    public bool CanRemove(Guid userId) => userId == Me || View.Ticket.RequesterId == Me || TicketAccess.IsSupport(User);

    /// <param name="all">Every comment of a long conversation, not only the newest.</param>
    public async Task<IActionResult> OnGetAsync(long id, bool all = false) => await LoadAsync(id, all) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(long id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var body = Reply.Body?.Trim() ?? "";
        if (body.Length == 0)
            ModelState.AddModelError("Reply.Body", localizer["Request.Reply.Required"]);
        else if (body.Length > TicketComment.BodyLength)
            ModelState.AddModelError("Reply.Body", localizer["Request.Reply.TooLong", TicketComment.BodyLength]);
        var (problem, fileName) = await store.CheckAsync(Files);
        if (problem != AttachmentStore.Problem.None)
            ModelState.AddModelError(nameof(Files), store.Describe(problem, fileName, localizer));
        if (!ModelState.IsValid)
            return Page();
        // A reply to a merged duplicate goes to the request it was merged into, one to a closed request to a new
        // follow-up request; either way the person is taken there.
        var replied = await desk.ReplyAsync(await TicketAsync(id), await MeAsync(), body, Files);
        return replied.Id == id ? Done(id, "Request.Replied")
            : replied.FollowUpOfId == id ? Done(replied.Id, "Workflow.FollowUpCreated", replied.Id)
            : Done(replied.Id, "Request.RepliedToMerged", replied.Id);
    }

    public async Task<IActionResult> OnPostSolveAsync(long id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!CanSolve)
            return RedirectToPage(new { id });
        var comment = Solve.Comment?.Trim();
        if (comment?.Length > TicketComment.BodyLength)
            ModelState.AddModelError("Solve.Comment", localizer["Request.Reply.TooLong", TicketComment.BodyLength]);
        if (!ModelState.IsValid)
            return Page();
        await desk.SolveAsync(await TicketAsync(id), await MeAsync(), string.IsNullOrEmpty(comment) ? null : comment);
        return Done(id, "Request.SolvedMessage");
    }

    public async Task<IActionResult> OnPostAddCcAsync(long id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var email = Cc.Email?.Trim() ?? "";
        var normalizedEmail = email.ToUpperInvariant();
        if (IsClosed)
            ModelState.AddModelError("Cc.Email", localizer["Request.ClosedNotice"]);
        else if (email.Length == 0)
            ModelState.AddModelError("Cc.Email", localizer["Request.Cc.Required"]);
        // An unknown address becomes a login name: it must be one the account rules accept.
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email)
                 || email.Any(c => !identity.Value.User.AllowedUserNameCharacters.Contains(c)))
            ModelState.AddModelError("Cc.Email", localizer["Request.Cc.Invalid"]);
        else if (string.Equals(email, View.Ticket.RequesterEmail, StringComparison.OrdinalIgnoreCase)
                 || View.Ccs.Any(c => string.Equals(email, c.Email, StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError("Cc.Email", localizer["Request.Cc.Already", email]);
        // Copying an unknown address makes an account and mails it: bounded, so the portal cannot be used to spam.
        else if (!await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail) && !throttle.TryTake("cc-new-account", Me.ToString()))
            ModelState.AddModelError("Cc.Email", localizer["Request.Cc.TooMany"]);
        if (!ModelState.IsValid)
            return Page();
        await desk.AddCcAsync(await TicketAsync(id), email, await MeAsync());
        return Done(id, "Request.Cc.Added", email);
    }

    public async Task<IActionResult> OnPostRemoveCcAsync(long id, Guid userId)
    {
        if (!await LoadAsync(id) || !View.IsCc(userId) || !CanRemove(userId))
            return NotFound();
        await desk.RemoveCcAsync(await TicketAsync(id), userId, await MeAsync());
        TempData["StatusMessage"] = localizer["Request.Cc.Removed", View.Ccs.First(c => c.UserId == userId).Name].Value;
        // Someone who took themselves off may no longer see the request at all.
        return await db.Tickets.VisibleTo(db, User).AnyAsync(t => t.Id == id) ? RedirectToPage(new { id }) : RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(long id, bool everyComment = false)
    {
        View = (await RequestView.LoadAsync(db, choices, User, id, everyComment))!;
        return View is not null;
    }

    private Task<Ticket> TicketAsync(long id) => db.Tickets.SingleAsync(t => t.Id == id);

    private Task<ApplicationUser> MeAsync() => db.Users.SingleAsync(u => u.Id == Me);

    private RedirectToPageResult Done(long id, string message, params object[] values)
    {
        TempData["StatusMessage"] = localizer[message, values].Value;
        return RedirectToPage(new { id });
    }
}
