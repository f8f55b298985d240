using Microsoft.Extensions.DependencyInjection;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>Help-center content made straight in the database and indexed as the editor's pages index it.</summary>
public static class KnowledgeData
{
    public static async Task<Section> CreateSectionAsync(PortalFactory portal, string nameEn, string namePl = "",
        Readership readers = Readership.Public, int? manufacturerId = null, string category = "Test category")
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Supportal.Data.AppDbContext>();
        var found = db.KbCategories.FirstOrDefault(c => c.NameEn == category) ?? new Category { NameEn = category, NamePl = category };
        var section = new Section { Category = found, NameEn = nameEn, NamePl = namePl, Readers = readers, ManufacturerId = manufacturerId };
        db.KbSections.Add(section);
        await db.SaveChangesAsync();
        return section;
    }

    /// <summary>An article in the section; published (and indexed) unless <paramref name="published"/> is false.</summary>
    public static async Task<Article> CreateArticleAsync(PortalFactory portal, int sectionId, string titleEn, string bodyEn = "",
        string titlePl = "", string bodyPl = "", string labelsEn = "", string labelsPl = "", bool published = true,
        Readership readers = Readership.Public, int? manufacturerId = null, bool promoted = false)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Supportal.Data.AppDbContext>();
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            SectionId = sectionId, TitleEn = titleEn, BodyEn = bodyEn, TitlePl = titlePl, BodyPl = bodyPl, LabelsEn = labelsEn,
            LabelsPl = labelsPl, Readers = readers, ManufacturerId = manufacturerId, Promoted = promoted,
            PublishedAt = published ? now : null, CreatedAt = now, UpdatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.KbArticles.Add(article);
        await db.SaveChangesAsync();
        var section = await db.KbSections.FindAsync(sectionId);
        await scope.ServiceProvider.GetRequiredService<ArticleIndex>().UpdateAsync(article, section!);
        await transaction.CommitAsync();
        return article;
    }
}
