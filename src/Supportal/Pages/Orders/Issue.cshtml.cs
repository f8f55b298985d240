using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Pages.Orders;

/// <summary>Issues a contract with a proposed number and a new activation key, shown once on the next page.</summary>
public sealed class IssueModel(AppDbContext db, ContractActivation activation, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Levels { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Orders.Field.Number")]
        public string Number { get; set; } = "";

        [Display(Name = "Orders.Field.Organization")]
        public int? OrganizationId { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Orders.Field.NewOrganization")]
        public string? NewOrganization { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Orders.Field.ServiceLevel")]
        public int? ServiceLevelId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Orders.Field.StartsOn")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Orders.Field.EndsOn")]
        public DateOnly? EndsOn { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Orders.Field.Notes")]
        public string? Notes { get; set; }
    }

    public async Task<PageResult> OnGetAsync()
    {
        var today = LocalTime.PortalToday(clock);
        Input = new InputModel { Number = await ContractNumbers.ProposeAsync(db, today.Year), ServiceLevelId = 1, StartsOn = today, EndsOn = today.AddYears(1) };
        return await RedisplayAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var newOrganization = Input.NewOrganization?.Trim() is { Length: > 0 } name ? name : null;
        if (newOrganization is null && (Input.OrganizationId is not { } chosen || !await db.Organizations.AnyAsync(o => o.Id == chosen)))
            ModelState.AddModelError("Input.OrganizationId", localizer["Orders.Issue.OrganizationMissing"]);
        if (Input.StartsOn is { } start && Input.EndsOn is { } end && end <= start)
            ModelState.AddModelError("Input.EndsOn", localizer["Orders.Issue.EndBeforeStart"]);
        if (Input.ServiceLevelId is { } level && !await db.ServiceLevels.AnyAsync(l => l.Id == level))
            ModelState.AddModelError("Input.ServiceLevelId", localizer["Orders.Issue.LevelMissing"]);
        var number = ContractActivation.Normalize(Input.Number ?? "");
        if (number.Length > 0 && await db.Contracts.AnyAsync(c => c.Number == number))
            ModelState.AddModelError("Input.Number", localizer["Orders.Issue.NumberTaken", number]);
        if (!ModelState.IsValid)
            return await RedisplayAsync();

        var now = clock.GetUtcNow().UtcDateTime;
        var contract = new Contract
        {
            Number = number, ActivationKeyHash = "", KeyIssuedAt = now, ServiceLevelId = Input.ServiceLevelId!.Value,
            StartsOn = Input.StartsOn!.Value, EndsOn = Input.EndsOn!.Value, Notes = Input.Notes?.Trim() is { Length: > 0 } notes ? notes : null,
            CreatedAt = now,
            // A typed name that matches an existing organization exactly means that one, not a twin.
            Organization = newOrganization is null
                ? await db.Organizations.SingleAsync(o => o.Id == Input.OrganizationId)
                : await db.Organizations.FirstOrDefaultAsync(o => o.Name == newOrganization) ?? new Organization { Name = newOrganization, CreatedAt = now }
        };
        var key = ActivationKeys.Generate();
        contract.ActivationKeyHash = activation.HashKey(contract, key);
        db.Contracts.Add(contract);
        audit.Record(db, AuditActions.ContractIssued, ContractSummary.UserId(User), number);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone else saved the same number between the check above and this save; anything else is a real fault.
            db.ChangeTracker.Clear();
            if (!await db.Contracts.AnyAsync(c => c.Number == number))
                throw;
            ModelState.AddModelError("Input.Number", localizer["Orders.Issue.NumberTaken", number]);
            return await RedisplayAsync();
        }
        TempData[ContractModel.NewKey] = key;
        return RedirectToPage("Contract", new { id = contract.Id });
    }

    /// <summary>The form (again), with the organizations and service levels to choose from.</summary>
    private async Task<PageResult> RedisplayAsync()
    {
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync();
        Levels = await db.ServiceLevels.AsNoTracking().OrderBy(l => l.Id)
            .Select(l => new SelectListItem(l.Name, l.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync();
        return Page();
    }
}
