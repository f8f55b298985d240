using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Supportal.Pages;

[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    /// <summary>The public front page; people who are signed in start from their dashboard.</summary>
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Dashboard") : Page();
}
