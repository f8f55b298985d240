using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Contracts;
using Supportal.Tickets;

namespace Supportal.Sla;

/// <summary>When a team works: a time zone, weekly hours and holidays; or around the clock.</summary>
public sealed class BusinessCalendar
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>IANA zone the hours and holidays are in (e.g. Europe/Warsaw).</summary>
    public required string TimeZone { get; set; }
    public bool AroundTheClock { get; set; }

    /// <summary>
    /// Raised by every saved change to the calendar, its hours or its holidays (see <see cref="Data.AppDbContext"/>), so
    /// every node's <see cref="CalendarCache"/> sees on its next use that its copy is out of date.
    /// </summary>
    public int Version { get; set; }
    public List<BusinessHours> Hours { get; set; } = [];
    public List<Holiday> Holidays { get; set; } = [];
}

/// <summary>One working span on a weekday, in the calendar's local time; a day may have several.</summary>
public sealed class BusinessHours
{
    public int Id { get; set; }
    public int CalendarId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

public sealed class Holiday
{
    public int Id { get; set; }
    public int CalendarId { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}

public enum SlaMetric
{
    FirstReply,
    Resolution,
}

/// <summary>Targets for one service level and priority (AGT-3).</summary>
public sealed class SlaPolicy
{
    public int Id { get; set; }
    public int ServiceLevelId { get; set; }
    public ServiceLevel ServiceLevel { get; set; } = null!;
    public TicketPriority Priority { get; set; }
    public int FirstReplyMinutes { get; set; }
    public int ResolutionMinutes { get; set; }

    /// <summary>Counted in the group's business hours; otherwise in calendar time.</summary>
    public bool BusinessHoursOnly { get; set; } = true;
}

/// <summary>
/// One running target of a ticket. While the ticket waits for the customer the target is paused: the due time
/// is cleared and the time left kept, so resuming continues the count instead of restarting it.
/// </summary>
public sealed class TicketSla
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public Ticket Ticket { get; set; } = null!;
    public SlaMetric Metric { get; set; }
    public long TargetSeconds { get; set; }
    public DateTime? DueAt { get; set; }

    /// <summary>When under a quarter of the target is left ("at risk"); views compare it with now.</summary>
    public DateTime? AtRiskAt { get; set; }
    public long? LeftSecondsWhilePaused { get; set; }
    public DateTime? FulfilledAt { get; set; }

    /// <summary>Set once, when the due time first passes unfulfilled.</summary>
    public DateTime? BreachedAt { get; set; }
}

internal sealed class SlaConfiguration :
    IEntityTypeConfiguration<BusinessCalendar>, IEntityTypeConfiguration<BusinessHours>, IEntityTypeConfiguration<Holiday>,
    IEntityTypeConfiguration<SlaPolicy>, IEntityTypeConfiguration<TicketSla>
{
    public void Configure(EntityTypeBuilder<BusinessCalendar> calendar)
    {
        calendar.Property(c => c.Name).HasMaxLength(100);
        calendar.Property(c => c.TimeZone).HasMaxLength(64);
        // Two admins saving one calendar at once would otherwise both write the same next version over different
        // contents, and a node that had cached the first save would keep it; the second save fails instead.
        calendar.Property(c => c.Version).IsConcurrencyToken();
        calendar.HasMany(c => c.Hours).WithOne().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Cascade);
        calendar.HasMany(c => c.Holidays).WithOne().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Cascade);
        calendar.HasData(SlaSeed.Calendars);
    }

    public void Configure(EntityTypeBuilder<BusinessHours> hours)
    {
        hours.Property(h => h.Day).HasConversion<string>().HasMaxLength(10);
        hours.HasIndex(h => h.CalendarId);
        hours.HasData(SlaSeed.Hours);
    }

    public void Configure(EntityTypeBuilder<Holiday> holiday)
    {
        holiday.Property(h => h.Name).HasMaxLength(100);
        holiday.HasIndex(h => new { h.CalendarId, h.Date }).IsUnique();
        holiday.HasData(SlaSeed.Holidays);
    }

    public void Configure(EntityTypeBuilder<SlaPolicy> policy)
    {
        policy.Property(p => p.Priority).HasConversion<string>().HasMaxLength(16);
        policy.HasOne(p => p.ServiceLevel).WithMany().OnDelete(DeleteBehavior.Cascade);
        policy.HasIndex(p => new { p.ServiceLevelId, p.Priority }).IsUnique();
        policy.HasData(SlaSeed.Policies);
    }

    public void Configure(EntityTypeBuilder<TicketSla> sla)
    {
        sla.Property(s => s.Metric).HasConversion<string>().HasMaxLength(16);
        sla.HasOne(s => s.Ticket).WithMany().OnDelete(DeleteBehavior.Cascade);
        sla.HasIndex(s => new { s.TicketId, s.Metric }).IsUnique();
        // "SLA at risk or breached": running targets ordered by when they turn at risk.
        sla.HasIndex(s => new { s.FulfilledAt, s.AtRiskAt });
        // The breach round: running targets not yet marked breached whose due time has passed.
        sla.HasIndex(s => new { s.FulfilledAt, s.BreachedAt, s.DueAt });
    }
}
