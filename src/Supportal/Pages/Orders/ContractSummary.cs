using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.Pages.Orders;

/// <summary>What every page about one contract shows at its top, and what its audit records name.</summary>
public sealed record ContractSummary(int Id, string Number, string Organization, DateOnly StartsOn, DateOnly EndsOn)
{
    public static Task<ContractSummary?> FindAsync(AppDbContext db, int id) => db.Contracts.AsNoTracking().Where(c => c.Id == id)
        .Select(c => new ContractSummary(c.Id, c.Number, c.Organization.Name, c.StartsOn, c.EndsOn)).SingleOrDefaultAsync();

    /// <summary>The signed-in person, for audit records.</summary>
    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
