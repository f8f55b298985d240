using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Accounts;

namespace Supportal.Contracts;

/// <summary>A customer company. People become members by registering one of its contracts.</summary>
public sealed class Organization
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? TaxId { get; set; }

    /// <summary>Staff switch: members may see each other's requests ("Organization requests").</summary>
    public bool SharesRequests { get; set; }

    /// <summary>Staff notes about the customer, never shown to its members.</summary>
    public string? Notes { get; set; }

    /// <summary>New accounts with an address in one of <see cref="Domains"/> join automatically when on.</summary>
    public bool JoinByDomain { get; set; }
    public List<OrganizationDomain> Domains { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public List<OrganizationMember> Members { get; set; } = [];
}

/// <summary>An e-mail domain of the organization ("northwind.example").</summary>
public sealed class OrganizationDomain
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Domain { get; set; }
}

public sealed class OrganizationMember
{
    public long Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public Guid UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public DateTime JoinedAt { get; set; }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>, IEntityTypeConfiguration<OrganizationMember>,
    IEntityTypeConfiguration<OrganizationDomain>
{
    public void Configure(EntityTypeBuilder<Organization> organization)
    {
        organization.Property(o => o.Name).HasMaxLength(200);
        organization.Property(o => o.TaxId).HasMaxLength(32);
        organization.HasIndex(o => o.Name);
        organization.Property(o => o.Notes).HasMaxLength(4000);
        organization.HasMany(o => o.Domains).WithOne().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<OrganizationDomain> domain)
    {
        domain.Property(d => d.Domain).HasMaxLength(253);
        // A domain belongs to one organization, so joining by domain is never ambiguous.
        domain.HasIndex(d => d.Domain).IsUnique();
    }

    public void Configure(EntityTypeBuilder<OrganizationMember> member)
    {
        member.HasOne(m => m.Organization).WithMany(o => o.Members).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => new { m.UserId, m.OrganizationId }).IsUnique();
        member.HasIndex(m => m.OrganizationId);
    }
}
