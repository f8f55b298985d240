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

    /// <summary>The path of pictures uploaded into articles, the only ones an article shows (KnowledgeBase/Image page).</summary>
    public const string ArticleImagePath = "/KnowledgeBase/Image/";

    public static IHtmlContent ToHtml(string? text) => Render(text, portalImages: false);

    /// <summary>
    /// An article body: as <see cref="ToHtml"/>, except that pictures uploaded into articles are shown. They are served by
    /// the portal itself to those who may read the article, so showing them tells no other site anything.
    /// </summary>
    public static IHtmlContent ToArticleHtml(string? text) => Render(text, portalImages: true);

    private static HtmlString Render(string? text, bool portalImages)
    {
        var document = Markdig.Markdown.Parse(text ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
                link.Url = "#";
            // Pictures from elsewhere would tell another site who reads the ticket: link to them instead.
            if (link.IsImage && !(portalImages && IsArticleImage(link.Url)))
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

    // Only a plain path under the image page: no "..", query or fragment that could point the browser elsewhere.
    private static bool IsArticleImage(string? url) => url is not null && url.StartsWith(ArticleImagePath, StringComparison.Ordinal)
        && !url.Contains("..", StringComparison.Ordinal) && url.IndexOfAny(['?', '#', '\\', ':']) < 0;

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
