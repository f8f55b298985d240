using Microsoft.EntityFrameworkCore;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Sla;

/// <summary>
/// Keeps a ticket's SLA targets (first reply, resolution) in line with its state. Callers change the ticket, call
/// <see cref="UpdateAsync"/> and save in their own transaction, so the targets never disagree with the ticket.
/// </summary>
/// <remarks>
/// A target is in one of three states: running (DueAt set), paused (DueAt null, the time left kept in
/// LeftSecondsWhilePaused) or fulfilled (FulfilledAt set, the time left at that moment kept too). Moving between
/// them carries the time left over, so a pause or a reopen continues the count instead of restarting it.
/// </remarks>
public sealed class SlaTracker(AppDbContext db, TimeProvider clock)
{
    public const int StandardServiceLevel = 1;

    private readonly Dictionary<int, BusinessCalendar> calendars = [];

    /// <summary>Creates missing targets and starts, pauses, resumes, fulfils or re-targets them. Does not save.</summary>
    public async Task UpdateAsync(Ticket ticket)
    {
        var policy = await PolicyAsync(ticket);
        if (policy is null)
            return;
        var time = BusinessTime.For(await CalendarAsync(ticket.GroupId), policy.BusinessHoursOnly);
        var rows = await RowsAsync(ticket);
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = ticket.Status is TicketStatus.Solved or TicketStatus.Closed;

        // Nothing left to answer once the request is solved, so solving also ends the first-reply target.
        Apply(ticket, rows, SlaMetric.FirstReply, policy.FirstReplyMinutes, time, now,
            ticket.FirstReplyAt ?? (closed ? ticket.SolvedAt ?? now : null));
        Apply(ticket, rows, SlaMetric.Resolution, policy.ResolutionMinutes, time, now,
            closed ? ticket.SolvedAt ?? now : null);
    }

    /// <summary>
    /// The service level a ticket is served at: its asset's contract's; else its organization's active contract
    /// (the best-served one when there are several); else Standard.
    /// </summary>
    public async Task<int> ServiceLevelAsync(Ticket ticket)
    {
        if (ticket.AssetId is { } assetId)
            return await db.Assets.Where(a => a.Id == assetId).Select(a => a.Contract.ServiceLevelId).FirstAsync();
        if (ticket.OrganizationId is { } organizationId)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var level = await db.Contracts.Where(c => c.OrganizationId == organizationId).Where(Contract.ActiveOn(today))
                .OrderByDescending(c => c.ServiceLevelId).Select(c => (int?)c.ServiceLevelId).FirstOrDefaultAsync();
            if (level is not null)
                return level.Value;
        }
        return StandardServiceLevel;
    }

    private async Task<SlaPolicy?> PolicyAsync(Ticket ticket)
    {
        var level = await ServiceLevelAsync(ticket);
        // A service level without its own targets is held to the standard ones rather than to none.
        return await db.SlaPolicies.AsNoTracking().Where(p => p.Priority == ticket.Priority && (p.ServiceLevelId == level || p.ServiceLevelId == StandardServiceLevel))
            .OrderBy(p => p.ServiceLevelId == level ? 0 : 1).FirstOrDefaultAsync();
    }

    /// <summary>The group's calendar; no group means around the clock (nobody's hours apply yet).</summary>
    private async Task<BusinessCalendar?> CalendarAsync(int? groupId)
    {
        if (groupId is not { } id)
            return null;
        if (!calendars.TryGetValue(id, out var calendar))
        {
            calendar = await db.BusinessCalendars.Where(c => db.Groups.Any(g => g.Id == id && g.CalendarId == c.Id))
                .Include(c => c.Hours).Include(c => c.Holidays).AsNoTracking().AsSplitQuery().FirstAsync();
            calendars[id] = calendar;
        }
        return calendar;
    }

    /// <summary>The ticket's targets, including ones added earlier in this unit of work and not saved yet.</summary>
    private async Task<List<TicketSla>> RowsAsync(Ticket ticket)
    {
        if (ticket.Id != 0)
            await db.TicketSlas.Where(s => s.TicketId == ticket.Id).LoadAsync();
        return db.TicketSlas.Local.Where(s => s.Ticket == ticket || (ticket.Id != 0 && s.TicketId == ticket.Id)).ToList();
    }

    private void Apply(Ticket ticket, List<TicketSla> rows, SlaMetric metric, int targetMinutes, BusinessTime time, DateTime now, DateTime? fulfilledAt)
    {
        var target = targetMinutes * 60L;
        var row = rows.FirstOrDefault(r => r.Metric == metric);
        if (row is null)
        {
            // Counted from when the request came in, not from when the tracker first saw it.
            var due = time.Add(ticket.CreatedAt, TimeSpan.FromSeconds(target));
            row = new TicketSla
            {
                Ticket = ticket, TicketId = ticket.Id, Metric = metric, TargetSeconds = target, DueAt = due,
                AtRiskAt = time.Add(ticket.CreatedAt, TimeSpan.FromSeconds(target - Quarter(target))),
            };
            db.TicketSlas.Add(row);
        }

        if (row.FulfilledAt is not null && fulfilledAt is not null)
            return; // Met once; later changes (a new priority after solving) do not reopen the question.

        var running = row.FulfilledAt is null && row.DueAt is not null;
        // Time left under the row's current target; negative once overdue.
        var left = running
            ? Seconds(time.Between(fulfilledAt ?? now, row.DueAt!.Value))
            : row.LeftSecondsWhilePaused ?? 0;

        // A new priority (or service level) keeps the time already used and applies the new target to it.
        var retargeted = row.TargetSeconds != target;
        if (retargeted)
        {
            left += target - row.TargetSeconds;
            row.TargetSeconds = target;
        }

        if (fulfilledAt is not null)
        {
            row.FulfilledAt = fulfilledAt;
            row.LeftSecondsWhilePaused = left;
            row.AtRiskAt = null;
            return;
        }

        if (ticket.Status is TicketStatus.Pending or TicketStatus.OnHold)
        {
            // Waiting for the customer or a third party: the clock stops with what is left.
            if (running || retargeted || row.FulfilledAt is not null)
            {
                row.LeftSecondsWhilePaused = left;
                row.DueAt = null;
                row.AtRiskAt = null;
                row.FulfilledAt = null;
            }
            return;
        }

        if (running && !retargeted)
            return;
        // Resumed, reopened or re-targeted: due when the time left has passed from now (in the past when overdue,
        // so an overdue target stays overdue).
        row.DueAt = time.Add(now, TimeSpan.FromSeconds(left));
        row.AtRiskAt = time.Add(now, TimeSpan.FromSeconds(left - Quarter(row.TargetSeconds)));
        row.LeftSecondsWhilePaused = null;
        row.FulfilledAt = null;
    }

    private static long Quarter(long targetSeconds) => targetSeconds / 4;

    private static long Seconds(TimeSpan span) => span.Ticks / TimeSpan.TicksPerSecond;
}
