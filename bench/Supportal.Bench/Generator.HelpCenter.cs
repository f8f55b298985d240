using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Supportal.KnowledgeBase;

namespace Supportal.Bench;

public sealed partial class Generator
{
    /// <summary>Articles on the help center home: as many as a vendor would promote, whatever the size.</summary>
    public const int PromotedArticles = 12;

    /// <summary>
    /// The help center: eight categories, a section per hundred articles, and <paramref name="count"/> articles, each in
    /// English and Polish. Most sections and articles are public; some are for signed-in customers, some for contract
    /// holders of one of the two manufacturers; a few articles are drafts. Then the search index, built in bulk from the
    /// rows the app's own <see cref="ArticleIndex.Entries"/> gives.
    /// </summary>
    private async Task HelpCenterAsync(int count)
    {
        var start = clock.Elapsed;
        await writer.WriteAsync(ArticleTexts.Categories.Select((c, i) => new Category { Id = i + 1, NameEn = c.En, NamePl = c.Pl, Order = i + 1 }).ToList());
        var sections = Enumerable.Range(1, Math.Max(ArticleTexts.Categories.Length, count / 100)).Select(i =>
        {
            var (en, pl) = ArticleTexts.Section(i);
            var readers = Pick((Readership.Public, 85), (Readership.SignedIn, 10), (Readership.ContractHolders, 5));
            return new Section
            {
                Id = i, CategoryId = (i - 1) % ArticleTexts.Categories.Length + 1, Order = (i - 1) / ArticleTexts.Categories.Length + 1,
                NameEn = en, NamePl = pl, Readers = readers, ManufacturerId = readers == Readership.ContractHolders ? 1 + i % 2 : null,
            };
        }).ToList();
        await writer.WriteAsync(sections);

        var promoted = 0;
        var index = new List<IndexEntry>();
        var labels = new List<ArticleLabel>();
        for (var done = 0; done < count;)
        {
            var batch = new List<Article>();
            for (var id = done + 1; id <= Math.Min(done + BatchSize, count); id++)
            {
                var section = sections[random.Next(sections.Count)];
                var (en, pl) = ArticleTexts.Article(random, 1 + random.Next(count));
                var readers = Pick((Readership.Public, 90), (Readership.SignedIn, 7), (Readership.ContractHolders, 3));
                var created = Now.AddDays(-random.Next(1, 1100));
                var published = random.NextDouble() >= 0.03;
                var article = new Article
                {
                    Id = id, SectionId = section.Id, Order = id, TitleEn = en.Title, BodyEn = en.Body, LabelsEn = en.Labels,
                    TitlePl = pl.Title, BodyPl = pl.Body, LabelsPl = pl.Labels, Readers = readers,
                    ManufacturerId = readers == Readership.ContractHolders ? 1 + id % 2 : null,
                    PublishedAt = published ? created : null, CreatedAt = created, UpdatedAt = created.AddDays(random.Next(0, 30)), Version = 1,
                    Promoted = published && readers == Readership.Public && section.Readers == Readership.Public && promoted++ < PromotedArticles,
                };
                batch.Add(article);
                index.AddRange(ArticleIndex.Entries(article, section));
                if (published)
                    labels.AddRange(ArticleIndex.Labels(article).Select(label => new ArticleLabel { Label = label, ArticleId = id }));
            }
            await writer.WriteAsync(batch);
            done += batch.Count;
        }
        log.WriteLine($"{sections.Count} sections, {count:N0} articles in English and Polish ({clock.Elapsed:mm\\:ss})");
        await IndexAsync(index);
        await writer.WriteAsync(labels);
        log.WriteLine($"{index.Count:N0} search rows, {labels.Count:N0} labels; the help center took {clock.Elapsed - start:mm\\:ss}");
    }

    /// <summary>
    /// The search rows in one go. PostgreSQL: the folded texts are copied into a temporary table and the vectors made in
    /// one INSERT … SELECT with the app's own expression; SQLite: the app's own insert, all in one transaction.
    /// </summary>
    private async Task IndexAsync(List<IndexEntry> entries)
    {
        if (db.Database.IsNpgsql())
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TEMPORARY TABLE "KbFolded" ("ArticleId" integer, "Language" text, "Title" text, "Labels" text, "Section" text, "Body" text)
                """);
            await using (var importer = await connection.BeginBinaryImportAsync(
                """COPY "KbFolded" ("ArticleId", "Language", "Title", "Labels", "Section", "Body") FROM STDIN (FORMAT BINARY)"""))
            {
                foreach (var e in entries)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync(e.ArticleId, NpgsqlDbType.Integer);
                    foreach (var text in new[] { e.Language, e.Title, e.Labels, e.Section, e.Body })
                        await importer.WriteAsync(text, NpgsqlDbType.Text);
                }
                await importer.CompleteAsync();
            }
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            var (heading, vector) = ArticleIndex.PostgresVectors("\"Title\"", "\"Labels\"", "\"Section\"", "\"Body\"");
#pragma warning disable EF1002 // the expressions are the app's own constant SQL, no input
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "KbArticleSearch" ("ArticleId", "Language", "Heading", "Vector")
                SELECT "ArticleId", "Language", {heading}, {vector} FROM "KbFolded"; DROP TABLE "KbFolded";
                """);
#pragma warning restore EF1002
            return;
        }
        var articleIndex = new ArticleIndex(db);
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var entry in entries)
            await articleIndex.AddAsync(entry);
        await transaction.CommitAsync();
    }
}
