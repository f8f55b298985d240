using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account;

/// <summary>
/// Sign-in with a passkey alone. The passkey proves both who the person is and that they hold the device, so no
/// e-mailed code follows. Identity checks the passkey and signs in through <see cref="PortalSignInManager"/>, which
/// opens the session as for any other sign-in.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsSetup.AccountRateLimit)]
public sealed class LoginWithPasskeyModel(
    PortalSignInManager signIn, AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    /// <summary>The browser's answer, <c>PublicKeyCredential</c> as JSON; empty without JavaScript or WebAuthn.</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() { }

    /// <summary>
    /// A challenge for any of the portal's passkeys: no account is named, so the options say nothing about who exists.
    /// Identity keeps the challenge in a short-lived cookie until the answer comes back.
    /// </summary>
    public async Task<IActionResult> OnPostOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(CredentialJson))
        {
            ModelState.AddModelError(string.Empty, localizer["Passkeys.NeedsScript"]);
            return Page();
        }

        // Only names the account in the audit trail and the passkey list; Identity alone decides whether it signs in.
        var credentialId = ClaimedCredentialId(CredentialJson);
        var user = credentialId is null ? null : await signIn.UserManager.FindByPasskeyIdAsync(credentialId);
        Microsoft.AspNetCore.Identity.SignInResult result;
        try
        {
            result = await signIn.PasskeySignInAsync(CredentialJson);
        }
        catch (InvalidOperationException)
        {
            // No sign-in under way: the challenge's cookie expired or never came (another tab, a replayed form).
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }

        if (result.Succeeded && user is not null)
        {
            var passkey = await signIn.UserManager.GetPasskeyAsync(user, credentialId!);
            await PasskeyUse.RecordAsync(db, user.Id, credentialId!, clock.GetUtcNow().UtcDateTime);
            audit.Record(db, AuditActions.PasskeySignIn, user.Id, passkey?.Name);
            await db.SaveChangesAsync();
            LanguageModel.Remember(Response, user.Language);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Dashboard");
        }

        audit.Record(db, AuditActions.SignInFailed, user?.Id, "passkey");
        await db.SaveChangesAsync();
        ModelState.AddModelError(string.Empty, localizer[result.IsLockedOut ? "Login.LockedOut" : result.IsNotAllowed ? "Login.NotConfirmed" : "Login.Passkey.Failed"]);
        return Page();
    }

    /// <summary>The credential id the browser's answer claims, or null when it names none.</summary>
    private static byte[]? ClaimedCredentialId(string credentialJson)
    {
        try
        {
            using var answer = JsonDocument.Parse(credentialJson);
            return answer.RootElement.ValueKind == JsonValueKind.Object && answer.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                ? PasskeyId.Parse(id.GetString())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
