using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Workspace;

/// <summary>
/// Merging a duplicate into another ticket: the duplicate's comments (with their files) and the people copied move
/// to the target, its requester is copied there when it is someone else, and the duplicate closes pointing at the
/// target. Both get an internal note linking the other and a history row, in one transaction.
/// </summary>
public sealed class TicketMerge(AppDbContext db, TicketWorkflow workflow, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    /// <summary>Why a merge cannot happen (a resource key), or null when it can.</summary>
    public async Task<string?> CheckAsync(long duplicateId, long targetId)
    {
        if (duplicateId == targetId)
            return "Workflow.Merge.Self";
        var tickets = await db.Tickets.Where(t => t.Id == duplicateId || t.Id == targetId)
            .Select(t => new { t.Id, t.Status, t.MergedIntoId }).ToListAsync();
        var duplicate = tickets.FirstOrDefault(t => t.Id == duplicateId);
        var target = tickets.FirstOrDefault(t => t.Id == targetId);
        if (duplicate is null || duplicate.Status == TicketStatus.Closed || duplicate.MergedIntoId is not null)
            return "Workflow.ClosedReadOnly";
        if (target is null)
            return "Workflow.Merge.NotFound";
        if (target.MergedIntoId is not null)
            return "Workflow.Merge.AlreadyMerged";
        if (target.Status == TicketStatus.Closed)
            return "Workflow.Merge.Closed";
        return null;
    }

    /// <summary>Merges, or returns the reason it cannot (a resource key); a conflict when the duplicate changed since <paramref name="seenVersion"/>.</summary>
    public async Task<(string? Problem, bool Conflict)> MergeAsync(long duplicateId, long targetId, int? seenVersion, ApplicationUser actor)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await CheckAsync(duplicateId, targetId) is { } problem)
            return (problem, false);
        var duplicate = await db.Tickets.SingleAsync(t => t.Id == duplicateId);
        var target = await db.Tickets.SingleAsync(t => t.Id == targetId);
        if (seenVersion is { } seen && seen != duplicate.Version)
            return (null, true);
        var now = clock.GetUtcNow().UtcDateTime;

        await db.TicketComments.Where(c => c.TicketId == duplicateId).ExecuteUpdateAsync(c => c.SetProperty(x => x.TicketId, targetId));
        await db.TicketAttachments.Where(a => a.TicketId == duplicateId).ExecuteUpdateAsync(a => a.SetProperty(x => x.TicketId, targetId));
        var onTarget = await db.TicketCcs.Where(c => c.TicketId == targetId).Select(c => c.UserId).ToListAsync();
        var moving = await db.TicketCcs.Where(c => c.TicketId == duplicateId).Select(c => c.UserId).ToListAsync();
        moving.Add(duplicate.RequesterId);
        var targetEvents = new List<TicketEvent>();
        foreach (var userId in moving.Distinct().Where(u => u != target.RequesterId && !onTarget.Contains(u)))
        {
            db.TicketCcs.Add(new TicketCc { TicketId = targetId, UserId = userId, AddedAt = now });
            var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync();
            targetEvents.Add(Event(targetId, actor, now, "Cc", null, email));
        }
        await db.TicketCcs.Where(c => c.TicketId == duplicateId).ExecuteDeleteAsync();

        db.TicketComments.Add(Note(duplicateId, actor, now, localizer["Workflow.Merge.IntoNote", targetId]));
        db.TicketComments.Add(Note(targetId, actor, now, localizer["Workflow.Merge.FromNote", duplicateId]));
        targetEvents.Add(Event(targetId, actor, now, "Merged", null, $"#{duplicateId}"));
        var duplicateEvents = new List<TicketEvent>
        {
            Event(duplicateId, actor, now, "MergedInto", null, $"#{targetId}"),
            Event(duplicateId, actor, now, "Status", duplicate.Status.ToString(), nameof(TicketStatus.Closed)),
        };
        duplicate.Status = TicketStatus.Closed;
        duplicate.MergedIntoId = targetId;
        duplicate.SolvedAt ??= now;
        target.UpdatedAt = now;
        try
        {
            await workflow.SaveAsync([(target, null), (duplicate, seenVersion)], [.. targetEvents, .. duplicateEvents]);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return (null, true);
        }
        await transaction.CommitAsync();
        return (null, false);
    }

    private static TicketComment Note(long ticketId, ApplicationUser actor, DateTime now, string body) =>
        new() { TicketId = ticketId, AuthorId = actor.Id, Body = body, IsPublic = false, CreatedAt = now };

    private static TicketEvent Event(long ticketId, ApplicationUser actor, DateTime now, string field, string? from, string? to) =>
        new() { TicketId = ticketId, ActorId = actor.Id, At = now, Field = field, OldValue = from, NewValue = to };
}
