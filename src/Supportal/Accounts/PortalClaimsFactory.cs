using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Supportal.Accounts;

/// <summary>Puts the user's language, time zone and name into the sign-in cookie so pages need no query for them.</summary>
internal sealed class PortalClaimsFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.Language, user.Language));
        identity.AddClaim(new Claim(PortalClaims.TimeZone, user.TimeZone));
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
