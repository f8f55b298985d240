namespace Supportal.Sla;

/// <summary>
/// The arithmetic of one SLA target, on its row alone: started when the request comes in, paused while the ticket
/// waits, resumed, fulfilled, re-targeted and moved to another clock. <see cref="SlaTracker"/> reads the ticket and
/// the database and hands the result here, so every rule can be checked without a database.
/// </summary>
/// <remarks>
/// A target is in one of three states: running (DueAt set), paused (DueAt null, the time left kept in
/// LeftSecondsWhilePaused) or fulfilled (FulfilledAt set, the time left at that moment kept too). Moving between
/// them carries the time left over, so a pause or a reopen continues the count instead of restarting it. Times
/// left are working seconds of the clock the target counts in, negative once overdue.
/// </remarks>
public static class SlaClock
{
    /// <summary>A target is at risk once less than a quarter of it is left.</summary>
    private static long AtRiskSeconds(long targetSeconds) => targetSeconds / 4;

    /// <summary>A running target counted from when the request came in, not from when the tracker first saw it.</summary>
    public static TicketSla Start(SlaMetric metric, long targetSeconds, BusinessTime time, DateTime createdAt) => new()
    {
        Metric = metric,
        TargetSeconds = targetSeconds,
        DueAt = time.Add(createdAt, TimeSpan.FromSeconds(targetSeconds)),
        AtRiskAt = time.Add(createdAt, TimeSpan.FromSeconds(targetSeconds - AtRiskSeconds(targetSeconds))),
    };

    /// <summary>
    /// Brings a target in line with its ticket: fulfils it when <paramref name="fulfilledAt"/> is given, else pauses
    /// it when <paramref name="paused"/>, else keeps it running; and applies <paramref name="targetSeconds"/> and
    /// the clock <paramref name="time"/> when they differ from the ones the target was counted with
    /// (<paramref name="previous"/> is the clock its due time was set in; the same one when that did not change).
    /// </summary>
    /// <returns>
    /// True when the change recorded a breach: the target was running past its due time, unrecorded, and this change
    /// ends or replaces that due time. BreachedAt is then the due time, and the caller writes its history row.
    /// </returns>
    public static bool Apply(TicketSla row, long targetSeconds, BusinessTime previous, BusinessTime time, DateTime now,
        DateTime? fulfilledAt, bool paused)
    {
        if (row.FulfilledAt is not null && fulfilledAt is not null)
            return false; // Met once; later changes (a new priority after solving) do not reopen the question.

        var running = row.FulfilledAt is null && row.DueAt is not null;
        // A new priority (or service level) keeps the time already used and applies the new target to it; a new
        // clock (group or level) keeps the time left and counts it in the new clock from now.
        var retargeted = row.TargetSeconds != targetSeconds || previous != time;
        // A running target that keeps running, and a paused one that stays paused, are left as they are.
        if (fulfilledAt is null && !retargeted && (paused ? !running && row.FulfilledAt is null : running))
            return false;

        // Time left under the row's current target, in the clock its due time was set in.
        var left = running
            ? Seconds(previous.Between(fulfilledAt ?? now, row.DueAt!.Value))
            : row.LeftSecondsWhilePaused ?? 0;

        // The monitor records breaches of running targets only, on its next round; a target answered, paused or
        // re-targeted after its due time but before that round would never be recorded, so it is recorded here.
        var breached = running && row.BreachedAt is null && row.DueAt < (fulfilledAt ?? now);
        if (breached)
            row.BreachedAt = row.DueAt;

        if (retargeted)
        {
            left += targetSeconds - row.TargetSeconds;
            row.TargetSeconds = targetSeconds;
        }

        if (fulfilledAt is not null)
        {
            row.FulfilledAt = fulfilledAt;
            row.LeftSecondsWhilePaused = left;
            row.AtRiskAt = null;
        }
        else if (paused)
        {
            // Waiting for the customer or a third party: the clock stops with what is left.
            row.LeftSecondsWhilePaused = left;
            row.DueAt = null;
            row.AtRiskAt = null;
            row.FulfilledAt = null;
        }
        else
        {
            // Resumed, reopened or re-targeted: due when the time left has passed from now (in the past when
            // overdue, so an overdue target stays overdue).
            row.DueAt = time.Add(now, TimeSpan.FromSeconds(left));
            row.AtRiskAt = time.Add(now, TimeSpan.FromSeconds(left - AtRiskSeconds(row.TargetSeconds)));
            row.LeftSecondsWhilePaused = null;
            row.FulfilledAt = null;
        }
        return breached;
    }

    private static long Seconds(TimeSpan span) => span.Ticks / TimeSpan.TicksPerSecond;

    /// <summary>
    /// Since when a ticket's SLA needs attention (<see cref="Tickets.Ticket.SlaAtRiskAt"/>): of the targets not met,
    /// the earliest at-risk point, or breach when that is earlier (a paused or re-targeted target keeps its breach but
    /// has no at-risk point in the past). Null when every target is met or paused within time. The breach round never
    /// changes it: it marks running targets, whose at-risk point comes before the breach it records.
    /// </summary>
    public static DateTime? AtRiskSince(IEnumerable<TicketSla> targets) => targets
        .Where(t => t.FulfilledAt is null)
        .Select(t => t.BreachedAt is { } breached && !(t.AtRiskAt <= breached) ? breached : t.AtRiskAt)
        .Min();
}
