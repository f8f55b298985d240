using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>
/// The "Merge into…" form's two steps: the number is checked (a ticket the agent may not see reads as not found) and
/// the target named for confirmation; the confirmed post merges. Errors go to the form's field.
/// </summary>
public sealed record AgentTicketMergeStep(string? TargetSubject = null, bool Conflict = false, bool Merged = false)
{
    public static async Task<AgentTicketMergeStep> RunAsync(AppDbContext db, TicketMerge merge, ClaimsPrincipal user, long id,
        AgentTicketMergeInput input, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        if (input.Target is not { } target)
            modelState.AddModelError("Merge.Target", localizer["Workflow.Merge.Required"]);
        else if (await merge.CheckAsync(id, target) is { } problem)
            modelState.AddModelError("Merge.Target", localizer[problem, target]);
        else if (!await db.Tickets.VisibleTo(db, user).AnyAsync(t => t.Id == target))
            modelState.AddModelError("Merge.Target", localizer["Workflow.Merge.NotFound", target]);
        if (!modelState.IsValid)
            return new();
        if (!input.Confirm)
            return new(await db.Tickets.Where(t => t.Id == input.Target).Select(t => t.Subject).SingleAsync());
        var actor = await db.Users.SingleAsync(u => u.Id == user.RequiredAccountId());
        var (mergeProblem, conflict) = await merge.MergeAsync(id, input.Target!.Value, input.Version, actor);
        if (mergeProblem is not null)
            modelState.AddModelError("Merge.Target", localizer[mergeProblem, input.Target]);
        return new(Conflict: conflict, Merged: !conflict && mergeProblem is null);
    }
}
