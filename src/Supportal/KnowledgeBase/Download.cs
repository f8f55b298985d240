using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Contracts;
using Supportal.Platform;

namespace Supportal.KnowledgeBase;

/// <summary>A heading on the Downloads page ("Remote support", "Certificates"), ordered by hand.</summary>
public sealed class DownloadGroup
{
    public int Id { get; set; }
    public required string NameEn { get; set; }
    public string NamePl { get; set; } = "";
    public int Order { get; set; }
    public List<DownloadItem> Items { get; set; } = [];

    public string Name => Languages.Pick(NameEn, NamePl);
}

/// <summary>A tool or file offered for download, with the same reading rules as articles, in released versions.</summary>
public sealed class DownloadItem
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public DownloadGroup Group { get; set; } = null!;
    public required string NameEn { get; set; }
    public string NamePl { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string DescriptionPl { get; set; } = "";
    public int Order { get; set; }
    public Readership Readers { get; set; }
    public int? ManufacturerId { get; set; }
    public Manufacturer? Manufacturer { get; set; }
    public List<DownloadVersion> Versions { get; set; } = [];

    public string Name => Languages.Pick(NameEn, NamePl);
    public string Description => Languages.Pick(DescriptionEn, DescriptionPl);
}

/// <summary>One released file of an item; its SHA-256 is computed while the upload streams to storage.</summary>
public sealed class DownloadVersion
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public DownloadItem Item { get; set; } = null!;
    public required string Version { get; set; }
    public DateOnly ReleasedOn { get; set; }

    /// <summary>Free text such as "Windows 10/11 (x64)"; empty when the file is for any system.</summary>
    public string OperatingSystem { get; set; } = "";
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public string NotesEn { get; set; } = "";
    public string NotesPl { get; set; } = "";
    public long DownloadCount { get; set; }
    public DateTime UploadedAt { get; set; }

    public string Notes => Languages.Pick(NotesEn, NotesPl);
}

internal sealed class DownloadConfiguration :
    IEntityTypeConfiguration<DownloadGroup>, IEntityTypeConfiguration<DownloadItem>, IEntityTypeConfiguration<DownloadVersion>
{
    public void Configure(EntityTypeBuilder<DownloadGroup> group)
    {
        group.Property(g => g.NameEn).HasMaxLength(100);
        group.Property(g => g.NamePl).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<DownloadItem> item)
    {
        item.Property(i => i.NameEn).HasMaxLength(200);
        item.Property(i => i.NamePl).HasMaxLength(200);
        item.Property(i => i.DescriptionEn).HasMaxLength(2000);
        item.Property(i => i.DescriptionPl).HasMaxLength(2000);
        item.Property(i => i.Readers).HasConversion<string>().HasMaxLength(20);
        item.HasOne(i => i.Group).WithMany(g => g.Items).OnDelete(DeleteBehavior.Restrict);
        item.HasOne(i => i.Manufacturer).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasIndex(i => new { i.GroupId, i.Order });
    }

    public void Configure(EntityTypeBuilder<DownloadVersion> version)
    {
        version.Property(v => v.Version).HasMaxLength(50);
        version.Property(v => v.OperatingSystem).HasMaxLength(100);
        version.Property(v => v.FileName).HasMaxLength(255);
        version.Property(v => v.ContentType).HasMaxLength(100);
        version.Property(v => v.Sha256).HasMaxLength(64);
        version.Property(v => v.NotesEn).HasMaxLength(10_000);
        version.Property(v => v.NotesPl).HasMaxLength(10_000);
        version.HasOne(v => v.Item).WithMany(i => i.Versions).OnDelete(DeleteBehavior.Cascade);
        version.HasIndex(v => new { v.ItemId, v.ReleasedOn });
    }
}
