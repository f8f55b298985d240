using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Data;

/// <summary>
/// The migration that added label rows and the search heading fills them in for articles published before it, so an
/// upgraded help center shows related articles and suggestions at once.
/// </summary>
public sealed class KnowledgeLabelsMigrationTests
{
    [Fact]
    public async Task Articles_published_before_the_upgrade_get_their_labels_and_headings()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var db = Context(database);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_KnowledgeLabels", StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(before);
        var postgres = db.Database.IsNpgsql();
        await db.Database.ExecuteSqlRawAsync(postgres
            ? """
              INSERT INTO "KbCategories" ("NameEn", "NamePl", "DescriptionEn", "DescriptionPl", "Order") VALUES ('C', 'C', '', '', 1);
              INSERT INTO "KbSections" ("CategoryId", "NameEn", "NamePl", "DescriptionEn", "DescriptionPl", "Order", "Readers") VALUES (1, 'S', 'S', '', '', 1, 'Public');
              INSERT INTO "KbArticles" ("SectionId", "Order", "TitleEn", "TitlePl", "BodyEn", "BodyPl", "LabelsEn", "LabelsPl", "Readers", "Promoted", "PublishedAt", "CreatedAt", "UpdatedAt", "Version")
              VALUES (1, 1, 'Tunnel setup', '', 'Body words', '', 'VPN, Remote access ,vpn', 'vpn,dostęp', 'Public', false, now(), now(), now(), 1),
                     (1, 2, 'Draft', '', '', '', 'draftlabel', '', 'Public', false, NULL, now(), now(), 1);
              INSERT INTO "KbArticleSearch" ("ArticleId", "Language", "Vector")
              VALUES (1, 'en', setweight(to_tsvector('simple', 'tunnel setup'), 'A') || setweight(to_tsvector('simple', 'body words'), 'D'));
              """
            : """
              INSERT INTO KbCategories (NameEn, NamePl, DescriptionEn, DescriptionPl, "Order") VALUES ('C', 'C', '', '', 1);
              INSERT INTO KbSections (CategoryId, NameEn, NamePl, DescriptionEn, DescriptionPl, "Order", Readers) VALUES (1, 'S', 'S', '', '', 1, 'Public');
              INSERT INTO KbArticles (SectionId, "Order", TitleEn, TitlePl, BodyEn, BodyPl, LabelsEn, LabelsPl, Readers, Promoted, PublishedAt, CreatedAt, UpdatedAt, Version)
              VALUES (1, 1, 'Tunnel setup', '', 'Body words', '', 'VPN, Remote access ,vpn', 'vpn,dostęp', 'Public', 0, '2026-12-01', '2026-12-01', '2026-12-01', 1),
                     (1, 2, 'Draft', '', '', '', 'draftlabel', '', 'Public', 0, NULL, '2026-12-01', '2026-12-01', 1);
              """);

        await db.Database.MigrateAsync();

        (await db.KbArticleLabels.OrderBy(l => l.Label).Select(l => l.Label + "#" + l.ArticleId).ToListAsync())
            .ShouldBe(["dostęp#1", "remote access#1", "vpn#1"]);
        if (postgres)
            (await new ArticleIndex(db).Find("tunn", titles: true).Select(h => h.ArticleId).ToListAsync()).ShouldBe([1]);
    }

    private static AppDbContext Context(TestDatabase database) => TestDatabase.Provider == DatabaseProvider.Postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options);
}
