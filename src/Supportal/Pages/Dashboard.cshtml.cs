using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Platform;

namespace Supportal.Pages;

[Authorize(Policy = Policies.SignedIn)]
public sealed class DashboardModel(CustomerContracts contracts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CustomerContract> Contracts { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = LocalTime.PortalToday(clock);
        Contracts = await contracts.Of(User.RequiredAccountId()).Take(5).ToListAsync();
    }
}
