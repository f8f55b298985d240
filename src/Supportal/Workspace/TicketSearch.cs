using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.Workspace;

/// <summary>
/// The agents' search over subjects and comments (internal notes included: only staff search here), answered by the
/// full-text indexes the TicketSearch migration creates: GIN over to_tsvector on PostgreSQL, FTS5 on SQLite.
/// "#10001" or "10001" finds that number; otherwise every word must begin a word of the subject or of a comment.
/// </summary>
public static partial class TicketSearch
{
    /// <summary>More words narrow a search no further in practice and each costs an index lookup.</summary>
    public const int MaxWords = 8;

    public static IQueryable<Ticket> Matching(AppDbContext db, IQueryable<Ticket> tickets, string query)
    {
        if (long.TryParse(query.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return tickets.Where(t => t.Id == number);
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

    /// <summary>The query's words as both indexes split text: runs of letters and digits, lower-cased.</summary>
    public static IReadOnlyList<string> Words(string query) =>
        WordPattern().Matches(query.ToLowerInvariant()).Select(m => m.Value).Distinct().Take(MaxWords).ToList();

    /// <summary>
    /// Numbers of the tickets whose subject or a comment has a word starting with {0}. On PostgreSQL the vectors read
    /// exactly as the indexes' expressions (migration TicketSearch), or the planner would scan both tables.
    /// </summary>
    public const string PostgresQuery = """
        SELECT "Id" AS "Value" FROM "Tickets"
        WHERE to_tsvector('simple'::regconfig, regexp_replace("Subject", '[^[:alnum:]]+', ' ', 'g')) @@ to_tsquery('simple'::regconfig, {0})
        UNION
        SELECT "TicketId" AS "Value" FROM "TicketComments"
        WHERE to_tsvector('simple'::regconfig, regexp_replace("Body", '[^[:alnum:]]+', ' ', 'g')) @@ to_tsquery('simple'::regconfig, {0})
        """;

    /// <inheritdoc cref="PostgresQuery"/>
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
