using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.KnowledgeBase;

/// <summary>
/// "Was this helpful?": one vote per person, or per browser for visitors (a random id in a cookie), changed in place.
/// Callers check first that the voter may read the article.
/// </summary>
public sealed class ArticleVotes(AppDbContext db, TimeProvider clock)
{
    public const string BrowserCookie = "supportal.voter";

    /// <summary>The voter key of a signed-in person or of a browser that voted before; null for a browser that never did.</summary>
    public static string? VoterOf(ClaimsPrincipal user, HttpRequest request) =>
        user.AccountId() is { } id ? $"u:{id}"
        : request.Cookies[BrowserCookie] is { Length: > 0 and <= 38 } browser ? $"b:{browser}" : null;

    /// <summary>The voter key, giving a browser that has none its random id (a year-long cookie, sent only with this site's own navigation).</summary>
    public static string VoterFor(ClaimsPrincipal user, HttpContext http)
    {
        if (VoterOf(user, http.Request) is { } known)
            return known;
        var browser = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(BrowserCookie, browser, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true,
        });
        return $"b:{browser}";
    }

    public Task<bool?> OfAsync(int articleId, string? voter) => voter is null
        ? Task.FromResult<bool?>(null)
        : db.KbArticleVotes.Where(v => v.ArticleId == articleId && v.Voter == voter).Select(v => (bool?)v.Helpful).FirstOrDefaultAsync();

    /// <summary>Records the vote, or changes the voter's earlier one.</summary>
    public async Task CastAsync(int articleId, string voter, bool helpful)
    {
        if (await UpdateAsync(articleId, voter, helpful))
            return;
        db.KbArticleVotes.Add(new ArticleVote { ArticleId = articleId, Voter = voter, Helpful = helpful, VotedAt = Now });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same voter's other request (a double click) inserted the row first; the unique index refused this
            // one, so the latest answer goes into that row instead.
            db.ChangeTracker.Clear();
            if (!await UpdateAsync(articleId, voter, helpful))
                throw;
        }
    }

    public async Task<(int Yes, int No)> CountsAsync(int articleId)
    {
        var counts = await db.KbArticleVotes.Where(v => v.ArticleId == articleId).GroupBy(v => v.Helpful)
            .Select(g => new { Helpful = g.Key, Count = g.Count() }).ToListAsync();
        return (counts.Where(c => c.Helpful).Sum(c => c.Count), counts.Where(c => !c.Helpful).Sum(c => c.Count));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> UpdateAsync(int articleId, string voter, bool helpful)
    {
        var now = Now;
        return await db.KbArticleVotes.Where(v => v.ArticleId == articleId && v.Voter == voter)
            .ExecuteUpdateAsync(v => v.SetProperty(x => x.Helpful, helpful).SetProperty(x => x.VotedAt, now)) > 0;
    }
}
