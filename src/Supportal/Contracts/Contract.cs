using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Accounts;

namespace Supportal.Contracts;

/// <summary>
/// A support contract as far as accounts need it: a number and a hashed activation key. The contracts work
/// adds the organization, service level, dates and covered assets.
/// </summary>
public sealed class Contract
{
    public int Id { get; set; }
    public required string Number { get; set; }

    /// <summary>Identity's password hash of the activation key: the key itself is shown once and never stored.</summary>
    public required string ActivationKeyHash { get; set; }

    public DateTime CreatedAt { get; set; }
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
        contract.HasIndex(c => c.Number).IsUnique();
    }
}

internal sealed class ContractRegistrationConfiguration : IEntityTypeConfiguration<ContractRegistration>
{
    public void Configure(EntityTypeBuilder<ContractRegistration> registration)
    {
        registration.HasIndex(r => new { r.UserId, r.ContractId }).IsUnique();
        registration.HasIndex(r => r.ContractId);
    }
}
