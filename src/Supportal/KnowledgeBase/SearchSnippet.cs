using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Supportal.KnowledgeBase;

/// <summary>
/// Marks the words a search matched in the original text, as the index matched them: a word of the text counts when its
/// folded form begins with a query word's stem (<see cref="SearchText"/>), so "haslo" marks "hasło" and "printers" marks
/// "printer". Works on the text itself, never on the folded copy, so the reader sees what the editor wrote; everything
/// is HTML-encoded and only the <c>mark</c> elements are markup.
/// </summary>
public static partial class SearchSnippet
{
    /// <summary>About two lines of a result: enough to recognise the answer, short enough to scan a page of twenty.</summary>
    public const int Length = 240;

    /// <summary>How much of the text before the first match a snippet keeps, so the match reads in its sentence.</summary>
    private const int Before = 60;

    /// <summary>Where the first matched word starts, or -1.</summary>
    public static int FirstMatch(string text, IReadOnlyList<string> words, string language) =>
        Matches(text, Stems(words, language)).Select(m => m.Index).DefaultIfEmpty(-1).First();

    /// <summary>The whole text with the matched words marked (for titles).</summary>
    public static IHtmlContent Highlight(string text, IReadOnlyList<string> words, string language) =>
        Marked(text, 0, text.Length, Stems(words, language));

    /// <summary>About <see cref="Length"/> characters around the first matched word (the start when none matched), marked.</summary>
    public static IHtmlContent Around(string text, IReadOnlyList<string> words, string language)
    {
        var stems = Stems(words, language);
        text = Spaces().Replace(text, " ").Trim();
        var first = Matches(text, stems).Select(m => m.Index).DefaultIfEmpty(0).First();
        var start = first <= Before ? 0 : WordStartBetween(text, first - Before, first);
        var end = start + Length >= text.Length ? text.Length : WordEndBefore(text, start + Length, first);
        var builder = new HtmlContentBuilder();
        if (start > 0)
            builder.Append("… ");
        builder.AppendHtml(Marked(text, start, end, stems));
        if (end < text.Length)
            builder.Append(" …");
        return builder;
    }

    private static string[] Stems(IReadOnlyList<string> words, string language) =>
        words.Select(w => SearchText.Stem(w, language)).ToArray();

    private static IEnumerable<Match> Matches(string text, string[] stems) => stems.Length == 0 ? [] :
        WordPattern().Matches(text).Where(m => SearchText.Fold(m.Value) is var folded
            && stems.Any(s => folded.StartsWith(s, StringComparison.Ordinal)));

    private static HtmlContentBuilder Marked(string text, int start, int end, string[] stems)
    {
        var builder = new HtmlContentBuilder();
        var at = start;
        foreach (var match in Matches(text, stems).Where(m => m.Index >= start && m.Index + m.Length <= end))
        {
            builder.Append(text[at..match.Index]);
            builder.AppendHtml("<mark>").Append(match.Value).AppendHtml("</mark>");
            at = match.Index + match.Length;
        }
        builder.Append(text[at..end]);
        return builder;
    }

    private static int WordStartBetween(string text, int from, int first)
    {
        var space = text.IndexOf(' ', from, first - from);
        return space < 0 ? first : space + 1;
    }

    /// <summary>The last space before <paramref name="at"/> but after the first match, so a long word is not cut in two.</summary>
    private static int WordEndBefore(string text, int at, int first)
    {
        var space = text.LastIndexOf(' ', at);
        return space > first ? space : at;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
