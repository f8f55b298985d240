using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Supportal.Pages;

[AllowAnonymous]
public sealed class ContactModel : PageModel
{
    public void OnGet() { }
}
