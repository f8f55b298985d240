using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>
/// Identity's sign-in with these additions: every sign-in opens a <see cref="UserSession"/> whose id rides in the
/// cookie, so a user can see their browsers and end them ("sign out everywhere"); a login without an account is
/// answered like one with an account; every account has a second step; recovery codes count toward lockout; and a
/// "remember this browser" cookie is void as soon as the account's security stamp changes.
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
    UnknownLogins unknownLogins,
    IPasswordHasher<ApplicationUser> hasher,
    TimeProvider clock)
    : SignInManager<ApplicationUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string SessionClaim = "supportal:sid";

    /// <summary>
    /// Sign-in with a login name or address and a password. Whether the account exists, is confirmed or not, the
    /// same work is done and the same answer comes at the same try: one password check per try, "locked out"
    /// at the fifth failure. Only the right password learns that an address still needs confirming.
    /// </summary>
    public async Task<(SignInResult Result, ApplicationUser? User)> PasswordSignInAsync(string login, string password)
    {
        var user = await UserManager.FindByEmailAsync(login) ?? await UserManager.FindByNameAsync(login);
        if (user is null)
            return (unknownLogins.CheckPassword(login, password, hasher), null);
        if (await UserManager.IsLockedOutAsync(user))
            return (SignInResult.LockedOut, user);
        if (!await UserManager.CheckPasswordAsync(user, password))
        {
            await UserManager.AccessFailedAsync(user);
            return (await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed, user);
        }
        if (!await CanSignInAsync(user))
            return (SignInResult.NotAllowed, user);
        var result = await SignInOrTwoFactorAsync(user, isPersistent: false);
        // The failure count starts over once the whole sign-in succeeded (after the second step, if one follows).
        if (result.Succeeded)
            await UserManager.ResetAccessFailedCountAsync(user);
        return (result, user);
    }

    /// <summary>Every account signs in with a second step, whoever made it and whatever its flag says.</summary>
    public override Task<bool> IsTwoFactorEnabledAsync(ApplicationUser user) => Task.FromResult(true);

    /// <summary>
    /// Identity re-checks this cookie's security stamp only every half hour; checked here on every use, so
    /// "sign out everywhere", a new password or a reset void it at once.
    /// </summary>
    public override async Task<bool> IsTwoFactorClientRememberedAsync(ApplicationUser user)
    {
        var remembered = await Context.AuthenticateAsync(IdentityConstants.TwoFactorRememberMeScheme);
        var principal = remembered.Principal;
        return principal?.FindFirstValue(ClaimTypes.Name) == user.Id.ToString()
            && principal.FindFirstValue(Options.ClaimsIdentity.SecurityStampClaimType) is { } stamp
            && stamp == await UserManager.GetSecurityStampAsync(user);
    }

    /// <summary>Recovery codes are guessed like passwords: a wrong one counts toward lockout.</summary>
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        if (await GetTwoFactorAuthenticationUserAsync() is not { } user)
            return SignInResult.Failed;
        if (await UserManager.IsLockedOutAsync(user))
            return SignInResult.LockedOut;
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (result.Succeeded)
        {
            await UserManager.ResetAccessFailedCountAsync(user);
            return result;
        }
        await UserManager.AccessFailedAsync(user);
        return await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
    }

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
