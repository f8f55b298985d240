using Microsoft.AspNetCore.Identity;
using Supportal.Contracts;
using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>
/// Accounts made for a person who was never signed up: someone who sent a request without signing in, or an
/// address copied on a request. They have no password; "Get a password" sets one and proves the address.
/// </summary>
public sealed class PasswordlessAccounts(UserManager<ApplicationUser> users, AppDbContext db, TimeProvider clock)
{
    /// <summary>The account with this address, or a new one. Call inside the caller's transaction.</summary>
    public async Task<(ApplicationUser User, bool Created)> FindOrCreateAsync(string email, string? name, string language)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
            return (existing, false);
        var parts = (name ?? "").Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = false, Language = language,
            FirstName = parts.ElementAtOrDefault(0) ?? "", LastName = parts.ElementAtOrDefault(1) ?? "",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create an account: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        await OrganizationDomains.JoinAsync(db, user);
        return (user, true);
    }
}
