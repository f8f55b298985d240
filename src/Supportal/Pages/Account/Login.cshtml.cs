using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Platform;

namespace Supportal.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsSetup.SignInRateLimit)]
public sealed class LoginModel(
    SignInManager<ApplicationUser> signIn,
    IStringLocalizer<SharedResource> localizer,
    IOptions<SeedOptions> seed,
    IWebHostEnvironment environment) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shown only in Development with demo data, so nobody mistakes it for a real credential.</summary>
    public string? DemoPassword => environment.IsDevelopment() && seed.Value.Demo ? seed.Value.DemoPassword : null;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Login.Login")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Login.Password")]
        public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var login = Input.Login.Trim();
        var user = await signIn.UserManager.FindByEmailAsync(login) ?? await signIn.UserManager.FindByNameAsync(login);
        // Don't reveal whether the account exists: an unknown login gets the same answer as a wrong password.
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LanguageModel.Remember(Response, user!.Language);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Dashboard");
        }
        var message = result.IsLockedOut ? "Login.LockedOut" : result.IsNotAllowed ? "Login.NotConfirmed" : "Login.Failed";
        ModelState.AddModelError(string.Empty, localizer[message]);
        return Page();
    }
}
