using System.Security.Claims;

namespace Supportal.Accounts;

public static class UserIds
{
    /// <summary>The signed-in person's account id, for audit records; null when there is none.</summary>
    public static Guid? AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
