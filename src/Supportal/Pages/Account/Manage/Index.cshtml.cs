using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Platform;

namespace Supportal.Pages.Account.Manage;

/// <summary>Name, company, phone, language and time zone of the signed-in person.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public DateTimeOffset Now => clock.GetUtcNow();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Manage.Profile.FirstName")]
        public string FirstName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Manage.Profile.LastName")]
        public string LastName { get; set; } = "";

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Manage.Profile.Company")]
        public string? Company { get; set; }

        [Phone(ErrorMessage = "Validation.Phone")]
        [StringLength(32, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Manage.Profile.Phone")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Manage.Profile.Language")]
        public string Language { get; set; } = "en";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Manage.Profile.TimeZone")]
        public string TimeZone { get; set; } = LocalTime.DefaultTimeZone;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Email = user.Email ?? "";
        Input = new InputModel
        {
            FirstName = user.FirstName, LastName = user.LastName, Company = user.Company, Phone = user.PhoneNumber,
            Language = user.Language, TimeZone = user.TimeZone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Email = user.Email ?? "";
        // Both lists are fixed, so a value outside them is tampering or a stale form; say so by the field.
        if (!Languages.IsSupported(Input.Language))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Language)}", localizer["Manage.Profile.BadLanguage"]);
        if (!string.IsNullOrEmpty(Input.TimeZone) && !TimeZones.IsValid(Input.TimeZone))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TimeZone)}", localizer["Manage.Profile.BadTimeZone"]);
        if (!ModelState.IsValid)
            return Page();

        user.FirstName = Input.FirstName.Trim();
        user.LastName = Input.LastName.Trim();
        user.Company = Input.Company?.Trim() ?? "";
        // Set directly rather than through SetPhoneNumberAsync, which would also renew the security stamp.
        user.PhoneNumber = string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim();
        user.Language = Input.Language;
        user.TimeZone = Input.TimeZone;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        // Name, language and time zone travel in the sign-in cookie; reissue it so they show on the next page.
        await signIn.RefreshSignInAsync(user);
        LanguageModel.Remember(Response, user.Language);
        using (Languages.Use(user.Language))
            TempData["StatusMessage"] = localizer["Manage.Profile.Saved"].Value;
        return RedirectToPage();
    }
}
