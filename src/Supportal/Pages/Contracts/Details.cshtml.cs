using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Platform;

namespace Supportal.Pages.Contracts;

/// <summary>One of the person's contracts; any other id, existing or not, is "not found".</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(CustomerContracts contracts, TimeProvider clock) : PageModel
{
    public CustomerContract Contract { get; private set; } = null!;
    public ContractState State { get; private set; }

    /// <summary>Requests may be raised only under a contract that covers today (CON-7).</summary>
    public bool CoversToday => State is ContractState.Active or ContractState.Expiring;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await contracts.FindAsync(User.RequiredAccountId(), id) is not { } contract)
            return NotFound();
        Contract = contract;
        State = contract.StateOn(LocalTime.PortalToday(clock));
        return Page();
    }
}
