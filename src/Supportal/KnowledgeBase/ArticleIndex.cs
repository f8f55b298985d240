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
        if (article.IsPublished)
        {
            foreach (var label in Labels(article))
                await db.Database.ExecuteSqlRawAsync("""INSERT INTO "KbArticleLabels" ("Label", "ArticleId") VALUES ({0}, {1})""", [label, article.Id], cancel);
        }
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

    /// <summary>
    /// Takes an article's search and label rows out (a deleted article's go with it anyway, but SQLite's FTS table has no
    /// foreign key).
    /// </summary>
    public async Task RemoveAsync(int articleId, CancellationToken cancel = default)
    {
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
            ? """DELETE FROM "KbArticleSearch" WHERE "ArticleId" = {0}""" : "DELETE FROM KbArticleSearch WHERE ArticleId = {0}",
            [articleId], cancel);
        await db.KbArticleLabels.Where(l => l.ArticleId == articleId).ExecuteDeleteAsync(cancel);
    }

    /// <summary>
    /// PostgreSQL keeps two vectors as SQL over the four given expressions (parameters or columns), so a bulk load builds
    /// exactly the vectors a save does: the heading (title, labels and section name, weighted 3, 2.8 and 1.5) that ranks and
    /// suggests, small enough to stay in the row; and the whole text, the heading and the body, that only finds. Ranking on
    /// the whole text would read every match's body from TOAST.
    /// </summary>
    public static (string Heading, string Vector) PostgresVectors(string title, string labels, string section, string body)
    {
        var heading = $"setweight(to_tsvector('simple'::regconfig, {title}), 'A') || setweight(to_tsvector('simple'::regconfig, {labels}), 'B')" +
            $" || setweight(to_tsvector('simple'::regconfig, {section}), 'C')";
        return (heading, $"{heading} || setweight(to_tsvector('simple'::regconfig, {body}), 'D')");
    }

    private static readonly string PostgresInsert = InsertPostgres(PostgresVectors("{2}", "{3}", "{4}", "{5}"));

    private static string InsertPostgres((string Heading, string Vector) vectors) =>
        $$"""INSERT INTO "KbArticleSearch" ("ArticleId", "Language", "Heading", "Vector") VALUES ({0}, {1}, {{vectors.Heading}}, {{vectors.Vector}})""";

    private const string SqliteInsert = """
        INSERT INTO KbArticleSearch (ArticleId, Language, Title, Labels, Section, Body) VALUES ({0}, {1}, {2}, {3}, {4}, {5})
        """;

    /// <summary>
    /// The translations holding every word of the query (in their titles only, for <paramref name="titles"/>), each word
    /// matched as the start of a word after losing a common ending of that translation's language; empty when the query
    /// has no words; for titles, at most <see cref="TitleCandidates"/> of them. Ranked by where the words stand (title,
    /// labels, section; a match in the body alone ranks last).
    /// Composable: callers join the readable articles and order by <see cref="ArticleHit.Rank"/>.
    /// </summary>
    public IQueryable<ArticleHit> Find(string query, bool titles = false)
    {
        var words = SearchText.QueryWords(query);
        if (words.Count == 0)
            return db.Database.SqlQueryRaw<ArticleHit>(db.Database.IsNpgsql() ? PostgresNothing : SqliteNothing);
        string Match(string language) => db.Database.IsNpgsql()
            ? string.Join(" & ", words.Select(w => SearchText.Stem(w, language) + (titles ? ":*A" : ":*")))
            : (titles ? "Title : " : "") + "(" + string.Join(" ", words.Select(w => "\"" + SearchText.Stem(w, language) + "\"*")) + ")";
        return db.Database.SqlQueryRaw<ArticleHit>(
            db.Database.IsNpgsql() ? (titles ? PostgresFindTitles : PostgresFind) : SqliteFind, Match("en"), Match("pl"));
    }

    // ts_rank takes the weights of D, C, B and A (body, section, labels, title) between 0 and 1; the heading has no body.
    // One scan for both languages, each row matched with its language's query: a condition on the language alone would
    // have PostgreSQL read the whole primary key for it.
    private const string PostgresFind = """
        SELECT "ArticleId", "Language", ts_rank(ARRAY[0, 0.5, 0.933, 1.0]::float4[], "Heading",
            CASE WHEN "Language" = 'en' THEN en ELSE pl END)::float8 AS "Rank"
        FROM "KbArticleSearch", to_tsquery('simple'::regconfig, {0}) en, to_tsquery('simple'::regconfig, {1}) pl
        WHERE ("Language" = 'en' AND "Vector" @@ en) OR ("Language" = 'pl' AND "Vector" @@ pl)
        """;

    // Titles only, from the heading's own index (its title part, weight A), for suggestions: at most a few hundred
    // candidates are ranked, not every title holding a common word's first letters.
    private static readonly string PostgresFindTitles = $$"""
        SELECT "ArticleId", "Language", ts_rank("Heading", CASE WHEN "Language" = 'en' THEN en ELSE pl END)::float8 AS "Rank"
        FROM "KbArticleSearch", to_tsquery('simple'::regconfig, {0}) en, to_tsquery('simple'::regconfig, {1}) pl
        WHERE ("Language" = 'en' AND "Heading" @@ en) OR ("Language" = 'pl' AND "Heading" @@ pl)
        LIMIT {{TitleCandidates}}
        """;

    /// <summary>
    /// How many title matches suggestions rank. Past this, a prefix of two or three letters matches titles that are all
    /// about as good, and the next letter narrows them.
    /// </summary>
    public const int TitleCandidates = 500;

    // bm25 is lower for better matches; negated so that both databases sort hits by rank descending. SQLite keeps the
    // body's weight: FTS5 ranks from its own compact index, not from the stored text.
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
    /// Up to <paramref name="take"/> readable articles for each of <paramref name="labels"/> (whole labels, any case), read
    /// from the label rows' key in article order, so a label shared by thousands of articles still costs a few rows. One
    /// statement; callers join it to what they show.
    /// </summary>
    public IQueryable<int> Labelled(IEnumerable<string> labels, IQueryable<Article> readable, int take)
    {
        IQueryable<int>? ids = null;
        foreach (var label in labels.Select(l => l.ToLowerInvariant()).Distinct())
        {
            var one = db.KbArticleLabels.Where(l => l.Label == label && readable.Any(a => a.Id == l.ArticleId))
                .OrderBy(l => l.ArticleId).Take(take).Select(l => l.ArticleId);
            ids = ids is null ? one : ids.Concat(one);
        }
        return ids ?? db.KbArticleLabels.Where(l => false).Select(l => l.ArticleId);
    }

    /// <summary>An article's labels as its label rows hold them: both translations', lower case, each once.</summary>
    public static IEnumerable<string> Labels(Article article) =>
        Article.SplitLabels(article.LabelsEn).Concat(Article.SplitLabels(article.LabelsPl)).Select(l => l.ToLowerInvariant()).Distinct();
}
