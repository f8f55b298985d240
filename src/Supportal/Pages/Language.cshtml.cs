using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Supportal.Accounts;
using Supportal.Platform;

namespace Supportal.Pages;

/// <summary>The English / Polski switch: remembered in a cookie, and on the account when signed in.</summary>
[AllowAnonymous]
public sealed class LanguageModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(string culture, string? returnUrl)
    {
        if (!Languages.IsSupported(culture))
            return BadRequest();
        Remember(Response, culture);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.Language != culture)
        {
            user.Language = culture;
            await users.UpdateAsync(user);
            // The language travels in the sign-in cookie; reissue it so the change shows at once.
            await signIn.RefreshSignInAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    public static void Remember(HttpResponse response, string culture) => response.Cookies.Append(
        CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
}
