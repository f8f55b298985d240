using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Supportal.KnowledgeBase;

/// <summary>
/// How help-center text and queries are made comparable, the same way on every database: neither stock PostgreSQL nor
/// SQLite folds Polish letters (no Polish text-search configuration, no <c>unaccent</c> in SQLite, FTS5 keeps "ł"), so the
/// portal folds before indexing and before querying: lower case, marks dropped, ł to l. "haslo" then meets "hasło".
/// Inflection is met halfway: each query word loses a common ending of its language and matches as a prefix, so
/// "printers" finds "printer" and "drukarki" finds "drukarka".
/// </summary>
public static partial class SearchText
{
    /// <summary>More words narrow a search no further in practice and each costs an index lookup.</summary>
    public const int MaxWords = 8;

    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            // "ł" has no decomposition: it is a letter of its own, not l with a mark.
            folded.Append(c == 'ł' ? 'l' : c);
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The folded words of a text, as both indexes split it: runs of letters and digits.</summary>
    public static IReadOnlyList<string> Words(string text) => WordPattern().Matches(Fold(text)).Select(m => m.Value).ToList();

    /// <summary>A query's distinct folded words, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> QueryWords(string query) => Words(query).Distinct().Take(MaxWords).ToList();

    /// <summary>
    /// The start a query word must begin an indexed word with: the word without one common inflectional ending of the
    /// language, never shorter than three letters (four for Polish, whose endings are shorter and more often letters of
    /// the stem). Deliberately light: a full stemmer on one side only would miss as much as it finds.
    /// </summary>
    public static string Stem(string word, string language)
    {
        var endings = language == "pl" ? PolishEndings : EnglishEndings;
        var shortest = language == "pl" ? 4 : 3;
        foreach (var ending in endings)
        {
            if (word.Length - ending.Length >= shortest && word.EndsWith(ending, StringComparison.Ordinal)
                && !(ending == "s" && word.EndsWith("ss", StringComparison.Ordinal)))
                return word[..^ending.Length];
        }
        return word;
    }

    // Longest first: the first that fits is taken.
    private static readonly string[] EnglishEndings = ["ies", "ing", "es", "ed", "s"];

    private static readonly string[] PolishEndings =
        ["ami", "ach", "ego", "emu", "ych", "ymi", "ich", "owi", "om", "ow", "ie", "ia", "ej", "a", "e", "i", "y", "o", "u"];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
