using System.Security.Claims;

namespace Supportal.Accounts;

public static class UserIds
{
    /// <summary>The signed-in person's account id, for audit records; null when there is none.</summary>
    public static Guid? AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The account id on a page that requires sign-in, where a missing id is a bug, not a user error.</summary>
    public static Guid RequiredAccountId(this ClaimsPrincipal user) =>
        user.AccountId() ?? throw new InvalidOperationException("The page requires a signed-in person.");
}
