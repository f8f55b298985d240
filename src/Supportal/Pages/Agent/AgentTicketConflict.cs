using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Supportal.Pages.Agent;

/// <summary>
/// Someone saved the ticket first: the agent's input stays, the page lists what changed since the version they saw,
/// and the form carries the new version so saving again applies their change on top.
/// </summary>
public static class AgentTicketConflict
{
    private static readonly string[] Versions = ["Input.Version", "Input.LastEventId", "Input.LastCommentId", "Merge.Version", "Input.Status", "Input.TakeIt"];

    public static (IReadOnlyList<AgentTicketView.Change> Changes, IReadOnlyList<AgentTicketView.Comment> Comments) Show(
        AgentTicketView view, AgentTicketInput input, AgentTicketMergeInput merge, ModelStateDictionary modelState, string message)
    {
        var changes = view.History.Where(h => h.Id > input.LastEventId).ToList();
        var comments = view.Comments.Where(c => c.Id > input.LastCommentId).ToList();
        // The posted values of these would win over the new ones when the form renders again.
        foreach (var key in Versions)
            modelState.Remove(key);
        (input.Version, input.LastEventId, input.LastCommentId, merge.Version) = (view.Ticket.Version, view.LastEventId, view.LastCommentId, view.Ticket.Version);
        modelState.AddModelError("", message);
        return (changes, comments);
    }
}
