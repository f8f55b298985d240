using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Platform;

namespace Supportal.Status;

/// <summary>A service's state, from best to worst; the status page's banner shows the worst current one.</summary>
public enum ServiceState
{
    Operational,
    UnderMaintenance,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
}

/// <summary>A heading on the status page ("Portal", "Remote support"), ordered by hand.</summary>
public sealed class ServiceGroup
{
    public int Id { get; set; }
    public required string NameEn { get; set; }
    public string NamePl { get; set; } = "";
    public int Order { get; set; }
    public List<StatusService> Services { get; set; } = [];

    public string Name => Languages.Pick(NameEn, NamePl);
}

/// <summary>
/// A service customers can see the state of (a component, in Statuspage's words). Its current state is kept here for
/// the page; its history, which uptime is computed from, is in <see cref="ServiceStateInterval"/>.
/// </summary>
public sealed class StatusService
{
    public const int NameLength = 100;
    public const int DescriptionLength = 500;

    public int Id { get; set; }
    public int GroupId { get; set; }
    public ServiceGroup Group { get; set; } = null!;
    public required string NameEn { get; set; }
    public string NamePl { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string DescriptionPl { get; set; } = "";
    public int Order { get; set; }
    public ServiceState State { get; set; }

    /// <summary>When the service was added: uptime is counted from then, not over days it did not exist.</summary>
    public DateTime CreatedAt { get; set; }

    public string Name => Languages.Pick(NameEn, NamePl);
    public string Description => Languages.Pick(DescriptionEn, DescriptionPl);
}

/// <summary>
/// A stretch of time a service spent in one state, from <see cref="From"/> up to <see cref="To"/> (null: still in it).
/// Written only by <see cref="ServiceStates"/>, so a service has exactly one open interval and they never overlap.
/// </summary>
public sealed class ServiceStateInterval
{
    public long Id { get; set; }
    public int ServiceId { get; set; }
    public StatusService Service { get; set; } = null!;
    public ServiceState State { get; set; }
    public DateTime From { get; set; }
    public DateTime? To { get; set; }
}

internal sealed class StatusConfiguration :
    IEntityTypeConfiguration<ServiceGroup>, IEntityTypeConfiguration<StatusService>, IEntityTypeConfiguration<ServiceStateInterval>
{
    public void Configure(EntityTypeBuilder<ServiceGroup> group)
    {
        group.ToTable("StatusGroups");
        group.Property(g => g.NameEn).HasMaxLength(StatusService.NameLength);
        group.Property(g => g.NamePl).HasMaxLength(StatusService.NameLength);
        group.Ignore(g => g.Name);
    }

    public void Configure(EntityTypeBuilder<StatusService> service)
    {
        service.ToTable("StatusServices");
        service.Property(s => s.NameEn).HasMaxLength(StatusService.NameLength);
        service.Property(s => s.NamePl).HasMaxLength(StatusService.NameLength);
        service.Property(s => s.DescriptionEn).HasMaxLength(StatusService.DescriptionLength);
        service.Property(s => s.DescriptionPl).HasMaxLength(StatusService.DescriptionLength);
        service.Property(s => s.State).HasConversion<string>().HasMaxLength(30);
        service.HasOne(s => s.Group).WithMany(g => g.Services).OnDelete(DeleteBehavior.Restrict);
        service.HasIndex(s => new { s.GroupId, s.Order });
        service.Ignore(s => s.Name);
        service.Ignore(s => s.Description);
    }

    public void Configure(EntityTypeBuilder<ServiceStateInterval> interval)
    {
        interval.ToTable("StatusIntervals");
        interval.Property(i => i.State).HasConversion<string>().HasMaxLength(30);
        interval.HasOne(i => i.Service).WithMany().HasForeignKey(i => i.ServiceId).OnDelete(DeleteBehavior.Cascade);
        // History reads a service's intervals from a day on; at most one is open.
        interval.HasIndex(i => new { i.ServiceId, i.From });
        interval.HasIndex(i => i.ServiceId).IsUnique().HasFilter("\"To\" IS NULL").HasDatabaseName("IX_StatusIntervals_Open");
    }
}
