using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Sla;

/// <summary>
/// Keeps a ticket's SLA targets (first reply, resolution) in line with its state. Callers change the ticket, call
/// <see cref="UpdateAsync"/> and save in their own transaction, so the targets never disagree with the ticket.
/// </summary>
/// <remarks>
/// This class finds the policy, the clocks and the rows; the arithmetic of each target is <see cref="SlaClock"/>'s.
/// </remarks>
public sealed class SlaTracker(AppDbContext db, TimeProvider clock, CalendarCache calendarCache)
{
    public const int StandardServiceLevel = 1;

    private readonly Dictionary<int, BusinessTime> calendars = [];

    // The level of each asset and organization asked for in this unit of work: a new request reads it for its routing
    // and again for its targets.
    private readonly Dictionary<(int? Asset, int? Organization), int> levels = [];

    // The clock each ticket's targets were last computed in during this unit of work (see PreviousClockAsync).
    private readonly Dictionary<Ticket, BusinessTime> clocks = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Creates missing targets and starts, pauses, resumes, fulfils or re-targets them, when the ticket is new or
    /// something they depend on changed. Does not save.
    /// </summary>
    public async Task UpdateAsync(Ticket ticket)
    {
        // A change the targets do not depend on (a reply after the first, a note, a tag, a copied person) leaves them
        // as they are: reading the level, policy, calendar and rows for it was four of a reply's statements. A breach
        // falling due meanwhile is the monitor's to record, as for a ticket nobody touches.
        if (Unaffected(db.Entry(ticket)))
            return;
        var policy = await PolicyAsync(await ServiceLevelAsync(ticket.AssetId, ticket.OrganizationId), ticket.Priority);
        if (policy is null)
            return;
        var time = await ClockAsync(ticket.GroupId, policy.BusinessHoursOnly);
        var previous = await PreviousClockAsync(ticket) ?? time;
        var rows = await RowsAsync(ticket);
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = ticket.Status is TicketStatus.Solved or TicketStatus.Closed;

        // Nothing left to answer once the request is solved, so solving also ends the first-reply target.
        Track(ticket, rows, SlaMetric.FirstReply, policy.FirstReplyMinutes, previous, time, now,
            ticket.FirstReplyAt ?? (closed ? ticket.SolvedAt ?? now : null));
        Track(ticket, rows, SlaMetric.Resolution, policy.ResolutionMinutes, previous, time, now,
            closed ? ticket.SolvedAt ?? now : null);
        ticket.SlaAtRiskAt = SlaClock.AtRiskSince(rows);
        clocks[ticket] = time;
    }

    private static readonly string[] Inputs = [nameof(Ticket.Status), nameof(Ticket.Priority), nameof(Ticket.GroupId), nameof(Ticket.AssetId),
        nameof(Ticket.OrganizationId), nameof(Ticket.FirstReplyAt), nameof(Ticket.SolvedAt)];

    private static bool Unaffected(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Ticket> entry) =>
        entry.State is EntityState.Unchanged or EntityState.Modified && Inputs.All(name => !entry.Property(name).IsModified);

    /// <summary>The service level a ticket is served at: its serving contract's (<see cref="ServingContract"/>), else Standard.</summary>
    public Task<int> ServiceLevelAsync(Ticket ticket) => ServiceLevelAsync(ticket.AssetId, ticket.OrganizationId);

    private async Task<int> ServiceLevelAsync(int? assetId, int? organizationId)
    {
        if (!levels.TryGetValue((assetId, organizationId), out var level))
            levels[(assetId, organizationId)] = level = await ServingContract.LevelAsync(db, clock.GetUtcNow().UtcDateTime, assetId, organizationId);
        return level;
    }

    private Task<SlaPolicy?> PolicyAsync(int level, TicketPriority priority) =>
        // A service level without its own targets is held to the standard ones rather than to none.
        db.SlaPolicies.AsNoTracking().Where(p => p.Priority == priority && (p.ServiceLevelId == level || p.ServiceLevelId == StandardServiceLevel))
            .OrderBy(p => p.ServiceLevelId == level ? 0 : 1).FirstOrDefaultAsync();

    /// <summary>
    /// The clock the running targets' due times were computed in, when the change being saved moves the ticket to
    /// another one (another group's calendar, or a service level counting calendar instead of business hours).
    /// The time left must be measured in the old clock: a Saturday ticket of the Polish team has used none of its
    /// time, although its due time is days away in plain hours. Null when the clock did not change.
    /// </summary>
    private async Task<BusinessTime?> PreviousClockAsync(Ticket ticket)
    {
        if (clocks.TryGetValue(ticket, out var known))
            return known;
        var entry = db.Entry(ticket);
        if (entry.State is not (EntityState.Modified or EntityState.Unchanged))
            return null;
        var group = entry.Property(t => t.GroupId);
        var asset = entry.Property(t => t.AssetId);
        var organization = entry.Property(t => t.OrganizationId);
        var priority = entry.Property(t => t.Priority);
        if (!group.IsModified && !asset.IsModified && !organization.IsModified && !priority.IsModified)
            return null;
        var policy = await PolicyAsync(await ServiceLevelAsync(asset.OriginalValue, organization.OriginalValue), priority.OriginalValue);
        return policy is null ? null : await ClockAsync(group.OriginalValue, policy.BusinessHoursOnly);
    }

    /// <summary>
    /// The clock a policy counts in for a group: its calendar's hours, or plain time for calendar-time policies and
    /// tickets without a group yet. One instance per calendar, so comparing clocks tells whether they differ. Costs one
    /// small query per group and unit of work: the calendar itself comes from <see cref="CalendarCache"/>.
    /// </summary>
    private async Task<BusinessTime> ClockAsync(int? groupId, bool businessHoursOnly)
    {
        if (groupId is not { } id || !businessHoursOnly)
            return BusinessTime.AroundTheClock;
        if (!calendars.TryGetValue(id, out var time))
        {
            var calendar = await db.Groups.Where(g => g.Id == id).Select(g => new { g.CalendarId, g.Calendar.Version }).FirstAsync();
            time = await calendarCache.GetAsync(db, calendar.CalendarId, calendar.Version);
            calendars[id] = time;
        }
        return time;
    }

    /// <summary>The ticket's targets, including ones added earlier in this unit of work and not saved yet.</summary>
    private async Task<List<TicketSla>> RowsAsync(Ticket ticket)
    {
        if (ticket.Id != 0)
            await db.TicketSlas.Where(s => s.TicketId == ticket.Id).LoadAsync();
        return db.TicketSlas.Local.Where(s => s.Ticket == ticket || (ticket.Id != 0 && s.TicketId == ticket.Id)).ToList();
    }

    /// <summary>Creates the target when missing and brings it in line; a breach it records gets its history row.</summary>
    private void Track(Ticket ticket, List<TicketSla> rows, SlaMetric metric, int targetMinutes, BusinessTime previous, BusinessTime time,
        DateTime now, DateTime? fulfilledAt)
    {
        var target = targetMinutes * 60L;
        var row = rows.FirstOrDefault(r => r.Metric == metric);
        if (row is null)
        {
            previous = time;
            row = SlaClock.Start(metric, target, time, ticket.CreatedAt);
            row.Ticket = ticket;
            row.TicketId = ticket.Id;
            db.TicketSlas.Add(row);
            rows.Add(row);
        }
        if (!SlaClock.Apply(row, target, previous, time, now, fulfilledAt, ticket.Status is TicketStatus.Pending or TicketStatus.OnHold))
            return;
        // The row the monitor writes for a breach, in this change's transaction. A ticket not saved yet (one entered
        // with a past creation time) has only a temporary key, which the save replaces in this row too.
        // Recorded once: a round that recorded it first left BreachedAt set, so Apply did not record it again; a round
        // after this save, or one whose update waits for this save's row lock (PostgreSQL re-checks its conditions),
        // finds FulfilledAt set or another DueAt and records nothing. Not covered: a round committing between the
        // load of the rows above and the caller's save; only BreachedAt as a concurrency token would close that.
        db.TicketEvents.Add(SlaMonitor.BreachEvent(db.Entry(ticket).Property(t => t.Id).CurrentValue, metric, row.BreachedAt!.Value));
    }
}
