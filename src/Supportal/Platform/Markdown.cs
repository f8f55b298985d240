using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Supportal.Platform;

/// <summary>
/// Markdown for comments and articles: rich text with no HTML of its own. Raw HTML is shown as text, links
/// only keep web and mail addresses (no <c>javascript:</c>), pictures become links, and every link opens safely.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static IHtmlContent ToHtml(string? text)
    {
        var document = Markdig.Markdown.Parse(text ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
                link.Url = "#";
            // Pictures from elsewhere would tell another site who reads the ticket: link to them instead.
            link.IsImage = false;
            var attributes = link.GetAttributes();
            attributes.AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
        }
        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
                link.Url = "#";
        }
        return new HtmlString(Markdig.Markdown.ToHtml(document, Pipeline));
    }

    /// <summary>The words of a text without its markup, for search indexes and snippets.</summary>
    public static string ToPlainText(string? text) => Markdig.Markdown.ToPlainText(text ?? "", Pipeline);

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return true;
        if (!Uri.TryCreate(url.Trim(), UriKind.RelativeOrAbsolute, out var uri))
            return false;
        return !uri.IsAbsoluteUri ? !url.TrimStart().StartsWith("//", StringComparison.Ordinal) && !url.Contains(':', StringComparison.Ordinal)
            : uri.Scheme is "http" or "https" or "mailto";
    }
}
