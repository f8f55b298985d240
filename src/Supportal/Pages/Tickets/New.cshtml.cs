using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Supportal.Accounts;

namespace Supportal.Pages.Tickets;

/// <summary>Holds the ticket shortcuts' address until ticket creation is built; says so plainly.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NewModel : PageModel
{
    public void OnGet() { }
}
