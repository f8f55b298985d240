using Supportal.Platform;

namespace Supportal.Tests.Platform;

public sealed class MarkdownTests
{
    private static string Html(string text) => Markdown.ToHtml(text).ToString()!;

    [Fact]
    public void Formatting_lists_and_code_are_rendered()
    {
        var html = Html("**Firmware** 7.2\n\n- first\n- second\n\n`show log`");
        html.ShouldContain("<strong>Firmware</strong>");
        html.ShouldContain("<li>first</li>");
        html.ShouldContain("<code>show log</code>");
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var html = Html("<script>alert(1)</script> and <img src=x onerror=alert(1)>");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldContain("&lt;script&gt;");
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    public void Links_that_would_run_script_lead_nowhere(string text)
    {
        var html = Html(text);
        html.ShouldNotContain("script:", Case.Insensitive);
        html.ShouldNotContain("data:");
    }

    [Fact]
    public void Web_links_are_kept_and_open_safely_and_pictures_become_links()
    {
        Html("[docs](https://example.com/a)").ShouldContain("href=\"https://example.com/a\" rel=\"noopener noreferrer nofollow\"");
        Html("[ticket](/Tickets/10001)").ShouldContain("href=\"/Tickets/10001\"");
        var picture = Html("![tracker](https://tracker.example/p.gif)");
        picture.ShouldNotContain("<img");
        picture.ShouldContain("href=\"https://tracker.example/p.gif\"");
    }
}
