using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Supportal.Accounts;

/// <summary>The staff roles are part of the schema (fixed ids), so every database has them from its first migration.</summary>
internal sealed class RoleSeed : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> role) => role.HasData(
        Role("0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a01", Roles.Admin),
        Role("0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a02", Roles.Agent),
        Role("0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a03", Roles.Orders),
        Role("0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a04", Roles.KnowledgeEditor),
        Role("0b6f2f2e-6f0e-4c38-9f4b-1d2a7c1e0a05", Roles.StatusEditor));

    private static IdentityRole<Guid> Role(string id, string name) => new()
    {
        Id = Guid.Parse(id), Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = id,
    };
}
