using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Supportal.Accounts;

namespace Supportal.Pages.Contracts;

/// <summary>Holds the "Register contract" address until contracts are built; says so plainly.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RegisterModel : PageModel
{
    public void OnGet() { }
}
