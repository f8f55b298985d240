using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Platform;

namespace Supportal.Pages.Contracts;

/// <summary>"Contracts": every contract on the account with its level, dates, state and assets.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(CustomerContracts contracts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CustomerContract> Contracts { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = LocalTime.PortalToday(clock);
        Contracts = await contracts.Of(User.RequiredAccountId()).ToListAsync();
    }
}
