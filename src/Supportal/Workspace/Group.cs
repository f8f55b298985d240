using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Sla;

namespace Supportal.Workspace;

/// <summary>A team of agents ("Polish team", "English team") working in one business-hours calendar.</summary>
public sealed class Group
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int CalendarId { get; set; }
    public BusinessCalendar Calendar { get; set; } = null!;
    public List<GroupMember> Members { get; set; } = [];
}

public sealed class GroupMember
{
    public long Id { get; set; }
    public int GroupId { get; set; }
    public Group Group { get; set; } = null!;
    public Guid UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
}

/// <summary>
/// Which group a new request goes to: the first rule, by order, matching the request's language and the
/// service level of its contract (a rule without a level matches any, including requests without a contract).
/// </summary>
public sealed class RoutingRule
{
    public int Id { get; set; }
    public int Order { get; set; }
    public required string Language { get; set; }
    public int? ServiceLevelId { get; set; }
    public ServiceLevel? ServiceLevel { get; set; }
    public int GroupId { get; set; }
    public Group Group { get; set; } = null!;
}

/// <summary>A canned reply with field changes (AGT-5); personal when it has an owner, shared otherwise.</summary>
public sealed class Macro
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Body { get; set; } = "";
    public Guid? OwnerId { get; set; }
    public Tickets.TicketStatus? SetStatus { get; set; }
    public Tickets.TicketPriority? SetPriority { get; set; }
    public int? SetGroupId { get; set; }

    /// <summary>Tags added, separated by spaces.</summary>
    public string AddTags { get; set; } = "";
}

internal sealed class WorkspaceConfiguration :
    IEntityTypeConfiguration<Group>, IEntityTypeConfiguration<GroupMember>, IEntityTypeConfiguration<RoutingRule>, IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Group> group)
    {
        group.Property(g => g.Name).HasMaxLength(100);
        group.HasIndex(g => g.Name).IsUnique();
        group.HasOne(g => g.Calendar).WithMany().OnDelete(DeleteBehavior.Restrict);
        group.HasData(SlaSeed.Groups);
    }

    public void Configure(EntityTypeBuilder<GroupMember> member)
    {
        member.HasOne(m => m.Group).WithMany(g => g.Members).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.User).WithMany().OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => new { m.GroupId, m.UserId }).IsUnique();
        member.HasIndex(m => m.UserId);
    }

    public void Configure(EntityTypeBuilder<RoutingRule> rule)
    {
        rule.Property(r => r.Language).HasMaxLength(8);
        rule.HasOne(r => r.ServiceLevel).WithMany().OnDelete(DeleteBehavior.Cascade);
        rule.HasOne(r => r.Group).WithMany().OnDelete(DeleteBehavior.Cascade);
        rule.HasIndex(r => r.Order);
        rule.HasData(SlaSeed.Routing);
    }

    public void Configure(EntityTypeBuilder<Macro> macro)
    {
        macro.Property(m => m.Name).HasMaxLength(100);
        macro.Property(m => m.Body).HasMaxLength(Tickets.TicketComment.BodyLength);
        macro.Property(m => m.SetStatus).HasConversion<string>().HasMaxLength(16);
        macro.Property(m => m.SetPriority).HasConversion<string>().HasMaxLength(16);
        macro.Property(m => m.AddTags).HasMaxLength(500);
        macro.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
        macro.HasOne<Group>().WithMany().HasForeignKey(m => m.SetGroupId).OnDelete(DeleteBehavior.SetNull);
        macro.HasIndex(m => m.OwnerId);
    }
}
