using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Sla;

namespace Supportal.Pages.Agent;

/// <summary>How a target stands for the agent: running, at risk, overdue, paused, or met (in time or late).</summary>
public enum AgentSlaState
{
    Running,
    AtRisk,
    Overdue,
    Paused,
    Met,
    MetLate,
}

/// <summary>
/// The ticket's SLA targets as the side panel shows them (AGT-3): what was promised, when it is due and how it stands
/// at <c>now</c>. The states follow <see cref="SlaTracker"/>'s rows: running (DueAt set), paused (the time left kept)
/// or fulfilled; "at risk" is the tracker's AtRiskAt, and a breach is what <see cref="SlaMonitor"/> recorded.
/// </summary>
public sealed record AgentTicketSla(SlaMetric Metric, long TargetSeconds, bool BusinessHours, DateTime? DueAt, DateTime? AtRiskAt,
    long? LeftSecondsWhilePaused, DateTime? FulfilledAt, DateTime? BreachedAt, DateTime Now, TimeSpan Left)
{
    public AgentSlaState State =>
        FulfilledAt is { } met ? (BreachedAt is not null || met > DueAt || LeftSecondsWhilePaused < 0 ? AgentSlaState.MetLate : AgentSlaState.Met)
        : DueAt is not { } due ? AgentSlaState.Paused
        : due <= Now ? AgentSlaState.Overdue
        : AtRiskAt <= Now ? AgentSlaState.AtRisk
        : AgentSlaState.Running;

    /// <summary>"4 h", "30 min", "1 h 30 min": the promise as the policy states it.</summary>
    public string Target
    {
        get
        {
            var minutes = TargetSeconds / 60;
            return (minutes / 60, minutes % 60) switch
            {
                (0, var m) => string.Create(CultureInfo.InvariantCulture, $"{m} min"),
                (var h, 0) => string.Create(CultureInfo.InvariantCulture, $"{h} h"),
                (var h, var m) => string.Create(CultureInfo.InvariantCulture, $"{h} h {m} min"),
            };
        }
    }

    /// <summary>
    /// The ticket's targets, read in one query. They count business hours when the policy for the ticket's service level and
    /// priority says so and the ticket's group works set hours (the tracker's rule); otherwise calendar time. The time
    /// left (<see cref="Left"/>) is counted in that clock, as the target is (the time overdue is plain time since due): a Friday evening ticket of an office-hours
    /// team with an hour of work left shows one hour, not the week-end. Only then is the calendar needed, from <see cref="CalendarCache"/>.
    /// </summary>
    public static async Task<IReadOnlyList<AgentTicketSla>> LoadAsync(AppDbContext db, CalendarCache calendars, long ticketId, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var found = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new
            {
                SetHours = t.Group != null && !t.Group.Calendar.AroundTheClock,
                CalendarId = t.Group == null ? (int?)null : t.Group.CalendarId,
                CalendarVersion = t.Group == null ? (int?)null : t.Group.Calendar.Version,
                // The tracker's service level: the asset's contract's, else the organization's highest active one, else Standard.
                Level = t.AssetId != null ? t.Asset!.Contract.ServiceLevelId
                    : db.Contracts.Where(c => c.OrganizationId == t.OrganizationId && c.StartsOn <= today && c.EndsOn >= today)
                        .OrderByDescending(c => c.ServiceLevelId).Select(c => (int?)c.ServiceLevelId).FirstOrDefault() ?? SlaTracker.StandardServiceLevel,
                // The priority's policies of every level: a handful of rows, picked from below as the tracker picks.
                Policies = db.SlaPolicies.Where(p => p.Priority == t.Priority).Select(p => new { p.ServiceLevelId, p.BusinessHoursOnly }).ToList(),
                Rows = db.TicketSlas.Where(s => s.TicketId == t.Id)
                    .Select(s => new { s.Metric, s.TargetSeconds, s.DueAt, s.AtRiskAt, s.LeftSecondsWhilePaused, s.FulfilledAt, s.BreachedAt }).ToList(),
            })
            .AsSingleQuery().FirstOrDefaultAsync();
        if (found is null)
            return [];
        // A level without its own targets is held to the standard ones (see SlaTracker).
        var businessHours = found.SetHours && (found.Policies.FirstOrDefault(p => p.ServiceLevelId == found.Level)
            ?? found.Policies.FirstOrDefault(p => p.ServiceLevelId == SlaTracker.StandardServiceLevel))?.BusinessHoursOnly == true;
        var time = businessHours && found.Rows.Any(r => r.FulfilledAt == null && r.DueAt != null)
            ? await calendars.GetAsync(db, found.CalendarId!.Value, found.CalendarVersion!.Value)
            : BusinessTime.AroundTheClock;
        return found.Rows.OrderBy(r => r.Metric)
            .Select(r => new AgentTicketSla(r.Metric, r.TargetSeconds, businessHours, r.DueAt, r.AtRiskAt,
                r.LeftSecondsWhilePaused, r.FulfilledAt, r.BreachedAt, now,
                // Working time until the due time; once overdue, the plain time since it (as the views show it); for a
                // paused target, what it had left when it stopped.
                r.DueAt is { } due ? (due > now ? time.Between(now, due) : due - now) : TimeSpan.FromSeconds(r.LeftSecondsWhilePaused ?? 0)))
            .ToList();
    }
}
