using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Email;

namespace Supportal.Pages.Dev;

/// <summary>
/// Development only: every queued e-mail, newest first, so a new user can open confirmation links without a
/// mail server. Outside Development it does not exist (404), because it shows everybody's mail.
/// </summary>
[AllowAnonymous]
public sealed partial class MailboxModel(AppDbContext db, IWebHostEnvironment environment) : PageModel
{
    private const int PageSize = 25;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];
    public long? OlderThan { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? before)
    {
        if (!environment.IsDevelopment())
            return NotFound();
        var page = await db.OutboxMessages.AsNoTracking()
            .Where(m => before == null || m.Id < before)
            .OrderByDescending(m => m.Id).Take(PageSize + 1).ToListAsync();
        Messages = page.Take(PageSize).ToList();
        OlderThan = page.Count > PageSize ? Messages[^1].Id : null;
        return Page();
    }

    /// <summary>Encodes the text part and turns its web addresses into links.</summary>
    public static IHtmlContent Linkify(string text)
    {
        var html = new HtmlContentBuilder();
        var last = 0;
        foreach (Match url in UrlPattern().Matches(text))
        {
            html.Append(text[last..url.Index]);
            html.AppendHtml($"<a href=\"{HtmlEncoder.Default.Encode(url.Value)}\">");
            html.Append(url.Value);
            html.AppendHtml("</a>");
            last = url.Index + url.Length;
        }
        return html.Append(text[last..]);
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex UrlPattern();
}
