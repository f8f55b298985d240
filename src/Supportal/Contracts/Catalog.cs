using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Platform;

namespace Supportal.Contracts;

public sealed class Manufacturer
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool Active { get; set; } = true;
    public List<Product> Products { get; set; } = [];
    public List<AdditionalField> Fields { get; set; } = [];
}

public sealed class Product
{
    public int Id { get; set; }
    public int ManufacturerId { get; set; }
    public Manufacturer Manufacturer { get; set; } = null!;
    public required string Name { get; set; }
    public required string Code { get; set; }
    public bool Active { get; set; } = true;
}

public enum FieldType
{
    Text,
    Number,
    Choice,
    Date,
}

/// <summary>
/// A question asked on every support request for one manufacturer's assets ("Firmware version"). Fields are
/// retired, never deleted, and tickets keep the label and value they were given, so changing a definition
/// never breaks a ticket that already answered it.
/// </summary>
public sealed class AdditionalField
{
    public int Id { get; set; }
    public int ManufacturerId { get; set; }
    public Manufacturer Manufacturer { get; set; } = null!;
    public required string LabelEn { get; set; }
    public required string LabelPl { get; set; }
    public string? HelpEn { get; set; }
    public string? HelpPl { get; set; }
    public FieldType Type { get; set; }
    public bool Required { get; set; }
    public int Order { get; set; }
    public bool Active { get; set; } = true;
    public List<FieldOption> Options { get; set; } = [];

    public string Label => Languages.Pick(LabelEn, LabelPl);
    public string? Help => HelpEn is null && HelpPl is null ? null : Languages.Pick(HelpEn ?? "", HelpPl ?? "");
}

/// <summary>One answer of a choice field; <see cref="Value"/> is what tickets store and never changes.</summary>
public sealed class FieldOption
{
    public int Id { get; set; }
    public int FieldId { get; set; }
    public required string Value { get; set; }
    public required string LabelEn { get; set; }
    public required string LabelPl { get; set; }
    public int Order { get; set; }

    public string Label => Languages.Pick(LabelEn, LabelPl);
}

/// <summary>The service a contract buys (e.g. Standard 8×5, Premium 24×7); SLA policies hang on it.</summary>
public sealed class ServiceLevel
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}

internal sealed class CatalogConfiguration :
    IEntityTypeConfiguration<Manufacturer>, IEntityTypeConfiguration<Product>, IEntityTypeConfiguration<AdditionalField>,
    IEntityTypeConfiguration<FieldOption>, IEntityTypeConfiguration<ServiceLevel>
{
    public void Configure(EntityTypeBuilder<Manufacturer> manufacturer)
    {
        manufacturer.Property(m => m.Name).HasMaxLength(200);
        manufacturer.HasIndex(m => m.Name).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.Property(p => p.Name).HasMaxLength(200);
        product.Property(p => p.Code).HasMaxLength(50);
        product.HasIndex(p => p.Code).IsUnique();
        product.HasIndex(p => p.ManufacturerId);
        product.HasOne(p => p.Manufacturer).WithMany(m => m.Products).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AdditionalField> field)
    {
        field.Property(f => f.LabelEn).HasMaxLength(200);
        field.Property(f => f.LabelPl).HasMaxLength(200);
        field.Property(f => f.HelpEn).HasMaxLength(500);
        field.Property(f => f.HelpPl).HasMaxLength(500);
        field.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
        field.Ignore(f => f.Label);
        field.Ignore(f => f.Help);
        field.HasIndex(f => new { f.ManufacturerId, f.Order });
        field.HasOne(f => f.Manufacturer).WithMany(m => m.Fields).OnDelete(DeleteBehavior.Restrict);
        field.HasMany(f => f.Options).WithOne().HasForeignKey(o => o.FieldId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FieldOption> option)
    {
        option.Property(o => o.Value).HasMaxLength(100);
        option.Property(o => o.LabelEn).HasMaxLength(200);
        option.Property(o => o.LabelPl).HasMaxLength(200);
        option.Ignore(o => o.Label);
        option.HasIndex(o => new { o.FieldId, o.Value }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ServiceLevel> level)
    {
        level.Property(l => l.Code).HasMaxLength(32);
        level.Property(l => l.Name).HasMaxLength(100);
        level.HasIndex(l => l.Code).IsUnique();
        // The two levels every installation starts with; admins may add more.
        level.HasData(
            new ServiceLevel { Id = 1, Code = "standard", Name = "Standard 8×5" },
            new ServiceLevel { Id = 2, Code = "premium", Name = "Premium 24×7" });
    }
}
