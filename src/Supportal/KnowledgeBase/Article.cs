using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Platform;

namespace Supportal.KnowledgeBase;

/// <summary>
/// Who may read an article, a section or a download. A section's choice and its article's both apply, so a section for
/// contract holders keeps every article in it from the public whatever the article says.
/// </summary>
public enum Readership
{
    Public,
    SignedIn,

    /// <summary>Customers with an active contract covering a product of <c>ManufacturerId</c> (and staff).</summary>
    ContractHolders,
}

/// <summary>The top level of the help center ("Getting started"), ordered by hand.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public required string NameEn { get; set; }
    public string NamePl { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string DescriptionPl { get; set; } = "";
    public int Order { get; set; }
    public List<Section> Sections { get; set; } = [];

    public string Name => Languages.Pick(NameEn, NamePl);
    public string Description => Languages.Pick(DescriptionEn, DescriptionPl);
}

public sealed class Section
{
    public int Id { get; set; }
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    public required string NameEn { get; set; }
    public string NamePl { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string DescriptionPl { get; set; } = "";
    public int Order { get; set; }
    public Readership Readers { get; set; }
    public int? ManufacturerId { get; set; }
    public Manufacturer? Manufacturer { get; set; }
    public List<Article> Articles { get; set; } = [];

    public string Name => Languages.Pick(NameEn, NamePl);
    public string Description => Languages.Pick(DescriptionEn, DescriptionPl);
}

/// <summary>
/// A help-center article in English and Polish (an empty title means that translation is missing). What is saved is what
/// readers see once the article is published; every save also keeps an <see cref="ArticleVersion"/>.
/// </summary>
public sealed class Article
{
    public const int TitleLength = 200;
    public const int LabelsLength = 500;
    public const int BodyLength = 100_000;

    public int Id { get; set; }
    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;
    public int Order { get; set; }
    public string TitleEn { get; set; } = "";
    public string TitlePl { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public string BodyPl { get; set; } = "";

    /// <summary>Labels separated by commas, as the editor typed them.</summary>
    public string LabelsEn { get; set; } = "";
    public string LabelsPl { get; set; } = "";
    public Readership Readers { get; set; }
    public int? ManufacturerId { get; set; }
    public Manufacturer? Manufacturer { get; set; }

    /// <summary>Drafts are seen by editors only; publishing sets this, unpublishing clears it.</summary>
    public DateTime? PublishedAt { get; set; }
    public bool Promoted { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedById { get; set; }

    /// <summary>Raised on every save, so an editor saving over someone else's newer edit is told instead.</summary>
    public int Version { get; set; }

    public bool IsPublished => PublishedAt is not null;

    /// <summary>The reader's translation, or the other one when theirs is missing (<see cref="Fallback"/> says so).</summary>
    public string Title => ShowsPolish ? TitlePl : TitleEn;
    public string Body => ShowsPolish ? BodyPl : BodyEn;
    public string Labels => ShowsPolish ? LabelsPl : LabelsEn;

    /// <summary>The language shown ("en" or "pl") when it is not the reader's, so the page can say so; otherwise null.</summary>
    public string? Fallback => ShowsPolish == InPolish ? null : ShowsPolish ? "pl" : "en";

    private bool ShowsPolish => InPolish ? TitlePl.Length > 0 : TitleEn.Length == 0;

    private static bool InPolish => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "pl";

    public static IReadOnlyList<string> SplitLabels(string labels) =>
        labels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>An article as it was after one save: who saved it and when; an editor can view it and restore it.</summary>
public sealed class ArticleVersion
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public int Number { get; set; }
    public string TitleEn { get; set; } = "";
    public string TitlePl { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public string BodyPl { get; set; } = "";
    public string LabelsEn { get; set; } = "";
    public string LabelsPl { get; set; } = "";
    public DateTime SavedAt { get; set; }
    public Guid? SavedById { get; set; }
    public ApplicationUser? SavedBy { get; set; }

    /// <summary>What happened with this save, e.g. "published", "restored 3"; shown in the history.</summary>
    public string Note { get; set; } = "";
}

/// <summary>"Was this helpful?": one vote per person, or per browser for people who are not signed in; changeable.</summary>
public sealed class ArticleVote
{
    public long Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>"u:" and the account id, or "b:" and a random id kept in a cookie.</summary>
    public required string Voter { get; set; }
    public bool Helpful { get; set; }
    public DateTime VotedAt { get; set; }
}

/// <summary>A signed-in person following an article (mail when it is updated) or a section (mail when one is added).</summary>
public sealed class KnowledgeFollow
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public int? ArticleId { get; set; }
    public int? SectionId { get; set; }
    public DateTime FollowedAt { get; set; }
}

/// <summary>A picture uploaded into an article, stored like an attachment (by its hash) and read with the article.</summary>
public sealed class ArticleImage
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>
/// One view of a request form, for deflection: how many articles were suggested, whether one was opened and whether a
/// request was sent after all. Kept without personal data: the form, the times and the counts.
/// </summary>
public sealed class RequestFormView
{
    public Guid Id { get; set; }

    /// <summary>"administrative", "support", "service" or "submit".</summary>
    public required string Form { get; set; }
    public DateTime OpenedAt { get; set; }
    public int SuggestionsShown { get; set; }
    public int? ArticleOpenedId { get; set; }
    public DateTime? ArticleOpenedAt { get; set; }
    public DateTime? RequestSentAt { get; set; }
}

/// <summary>
/// One label of a published article, in lower case, either language: what "related articles" reads a label's articles from,
/// a few rows from the key, where comparing every article's labels as text would read them all. Written with the search
/// rows (<see cref="ArticleIndex"/>).
/// </summary>
public sealed class ArticleLabel
{
    public string Label { get; set; } = "";
    public int ArticleId { get; set; }
}

internal sealed class KnowledgeConfiguration :
    IEntityTypeConfiguration<Category>, IEntityTypeConfiguration<Section>, IEntityTypeConfiguration<Article>,
    IEntityTypeConfiguration<ArticleVersion>, IEntityTypeConfiguration<ArticleVote>, IEntityTypeConfiguration<KnowledgeFollow>,
    IEntityTypeConfiguration<ArticleImage>, IEntityTypeConfiguration<RequestFormView>, IEntityTypeConfiguration<ArticleLabel>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("KbCategories");
        category.Property(c => c.NameEn).HasMaxLength(100);
        category.Property(c => c.NamePl).HasMaxLength(100);
        category.Property(c => c.DescriptionEn).HasMaxLength(500);
        category.Property(c => c.DescriptionPl).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<Section> section)
    {
        section.ToTable("KbSections");
        section.Property(s => s.NameEn).HasMaxLength(100);
        section.Property(s => s.NamePl).HasMaxLength(100);
        section.Property(s => s.DescriptionEn).HasMaxLength(500);
        section.Property(s => s.DescriptionPl).HasMaxLength(500);
        section.Property(s => s.Readers).HasConversion<string>().HasMaxLength(20);
        section.HasOne(s => s.Category).WithMany(c => c.Sections).OnDelete(DeleteBehavior.Restrict);
        section.HasOne(s => s.Manufacturer).WithMany().OnDelete(DeleteBehavior.Restrict);
        section.HasIndex(s => new { s.CategoryId, s.Order });
    }

    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.ToTable("KbArticles");
        article.Property(a => a.TitleEn).HasMaxLength(Article.TitleLength);
        article.Property(a => a.TitlePl).HasMaxLength(Article.TitleLength);
        article.Property(a => a.LabelsEn).HasMaxLength(Article.LabelsLength);
        article.Property(a => a.LabelsPl).HasMaxLength(Article.LabelsLength);
        article.Property(a => a.Readers).HasConversion<string>().HasMaxLength(20);
        article.Property(a => a.Version).IsConcurrencyToken();
        article.HasOne(a => a.Section).WithMany(s => s.Articles).OnDelete(DeleteBehavior.Restrict);
        article.HasOne(a => a.Manufacturer).WithMany().OnDelete(DeleteBehavior.Restrict);
        article.HasIndex(a => new { a.SectionId, a.Order, a.Id });
        // The reading rule of every published article without touching the rows, which hold the bodies: by section for
        // "does this section have anything readable?", by id for the articles a search or a label found.
        article.HasIndex(a => new { a.SectionId, a.Id }, "IX_KbArticles_ReadableBySection").HasFilter("\"PublishedAt\" IS NOT NULL")
            .IncludeProperties(a => new { a.Readers, a.ManufacturerId });
        article.HasIndex(a => a.Id, "IX_KbArticles_ReadableById").HasFilter("\"PublishedAt\" IS NOT NULL")
            .IncludeProperties(a => new { a.SectionId, a.Readers, a.ManufacturerId });
        // The help center home lists promoted articles; a partial index keeps that a short read at any size.
        article.HasIndex(a => new { a.Promoted, a.Order }).HasFilter("\"Promoted\"");
        article.Ignore(a => a.Title);
        article.Ignore(a => a.Body);
        article.Ignore(a => a.Labels);
        article.Ignore(a => a.Fallback);
    }

    public void Configure(EntityTypeBuilder<ArticleVersion> version)
    {
        version.ToTable("KbArticleVersions");
        version.Property(v => v.TitleEn).HasMaxLength(Article.TitleLength);
        version.Property(v => v.TitlePl).HasMaxLength(Article.TitleLength);
        version.Property(v => v.LabelsEn).HasMaxLength(Article.LabelsLength);
        version.Property(v => v.LabelsPl).HasMaxLength(Article.LabelsLength);
        version.Property(v => v.Note).HasMaxLength(100);
        version.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        version.HasOne(v => v.SavedBy).WithMany().OnDelete(DeleteBehavior.SetNull);
        version.HasIndex(v => new { v.ArticleId, v.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ArticleVote> vote)
    {
        vote.ToTable("KbArticleVotes");
        vote.Property(v => v.Voter).HasMaxLength(40);
        vote.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        vote.HasIndex(v => new { v.ArticleId, v.Voter }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<KnowledgeFollow> follow)
    {
        follow.ToTable("KbFollows");
        follow.HasOne(f => f.User).WithMany().OnDelete(DeleteBehavior.Cascade);
        follow.HasOne<Article>().WithMany().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
        follow.HasOne<Section>().WithMany().HasForeignKey(f => f.SectionId).OnDelete(DeleteBehavior.Cascade);
        follow.HasIndex(f => new { f.ArticleId, f.UserId }).IsUnique();
        follow.HasIndex(f => new { f.SectionId, f.UserId }).IsUnique();
        follow.HasIndex(f => f.UserId);
    }

    public void Configure(EntityTypeBuilder<ArticleImage> image)
    {
        image.ToTable("KbArticleImages");
        image.Property(i => i.FileName).HasMaxLength(255);
        image.Property(i => i.ContentType).HasMaxLength(100);
        image.Property(i => i.Sha256).HasMaxLength(64);
        image.HasOne<Article>().WithMany().HasForeignKey(i => i.ArticleId).OnDelete(DeleteBehavior.Cascade);
        image.HasIndex(i => i.ArticleId);
    }

    public void Configure(EntityTypeBuilder<RequestFormView> view)
    {
        view.ToTable("KbRequestFormViews");
        view.Property(v => v.Form).HasMaxLength(20);
        view.HasIndex(v => v.OpenedAt);
    }

    public void Configure(EntityTypeBuilder<ArticleLabel> label)
    {
        label.ToTable("KbArticleLabels");
        label.HasKey(l => new { l.Label, l.ArticleId });
        label.Property(l => l.Label).HasMaxLength(Article.LabelsLength);
        label.HasOne<Article>().WithMany().HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
        label.HasIndex(l => l.ArticleId);
    }
}
