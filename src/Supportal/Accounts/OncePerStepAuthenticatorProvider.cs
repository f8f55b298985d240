using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>
/// Authenticator app codes, each accepted once: a code seen over someone's shoulder, or used in a second browser,
/// is refused after its first use. The account keeps the last step it accepted and takes only later ones.
/// Codes from one step either side of the portal's clock are accepted, for phones whose clock is a little off.
/// </summary>
public sealed class OncePerStepAuthenticatorProvider(AppDbContext db, TimeProvider clock) : AuthenticatorTokenProvider<ApplicationUser>
{
    private const string StepProvider = "[Supportal]";
    private const string StepName = "AuthenticatorLastStep";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key || token.Length != 6)
            return false;
        var keyBytes = Totp.Base32Decode(key);
        var now = Totp.Step(clock.GetUtcNow());
        long? step = null;
        for (var candidate = now - 1; candidate <= now + 1; candidate++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.Code(keyBytes, candidate)), Encoding.ASCII.GetBytes(token)))
                step = candidate;
        }
        return step is { } accepted && await TakeAsync(manager, user, accepted);
    }

    /// <summary>
    /// Records the step as used unless it or a later one already was. The update names the value it read, so of
    /// two browsers sending one code at the same moment only one wins.
    /// </summary>
    private async Task<bool> TakeAsync(UserManager<ApplicationUser> manager, ApplicationUser user, long step)
    {
        var last = await manager.GetAuthenticationTokenAsync(user, StepProvider, StepName);
        if (last is null)
            return (await manager.SetAuthenticationTokenAsync(user, StepProvider, StepName, Text(step))).Succeeded;
        if (long.Parse(last, CultureInfo.InvariantCulture) >= step)
            return false;
        var taken = await db.UserTokens
            .Where(t => t.UserId == user.Id && t.LoginProvider == StepProvider && t.Name == StepName && t.Value == last)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Value, Text(step)));
        return taken == 1;
    }

    /// <summary>A new app starts afresh (its first code may share a step with the old app's last one).</summary>
    public static Task ForgetAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        users.RemoveAuthenticationTokenAsync(user, StepProvider, StepName);

    private static string Text(long step) => step.ToString(CultureInfo.InvariantCulture);
}
