using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Supportal.Accounts;

/// <summary>
/// The optional authenticator app on top of the e-mailed code. Every account has two-factor sign-in on, so
/// Identity's <c>TwoFactorEnabled</c> cannot tell whether an app was set up; a key alone cannot either (setup
/// stores the key before the first code proves the app has it). A marker token, written once a code from the
/// app was accepted, says the app is in use.
/// </summary>
public static class AuthenticatorApp
{
    private const string MarkerProvider = "[Supportal]";
    private const string MarkerName = "AuthenticatorConfirmedAt";

    /// <summary>True once a code from the app was accepted and until the app is removed.</summary>
    public static async Task<bool> IsOnAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        await users.GetAuthenticationTokenAsync(user, MarkerProvider, MarkerName) is not null
        && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));

    public static Task<IdentityResult> MarkOnAsync(UserManager<ApplicationUser> users, ApplicationUser user, DateTime at) =>
        users.SetAuthenticationTokenAsync(user, MarkerProvider, MarkerName, at.ToString("O"));

    /// <summary>A fresh key that no app knows makes the old app's codes worthless; the marker goes with it.</summary>
    public static async Task RemoveAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        await users.ResetAuthenticatorKeyAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, MarkerProvider, MarkerName);
        await OncePerStepAuthenticatorProvider.ForgetAsync(users, user);
    }

    /// <summary>"ABCD EFGH …": easier to type into an app by hand than one long run of letters.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            text.Append(i == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        return text.ToString().ToUpperInvariant();
    }

    public static string SetupUri(string issuer, string email, string key)
    {
        var encoder = UrlEncoder.Default;
        return $"otpauth://totp/{encoder.Encode(issuer)}:{encoder.Encode(email)}?secret={key}&issuer={encoder.Encode(issuer)}&digits=6";
    }

    /// <summary>The setup address as a PNG data: URI, which the Content-Security-Policy allows for images.</summary>
    public static string QrCodeDataUri(string setupUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(setupUri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
