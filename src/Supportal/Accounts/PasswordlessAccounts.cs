using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Supportal.Contracts;
using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>
/// Accounts made for a person who was never signed up: someone who sent a request without signing in, or an
/// address copied on a request. They have no password; "Get a password" sets one and proves the address.
/// </summary>
public sealed class PasswordlessAccounts(UserManager<ApplicationUser> users, AppDbContext db, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>
    /// Whether a new account can be made for the address. Its login name is the address, so the address must pass the
    /// e-mail check and Identity's user-name rules, which allow only a-z, A-Z, 0-9 and <c>-._@+</c>. Addresses outside
    /// them ("o'brien@…", one with a space, "zażółć@…") are answered by the form's field, not left to fail at creation.
    /// </summary>
    /// <remarks>
    /// The rules are kept rather than widened for these addresses. A space is never part of a real address. Letters
    /// beyond ASCII would let an account look like another's ("аdmin@" with a Cyrillic "а") in every list agents read,
    /// and many mail servers cannot deliver to them. An apostrophe is legitimate and harmless, but the user-name rules
    /// are one setting for every account (sign-up included): allowing it belongs in the accounts' setup, for all of them.
    /// </remarks>
    public bool CanCreateFor(string email) =>
        email.Length is > 0 and <= MaxEmailLength && new EmailAddressAttribute().IsValid(email)
        && email.All(identity.Value.User.AllowedUserNameCharacters.Contains);

    /// <summary>Whether <see cref="FindOrCreateAsync"/> can answer for the address: it has an account, or one can be made.</summary>
    public async Task<bool> CanFindOrCreateAsync(string email) => CanCreateFor(email) || await users.FindByEmailAsync(email) is not null;

    /// <summary>The longest address an account keeps (Identity's column).</summary>
    public const int MaxEmailLength = 256;

    /// <summary>
    /// The account with this address, or a new one. Call inside the caller's transaction, after
    /// <see cref="CanFindOrCreateAsync"/> (or <see cref="CanCreateFor"/>) said yes: an address it refuses is a form's error.
    /// </summary>
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
