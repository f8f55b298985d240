using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Supportal.Accounts;

namespace Supportal.Pages;

[Authorize(Policy = Policies.SignedIn)]
public sealed class DashboardModel : PageModel
{
    public void OnGet() { }
}
