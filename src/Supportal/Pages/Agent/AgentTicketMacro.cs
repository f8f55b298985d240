using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Data;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>
/// Applying a macro on the ticket screen (AGT-5): fills the composer and the fields of the posted form and says what
/// will change, but saves nothing; the agent reviews it and submits with the usual buttons.
/// </summary>
public static class AgentTicketMacro
{
    /// <summary>The fields a macro fills: their posted values must not win over the filled ones when the page re-renders.</summary>
    public static readonly string[] FilledKeys = ["Input.Body", "Input.Mode", "Input.Priority", "Input.GroupId", "Input.Tags", "Input.SuggestedStatus"];

    /// <summary>
    /// Fills <paramref name="input"/> from its chosen macro and returns the lines of the change preview, or null (input
    /// untouched) when there is no such macro the agent may use, e.g. another agent's personal one.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> ApplyAsync(AppDbContext db, AgentTicketView view, AgentTicketInput input, Guid agentId,
        IEnumerable<SelectListItem> groups, IStringLocalizer localizer)
    {
        if (input.MacroId is not { } macroId)
            return null;
        var agent = await db.Users.Where(u => u.Id == agentId).Select(u => new { u.FirstName, u.LastName, u.Email }).SingleAsync();
        var agentName = $"{agent.FirstName} {agent.LastName}".Trim() is { Length: > 0 } name ? name : agent.Email ?? "";
        if (await Macros.PrepareAsync(db, macroId, agentId, view.Ticket.Requester, view.Ticket.Id, agentName) is not { } macro)
            return null;
        var changes = new List<string>();
        if (macro.Reply.Trim().Length > 0)
        {
            input.Body = string.IsNullOrWhiteSpace(input.Body) ? macro.Reply : $"{input.Body.TrimEnd()}\n\n{macro.Reply}";
            input.Mode = AgentTicketInput.PublicMode;
        }
        if (macro.Status is { } status)
        {
            input.SuggestedStatus = status;
            changes.Add(localizer["AgentTicket.Macro.ChangeStatus", localizer[$"AgentTicket.Status.{status}"]]);
        }
        if (macro.Priority is { } priority)
        {
            input.Priority = priority;
            changes.Add(localizer["AgentTicket.Macro.ChangePriority", localizer[$"Priority.{priority}"]]);
        }
        if (macro.GroupId is { } groupId && groups.FirstOrDefault(g => g.Value == groupId.ToString(CultureInfo.InvariantCulture)) is { } group)
        {
            input.GroupId = groupId;
            changes.Add(localizer["AgentTicket.Macro.ChangeGroup", group.Text]);
        }
        var tags = (input.Tags ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var added = macro.AddTags.Where(t => !tags.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        if (added.Count > 0)
        {
            input.Tags = string.Join(' ', tags.Concat(added));
            changes.Add(localizer["AgentTicket.Macro.ChangeTags", string.Join(' ', added)]);
        }
        return changes;
    }

    /// <summary>Lets the filled values show instead of the posted ones, or says at the select that the macro is not available.</summary>
    public static void Answer(ModelStateDictionary modelState, IReadOnlyList<string>? changes, IStringLocalizer localizer)
    {
        if (changes is null)
            modelState.AddModelError("Input.MacroId", localizer["AgentTicket.Macro.NotAvailable"]);
        else
            foreach (var key in FilledKeys)
                modelState.Remove(key);
    }

    /// <summary>What the script puts into the form.</summary>
    public static object Json(AgentTicketInput input, IReadOnlyList<string> changes) => new
    {
        body = input.Body, mode = input.Mode, status = input.SuggestedStatus?.ToString(), priority = input.Priority.ToString(),
        groupId = input.GroupId?.ToString(CultureInfo.InvariantCulture) ?? "", tags = input.Tags ?? "", changes,
    };
}
