using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Supportal.Pages.Account;

/// <summary>"Password has been changed".</summary>
[AllowAnonymous]
public sealed class ResetPasswordDoneModel : PageModel
{
    public void OnGet() { }
}
