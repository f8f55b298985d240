using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.KnowledgeBase;

/// <summary>An article translation a search found, with its rank (higher is better).</summary>
public sealed record ArticleHit(int ArticleId, string Language, double Rank);

/// <summary>One translation's row of the search index, every text already folded.</summary>
public sealed record IndexEntry(int ArticleId, string Language, string Title, string Labels, string Section, string Body);

/// <summary>
/// The help-center search index: one row per published translation of an article holding its folded title, labels,
/// section name and body (<see cref="SearchText"/>). PostgreSQL keeps a weighted <c>tsvector</c> under a GIN index, SQLite an
/// FTS5 table (both made by the KnowledgeBase migration); the weights follow Zendesk's: title 3, labels 2.8, section 1.5,
/// body 1. The index only finds; who may read what is decided by joining <see cref="KnowledgeAccess.Articles"/>.
/// </summary>
public sealed class ArticleIndex(AppDbContext db)
{
    /// <summary>
    /// Writes the article's rows again from what is saved: none for a draft, one per translation with a title otherwise.
    /// Runs inside the caller's transaction, so the index never disagrees with the articles.
    /// </summary>
    public async Task UpdateAsync(Article article, Section section, CancellationToken cancel = default)
    {
        await RemoveAsync(article.Id, cancel);
        foreach (var entry in Entries(article, section))
            await AddAsync(entry, cancel);
    }

    /// <summary>
    /// The rows an article gives the index, folded (<see cref="SearchText"/>): none for a draft, one per translation with
    /// a title; a Polish translation in a section without a Polish name takes the English one.
    /// </summary>
    public static IEnumerable<IndexEntry> Entries(Article article, Section section)
    {
        if (!article.IsPublished)
            yield break;
        foreach (var (language, title, labels, body, sectionName) in new[]
        {
            ("en", article.TitleEn, article.LabelsEn, article.BodyEn, section.NameEn),
            ("pl", article.TitlePl, article.LabelsPl, article.BodyPl, section.NamePl.Length > 0 ? section.NamePl : section.NameEn),
        })
        {
            if (title.Length > 0)
                yield return new(article.Id, language, SearchText.Fold(title), SearchText.Fold(labels.Replace(',', ' ')),
                    SearchText.Fold(sectionName), SearchText.Fold(Platform.Markdown.ToPlainText(body)));
        }
    }

    /// <summary>Writes one row; <see cref="UpdateAsync"/> removes the old ones first, a bulk load starts from an empty index.</summary>
    public Task AddAsync(IndexEntry entry, CancellationToken cancel = default) =>
        db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? PostgresInsert : SqliteInsert,
            [entry.ArticleId, entry.Language, entry.Title, entry.Labels, entry.Section, entry.Body], cancel);

    /// <summary>Takes a deleted article out (PostgreSQL's rows go with it anyway; SQLite's FTS table has no foreign key).</summary>
    public Task RemoveAsync(int articleId, CancellationToken cancel = default) => db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
        ? """DELETE FROM "KbArticleSearch" WHERE "ArticleId" = {0}""" : "DELETE FROM KbArticleSearch WHERE ArticleId = {0}",
        [articleId], cancel);

    /// <summary>
    /// The weighted vector of folded title, labels, section name and body, as SQL over the four given expressions (parameters
    /// or columns), so a bulk load builds exactly the vectors a save does.
    /// </summary>
    public static string PostgresVector(string title, string labels, string section, string body) =>
        $"setweight(to_tsvector('simple'::regconfig, {title}), 'A') || setweight(to_tsvector('simple'::regconfig, {labels}), 'B')" +
        $" || setweight(to_tsvector('simple'::regconfig, {section}), 'C') || setweight(to_tsvector('simple'::regconfig, {body}), 'D')";

    private static readonly string PostgresInsert =
        $$"""INSERT INTO "KbArticleSearch" ("ArticleId", "Language", "Vector") VALUES ({0}, {1}, {{PostgresVector("{2}", "{3}", "{4}", "{5}")}})""";

    private const string SqliteInsert = """
        INSERT INTO KbArticleSearch (ArticleId, Language, Title, Labels, Section, Body) VALUES ({0}, {1}, {2}, {3}, {4}, {5})
        """;

    /// <summary>
    /// The translations holding every word of the query, each word matched as the start of a word after losing a common
    /// ending of that translation's language; empty when the query has no words. Composable: callers join the readable
    /// articles and order by <see cref="ArticleHit.Rank"/>.
    /// </summary>
    public IQueryable<ArticleHit> Find(string query)
    {
        var words = SearchText.QueryWords(query);
        if (words.Count == 0)
            return db.Database.SqlQueryRaw<ArticleHit>(db.Database.IsNpgsql() ? PostgresNothing : SqliteNothing);
        string Match(string language) => db.Database.IsNpgsql()
            ? string.Join(" & ", words.Select(w => SearchText.Stem(w, language) + ":*"))
            : string.Join(" ", words.Select(w => "\"" + SearchText.Stem(w, language) + "\"*"));
        return db.Database.SqlQueryRaw<ArticleHit>(db.Database.IsNpgsql() ? PostgresFind : SqliteFind, Match("en"), Match("pl"));
    }

    // ts_rank takes the weights of D, C, B and A (body, section, labels, title) between 0 and 1: 1, 1.5, 2.8 and 3 over 3.
    private const string PostgresFind = """
        SELECT "ArticleId", "Language", ts_rank(ARRAY[0.333, 0.5, 0.933, 1.0]::float4[], "Vector", q)::float8 AS "Rank"
        FROM "KbArticleSearch", to_tsquery('simple'::regconfig, {0}) q WHERE "Language" = 'en' AND "Vector" @@ q
        UNION ALL
        SELECT "ArticleId", "Language", ts_rank(ARRAY[0.333, 0.5, 0.933, 1.0]::float4[], "Vector", q)::float8 AS "Rank"
        FROM "KbArticleSearch", to_tsquery('simple'::regconfig, {1}) q WHERE "Language" = 'pl' AND "Vector" @@ q
        """;

    // bm25 is lower for better matches; negated so that both databases sort hits by rank descending.
    private const string SqliteFind = """
        SELECT ArticleId, Language, -bm25(KbArticleSearch, 3.0, 2.8, 1.5, 1.0) AS Rank
        FROM KbArticleSearch WHERE KbArticleSearch MATCH {0} AND Language = 'en'
        UNION ALL
        SELECT ArticleId, Language, -bm25(KbArticleSearch, 3.0, 2.8, 1.5, 1.0) AS Rank
        FROM KbArticleSearch WHERE KbArticleSearch MATCH {1} AND Language = 'pl'
        """;

    private const string PostgresNothing = """SELECT 0 AS "ArticleId", '' AS "Language", 0::float8 AS "Rank" WHERE false""";
    private const string SqliteNothing = "SELECT 0 AS ArticleId, '' AS Language, 0.0 AS Rank WHERE 0";

    /// <summary>
    /// The articles whose labels (in either published translation) hold every word of at least one of
    /// <paramref name="labels"/>, read from the index's label part (weight B; FTS5's Labels column) instead of comparing
    /// every article's labels as text, which reads them all. Callers join the readable articles.
    /// </summary>
    public IQueryable<int> Labelled(IEnumerable<string> labels)
    {
        var groups = labels.Select(SearchText.Words).Where(words => words.Count > 0).Take(SearchText.MaxWords).ToList();
        if (groups.Count == 0)
            return db.Database.SqlQueryRaw<int>(db.Database.IsNpgsql() ? """SELECT 0 AS "Value" WHERE false""" : "SELECT 0 AS Value WHERE 0");
        // Words are letters and digits only (SearchText.Words), so they need no quoting beyond what each syntax wants.
        return db.Database.IsNpgsql()
            ? db.Database.SqlQueryRaw<int>("""SELECT "ArticleId" AS "Value" FROM "KbArticleSearch" WHERE "Vector" @@ to_tsquery('simple'::regconfig, {0})""",
                string.Join(" | ", groups.Select(words => "(" + string.Join(" & ", words.Select(w => w + ":B")) + ")")))
            : db.Database.SqlQueryRaw<int>("SELECT ArticleId AS Value FROM KbArticleSearch WHERE KbArticleSearch MATCH {0}",
                string.Join(" OR ", groups.Select(words => "(Labels : (" + string.Join(" ", words.Select(w => "\"" + w + "\"")) + "))")));
    }

    /// <summary>Rebuilds every row, for a bulk load that wrote articles without this class (the benchmark's generator).</summary>
    public async Task RebuildAsync(CancellationToken cancel = default)
    {
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? """TRUNCATE "KbArticleSearch" """ : "DELETE FROM KbArticleSearch", cancel);
        var lastId = 0;
        while (true)
        {
            var batch = await db.KbArticles.Include(a => a.Section).Where(a => a.Id > lastId && a.PublishedAt != null)
                .OrderBy(a => a.Id).Take(500).AsNoTracking().ToListAsync(cancel);
            if (batch.Count == 0)
                return;
            foreach (var article in batch)
                await UpdateAsync(article, article.Section, cancel);
            lastId = batch[^1].Id;
        }
    }
}
