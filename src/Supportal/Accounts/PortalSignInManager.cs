using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>
/// Identity's sign-in with one addition: every sign-in opens a <see cref="UserSession"/> whose id rides in the
/// cookie, so a user can see their browsers and end them ("sign out everywhere").
/// </summary>
public sealed class PortalSignInManager(
    UserManager<ApplicationUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    AppDbContext db,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string SessionClaim = "supportal:sid";

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        // A refresh of the same user's cookie keeps its session; any other sign-in opens a new one.
        var current = Context.User;
        var sessionId = current.FindFirstValue(SessionClaim) is { } sid && current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString()
            ? Guid.Parse(sid)
            : await OpenSessionAsync(user);
        claims.Add(new Claim(SessionClaim, sessionId.ToString()));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.FindFirstValue(SessionClaim) is { } sid && Guid.TryParse(sid, out var id))
            await RevokeAsync(db.UserSessions.Where(s => s.Id == id));
        await base.SignOutAsync();
    }

    /// <summary>Ends every session of the user but, if given, the one making the request.</summary>
    public async Task RevokeOtherSessionsAsync(ApplicationUser user, bool keepCurrent)
    {
        var keep = keepCurrent && Context.User.FindFirstValue(SessionClaim) is { } sid ? Guid.Parse(sid) : Guid.Empty;
        await RevokeAsync(db.UserSessions.Where(s => s.UserId == user.Id && s.Id != keep));
    }

    private async Task RevokeAsync(IQueryable<UserSession> sessions)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await sessions.Where(s => s.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now));
    }

    private async Task<Guid> OpenSessionAsync(ApplicationUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userAgent = Context.Request.Headers.UserAgent.ToString();
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            Ip = Context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = userAgent.Length > 300 ? userAgent[..300] : userAgent,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }
}
