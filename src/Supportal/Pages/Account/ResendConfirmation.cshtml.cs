using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.Pages.Account;

/// <summary>A new confirmation link; the answer is the same whether or not the address has an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountsSetup.AccountRateLimit)]
public sealed class ResendConfirmationModel(UserManager<ApplicationUser> users, AppDbContext db, AccountMails mails, AccountLinks links, AccountThrottle throttle) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(string? email) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var email = Input.Email.Trim();
        if (throttle.TryTake("confirm", email) && await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            mails.ConfirmAddress(user, await links.ConfirmationAsync(user));
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}

public sealed class EmailInput
{
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Register.Email")]
    public string Email { get; set; } = "";
}
