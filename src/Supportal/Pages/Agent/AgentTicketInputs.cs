using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>
/// The ticket screen's main form: the composer and the side panel's fields, saved together. It carries the version
/// and the last history row and comment the agent saw, so a save after someone else's is told what changed.
/// </summary>
public sealed class AgentTicketInput
{
    public int Version { get; set; }
    public long LastEventId { get; set; }
    public long LastCommentId { get; set; }

    public string? Body { get; set; }

    /// <summary><see cref="PublicMode"/> or <see cref="NoteMode"/>.</summary>
    public string Mode { get; set; } = PublicMode;

    /// <summary>The "Submit as" button pressed; none keeps the status (a New ticket becomes Open).</summary>
    public TicketStatus? Status { get; set; }
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;
    public int? GroupId { get; set; }
    public Guid? AssigneeId { get; set; }
    public string? Tags { get; set; }
    public string? AddCc { get; set; }
    public List<Guid> RemoveCcs { get; set; } = [];
    public bool TakeIt { get; set; }

    /// <summary>The macro chosen in the composer; applying it only fills the form.</summary>
    public int? MacroId { get; set; }

    /// <summary>The "Submit as" status the applied macro suggests (highlighted; the agent still presses it).</summary>
    public TicketStatus? SuggestedStatus { get; set; }

    public const string PublicMode = "Public";
    public const string NoteMode = "Note";

    public bool IsNote => Mode == NoteMode;

    /// <summary>The main form as the ticket is now.</summary>
    public static AgentTicketInput From(AgentTicketView view) => new()
    {
        Version = view.Ticket.Version, LastEventId = view.LastEventId, LastCommentId = view.LastCommentId, Priority = view.Ticket.Priority,
        GroupId = view.Ticket.GroupId, AssigneeId = view.Ticket.AssigneeId, Tags = string.Join(' ', view.Tags),
    };

    /// <summary>The checks before the workflow's own: a valid CC address, and files only with a comment to carry them.</summary>
    public async Task CheckAsync(ModelStateDictionary modelState, List<IFormFile> files, AttachmentStore store, IStringLocalizer localizer)
    {
        var cc = AddCc?.Trim() ?? "";
        if (cc.Length > 0 && (cc.Length > 256 || !new EmailAddressAttribute().IsValid(cc)))
            modelState.AddModelError("Input.AddCc", localizer["Request.Cc.Invalid"]);
        if (files.Count > 0 && string.IsNullOrWhiteSpace(Body))
            modelState.AddModelError("Input.Body", localizer["AgentTicket.FilesNeedText"]);
        var (problem, fileName) = await store.CheckAsync(files);
        if (problem != AttachmentStore.Problem.None)
            modelState.AddModelError("Files", store.Describe(problem, fileName, localizer));
    }

    /// <summary>The form as the workflow's change set: the whole state of the fields, "Take it" assigning to <paramref name="me"/>.</summary>
    public TicketChanges ToChanges(Guid me) => new()
    {
        Status = Status, Priority = Priority, Group = new(GroupId), Assignee = new(TakeIt ? me : AssigneeId),
        Tags = TicketChanges.SplitTags(Tags), AddCcs = AddCc?.Trim() is { Length: > 0 } cc ? [cc] : [], RemoveCcs = RemoveCcs,
        Comment = Body?.Trim() ?? "", CommentIsPublic = !IsNote,
    };

    /// <summary>The workflow's refusals beside the fields they are about (a comment's beside the composer).</summary>
    public static void Refuse(ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors, IStringLocalizer localizer)
    {
        foreach (var (field, key) in errors)
            modelState.AddModelError(field switch { "" => "", "Comment" => "Input.Body", _ => $"Input.{field}" }, localizer[key]);
    }

    /// <summary>What a successful save says: a reply sent, a note added, or the fields saved.</summary>
    public string SavedMessageKey => string.IsNullOrWhiteSpace(Body) ? "AgentTicket.Saved" : IsNote ? "AgentTicket.NoteAdded" : "AgentTicket.ReplySent";

    /// <summary>Rendered HTML as text, for the preview the script asks for.</summary>
    public static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}

/// <summary>"Merge into…": the target's number, then a confirming second post.</summary>
public sealed class AgentTicketMergeInput
{
    public long? Target { get; set; }
    public bool Confirm { get; set; }
    public int Version { get; set; }
}
