using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>
/// Checks on every request that the cookie's session is still open, so a revoked browser is signed out at once
/// rather than when Identity next re-validates the security stamp.
/// </summary>
internal static class SessionValidator
{
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);

    /// <summary>Compiled once: every request sends it, and building and looking up its expression tree cost more than running it.</summary>
    private static readonly Func<AppDbContext, Guid, Task<DateTime?>> LastSeenAsync = EF.CompileAsyncQuery((AppDbContext db, Guid id) =>
        db.UserSessions.Where(s => s.Id == id && s.RevokedAt == null).Select(s => (DateTime?)s.LastSeenAt).SingleOrDefault());

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // The error page after a request failed because the database is away: the session cannot be checked, and
        // trying would only fail again inside the error handler. The page is shown as to someone signed out, in the
        // person's language; the cookie stays, so they are signed in again as soon as the database is back.
        if (context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && DatabaseOutage.IsCauseOf(error))
        {
            context.ReplacePrincipal(new ClaimsPrincipal(new ClaimsIdentity(context.Principal?.FindAll(PortalClaims.Language))));
            return;
        }
        // Identity's own check first: a changed security stamp (new password, reset) also ends the cookie.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is null)
            return;
        if (context.Principal.FindFirstValue(PortalSignInManager.SessionClaim) is not { } sid || !Guid.TryParse(sid, out var id))
        {
            await RejectAsync(context);
            return;
        }
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var lastSeen = await LastSeenAsync(db, id);
        if (lastSeen is null)
        {
            await RejectAsync(context);
            return;
        }
        // Record activity coarsely: one write per session every few minutes, not one per request.
        if (now - lastSeen > TouchEvery)
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
