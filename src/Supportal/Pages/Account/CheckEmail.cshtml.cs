using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Supportal.Pages.Account;

/// <summary>The same answer after every sign-up, whether or not the address already had an account.</summary>
[AllowAnonymous]
public sealed class CheckEmailModel : PageModel
{
    public void OnGet() { }
}
