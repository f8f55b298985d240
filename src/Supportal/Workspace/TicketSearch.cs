using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Workspace;

/// <summary>
/// The agents' search over subjects and comments (internal notes included: only staff search here), answered by
/// full-text indexes: a GIN index over one word vector per ticket on PostgreSQL, FTS5 tables on SQLite.
/// "#10001" or "10001" finds that number; otherwise every word must begin a word of the subject or of a comment.
/// </summary>
public static partial class TicketSearch
{
    /// <summary>More words narrow a search no further in practice and each costs an index lookup.</summary>
    public const int MaxWords = 8;

    /// <summary>
    /// The most unsolved tickets holding a search's words that <see cref="FewUnsolvedAsync"/> hands back to be checked
    /// one by one: at a million tickets each costs about 3 µs to look up and test, so 2,000 cost about 6 ms, less than
    /// walking a queue that holds the word often (about 15 ms).
    /// </summary>
    public const int FewTickets = 2000;

    /// <summary>
    /// The tickets matching a search: by number, by <paramref name="found"/> (what <see cref="FewUnsolvedAsync"/>
    /// returned, when the tickets searched are unsolved) or by the words themselves.
    /// </summary>
    public static IQueryable<Ticket> Matching(AppDbContext db, IQueryable<Ticket> tickets, string query, long[]? found = null)
    {
        if (NumberIn(query) is { } number)
            return tickets.Where(t => t.Id == number);
        // One array parameter, not a parameter per number: the SQL stays the same for any count.
        if (found is not null)
            return tickets.Where(t => EF.Parameter(found).Contains(t.Id));
        var words = Words(query);
        if (words.Count == 0)
            return tickets.Where(t => false);
        foreach (var word in words)
        {
            var ids = TicketsWith(db, word);
            tickets = tickets.Where(t => ids.Contains(t.Id));
        }
        return tickets;
    }

    /// <summary>
    /// On PostgreSQL, the unsolved tickets holding every word of a word search when there are at most
    /// <paramref name="few"/>, read from the index over unsolved tickets' vectors (PostgreSQL's Initial migration);
    /// null when there are more, for a number, or on SQLite. Walking an agent's queue in order and testing each vector
    /// finds a page quickly where the word is common in it, but reads the whole queue where it is rare: 100 ms for a
    /// team of 15,000 open tickets searching "firewall", which 1,526 unsolved tickets hold (1.5 ms to read here, 4.7 ms
    /// to check). When the word's unsolved tickets are many, the walk finds it often and stays short.
    /// </summary>
    public static async Task<long[]?> FewUnsolvedAsync(AppDbContext db, string query, int few = FewTickets)
    {
        var words = Words(query);
        if (!db.Database.IsNpgsql() || NumberIn(query) is not null || words.Count == 0)
            return null;
        var all = string.Join(" & ", words.Select(w => PrefixOf(db, w)));
        var found = await db.Database.SqlQueryRaw<long>(PostgresUnsolvedQuery, all, few + 1).ToArrayAsync();
        return found.Length <= few ? found : null;
    }

    /// <summary>Up to {1} unsolved tickets matching the query {0}, from the partial index over their vectors.</summary>
    public const string PostgresUnsolvedQuery = """
        SELECT "TicketId" AS "Value" FROM "TicketSearchVectors"
        WHERE "Unsolved" AND "Vector" @@ to_tsquery('simple'::regconfig, {0}) LIMIT {1}
        """;

    /// <summary>The ticket number a query asks for ("#10001" or "10001"), or null when it searches words.</summary>
    public static long? NumberIn(string query) =>
        long.TryParse(query.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The query's words as both indexes split text: runs of letters and digits, lower-cased.</summary>
    public static IReadOnlyList<string> Words(string query) =>
        WordPattern().Matches(query.ToLowerInvariant()).Select(m => m.Value).Distinct().Take(MaxWords).ToList();

    /// <summary>
    /// Numbers of the tickets whose subject or a comment has a word starting with {0}. PostgreSQL keeps one vector of
    /// words per ticket (PostgreSQL's Initial migration), so a common word lets the planner walk a view in its order
    /// and test each ticket instead of fetching every matching comment first.
    /// </summary>
    public const string PostgresQuery = """
        SELECT "TicketId" AS "Value" FROM "TicketSearchVectors" WHERE "Vector" @@ to_tsquery('simple'::regconfig, {0})
        """;

    /// <summary>
    /// Fills the vectors of every ticket again from subjects and comments, as the triggers keep them: for a bulk
    /// load that ran without the triggers (the benchmark's generator).
    /// </summary>
    public const string PostgresRebuild = """
        TRUNCATE "TicketSearchVectors";
        INSERT INTO "TicketSearchVectors" ("TicketId", "Vector", "Unsolved")
        SELECT t."Id", supportal_search_words(t."Subject") || coalesce(c.words, ''::tsvector), t."Status" IN ('New', 'Open', 'Pending', 'OnHold')
        FROM "Tickets" t LEFT JOIN (
            SELECT c."TicketId", array_to_tsvector(array_agg(DISTINCT w)) AS words
            FROM "TicketComments" c, unnest(tsvector_to_array(supportal_search_words(c."Body"))) w
            GROUP BY c."TicketId") c ON c."TicketId" = t."Id";
        ANALYZE "TicketSearchVectors";
        """;

    /// <summary>The same from SQLite's FTS5 tables over subjects and comments (SQLite's Initial migration).</summary>
    public const string SqliteQuery = """
        SELECT rowid AS "Value" FROM "TicketSubjectIndex" WHERE "TicketSubjectIndex" MATCH {0}
        UNION
        SELECT "TicketId" AS "Value" FROM "TicketComments"
        WHERE "Id" IN (SELECT rowid FROM "TicketCommentIndex" WHERE "TicketCommentIndex" MATCH {0})
        """;

    /// <summary>The word as a prefix query in each database's syntax; it holds only letters and digits.</summary>
    public static string PrefixOf(AppDbContext db, string word) => db.Database.IsNpgsql() ? $"{word}:*" : $"\"{word}\"*";

    private static IQueryable<long> TicketsWith(AppDbContext db, string word) =>
        db.Database.SqlQueryRaw<long>(db.Database.IsNpgsql() ? PostgresQuery : SqliteQuery, PrefixOf(db, word));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
