using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Accounts;

namespace Supportal.Contracts;

/// <summary>
/// A support contract: which organization gets which service level for which assets, from when to when.
/// People register it with its number and activation key to raise requests for its assets.
/// </summary>
public sealed class Contract
{
    /// <summary>Contracts ending within this many days are shown as expiring.</summary>
    public const int ExpiringWithinDays = 30;

    public int Id { get; set; }
    public required string Number { get; set; }

    /// <summary>Identity's password hash of the activation key: the key itself is shown once and never stored.</summary>
    public required string ActivationKeyHash { get; set; }

    public DateTime KeyIssuedAt { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public int ServiceLevelId { get; set; }
    public ServiceLevel ServiceLevel { get; set; } = null!;
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Asset> Assets { get; set; } = [];
    public List<ContractRegistration> Registrations { get; set; } = [];

    public ContractState StateOn(DateOnly today) => State(StartsOn, EndsOn, today);

    /// <summary>The one definition of the states; queries use <see cref="ActiveOn"/> for the same "active".</summary>
    public static ContractState State(DateOnly startsOn, DateOnly endsOn, DateOnly today) =>
        today < startsOn ? ContractState.NotStarted
        : today > endsOn ? ContractState.Expired
        : endsOn.DayNumber - today.DayNumber < ExpiringWithinDays ? ContractState.Expiring
        : ContractState.Active;

    /// <summary>Covers today: requests may be raised for its assets (expiring contracts still count).</summary>
    public static System.Linq.Expressions.Expression<Func<Contract, bool>> ActiveOn(DateOnly today) =>
        c => c.StartsOn <= today && c.EndsOn >= today;
}

public enum ContractState
{
    NotStarted,
    Active,
    Expiring,
    Expired,
}

/// <summary>A covered item: a product with its serial number or name, and where it stands.</summary>
public sealed class Asset
{
    public int Id { get; set; }
    public int ContractId { get; set; }
    public Contract Contract { get; set; } = null!;
    public int ProductId { get; set; }
    public Product Product { get; set; } = null!;
    public string? SerialNumber { get; set; }
    public string? Name { get; set; }
    public string? Location { get; set; }
    public DateTime CreatedAt { get; set; }

    public string Label => SerialNumber is { Length: > 0 } serial ? (Name is { Length: > 0 } ? $"{Name} ({serial})" : serial) : Name ?? "";
}

/// <summary>A person who may raise requests under a contract, made by sign-up or "Register contract".</summary>
public sealed class ContractRegistration
{
    public long Id { get; set; }
    public int ContractId { get; set; }
    public Contract Contract { get; set; } = null!;
    public Guid UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public DateTime RegisteredAt { get; set; }
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> contract)
    {
        contract.Property(c => c.Number).HasMaxLength(50);
        contract.Property(c => c.ActivationKeyHash).HasMaxLength(200);
        contract.Property(c => c.Notes).HasMaxLength(2000);
        contract.HasIndex(c => c.Number).IsUnique();
        contract.HasIndex(c => c.OrganizationId);
        contract.HasIndex(c => c.EndsOn);
        contract.HasOne(c => c.Organization).WithMany().OnDelete(DeleteBehavior.Restrict);
        contract.HasOne(c => c.ServiceLevel).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> asset)
    {
        asset.Property(a => a.SerialNumber).HasMaxLength(100);
        asset.Property(a => a.Name).HasMaxLength(200);
        asset.Property(a => a.Location).HasMaxLength(200);
        asset.Ignore(a => a.Label);
        asset.HasOne(a => a.Contract).WithMany(c => c.Assets).OnDelete(DeleteBehavior.Cascade);
        asset.HasOne(a => a.Product).WithMany().OnDelete(DeleteBehavior.Restrict);
        asset.HasIndex(a => a.ContractId);
        asset.HasIndex(a => a.ProductId);
        asset.HasIndex(a => a.SerialNumber);
    }
}

internal sealed class ContractRegistrationConfiguration : IEntityTypeConfiguration<ContractRegistration>
{
    public void Configure(EntityTypeBuilder<ContractRegistration> registration)
    {
        registration.HasOne(r => r.Contract).WithMany(c => c.Registrations).OnDelete(DeleteBehavior.Cascade);
        registration.HasIndex(r => new { r.UserId, r.ContractId }).IsUnique();
        registration.HasIndex(r => r.ContractId);
    }
}
