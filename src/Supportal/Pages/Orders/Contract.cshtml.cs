using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Pages.Orders;

/// <summary>One contract as the orders team sees it: terms, covered assets, and who registered it.</summary>
public sealed class ContractModel(AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>
    /// TempData slot for a key just issued: it travels to the browser once, in the encrypted TempData cookie,
    /// and is gone after this page reads it. The database only ever has its hash.
    /// </summary>
    public const string NewKey = "NewActivationKey";

    public sealed record Details(int Id, string Number, string Organization, string ServiceLevel, DateOnly StartsOn, DateOnly EndsOn,
        string? Notes, DateTime KeyIssuedAt, DateTime CreatedAt);

    public sealed record AssetRow(int Id, string Manufacturer, string Product, string? SerialNumber, string? Name, string? Location);

    public sealed record RegistrationRow(string Name, string? Email, DateTime RegisteredAt);

    public Details Contract { get; private set; } = null!;
    public ContractState State { get; private set; }
    public IReadOnlyList<AssetRow> Assets { get; private set; } = [];
    public IReadOnlyList<RegistrationRow> Registrations { get; private set; } = [];

    /// <summary>The key issued by the previous request, shown this once.</summary>
    public string? Key { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var contract = await db.Contracts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new Details(c.Id, c.Number, c.Organization.Name, c.ServiceLevel.Name, c.StartsOn, c.EndsOn, c.Notes, c.KeyIssuedAt, c.CreatedAt))
            .SingleOrDefaultAsync();
        if (contract is null)
            return NotFound();
        Contract = contract;
        State = Supportal.Contracts.Contract.State(contract.StartsOn, contract.EndsOn, LocalTime.PortalToday(clock));
        Assets = await db.Assets.AsNoTracking().Where(a => a.ContractId == id)
            .OrderBy(a => a.Product.Manufacturer.Name).ThenBy(a => a.Product.Name).ThenBy(a => a.Id)
            .Select(a => new AssetRow(a.Id, a.Product.Manufacturer.Name, a.Product.Name, a.SerialNumber, a.Name, a.Location))
            .ToListAsync();
        Registrations = await db.ContractRegistrations.AsNoTracking().Where(r => r.ContractId == id).OrderBy(r => r.RegisteredAt)
            .Select(r => new RegistrationRow(r.User.FirstName + " " + r.User.LastName, r.User.Email, r.RegisteredAt))
            .ToListAsync();
        Key = TempData[NewKey] as string;
        return Page();
    }
}
