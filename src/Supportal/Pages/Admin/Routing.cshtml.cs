using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Platform;
using Supportal.Workspace;

namespace Supportal.Pages.Admin;

/// <summary>
/// Routing rules: which group a new request starts in. Listed in the order <see cref="Workspace.Routing"/> tries
/// them (Order, then Id), so the first matching row on the screen is the one that wins.
/// </summary>
public sealed class RoutingModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>A rule; Shadowed when an earlier rule matches every request this one would, so it is never used.</summary>
    public sealed record Row(int Id, string Language, int? ServiceLevelId, string? ServiceLevel, int GroupId, string Group, bool Shadowed = false);

    public IReadOnlyList<Row> Rules { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Levels { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Groups { get; private set; } = [];

    /// <summary>The rule being changed (from ?edit=), or null when the form adds one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    /// <summary>The rule whose deletion is being confirmed (from ?delete=).</summary>
    public Row? Deleting { get; private set; }

    [BindProperty]
    public RoutingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? delete)
    {
        await LoadAsync();
        if (Edit is { } id)
        {
            if (Rules.FirstOrDefault(r => r.Id == id) is not { } rule)
                return NotFound();
            Input = new RoutingInput { Language = rule.Language, ServiceLevelId = rule.ServiceLevelId, GroupId = rule.GroupId };
        }
        if (delete is { } gone && (Deleting = Rules.FirstOrDefault(r => r.Id == gone)) is null)
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && !Languages.IsSupported(Input.Language))
            ModelState.AddModelError("Input.Language", localizer["Manage.Profile.BadLanguage"]);
        if (Input.ServiceLevelId is { } level && !await db.ServiceLevels.AnyAsync(l => l.Id == level))
            ModelState.AddModelError("Input.ServiceLevelId", localizer["Validation.Required", localizer["Routing.ServiceLevel"]]);
        if (ModelState.IsValid && !await db.Groups.AnyAsync(g => g.Id == Input.GroupId))
            ModelState.AddModelError("Input.GroupId", localizer["Validation.Required", localizer["Routing.Group"]]);
        if (ModelState.IsValid && await db.RoutingRules.AnyAsync(r => r.Language == Input.Language && r.ServiceLevelId == Input.ServiceLevelId && r.Id != Edit))
            ModelState.AddModelError("Input.ServiceLevelId", localizer["Routing.Duplicate"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var rule = Edit is { } id ? await db.RoutingRules.FindAsync(id) : new RoutingRule { Language = "" };
        if (rule is null)
            return NotFound();
        if (rule.Id == 0)
        {
            rule.Order = (await db.RoutingRules.MaxAsync(r => (int?)r.Order) ?? 0) + 1;
            db.RoutingRules.Add(rule);
        }
        (rule.Language, rule.ServiceLevelId, rule.GroupId) = (Input.Language!, Input.ServiceLevelId, Input.GroupId!.Value);
        audit.Record(db, User, $"routing rule {(Edit is null ? "added" : $"{Edit} changed")}: {rule.Language} level {rule.ServiceLevelId?.ToString(CultureInfo.InvariantCulture) ?? "any"} to group {rule.GroupId}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer[Edit is null ? "Routing.Added" : "Routing.Saved"].Value;
        return RedirectToPage(new { edit = (int?)null });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, bool up)
    {
        var rules = await db.RoutingRules.OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync();
        var index = rules.FindIndex(r => r.Id == id);
        if (index < 0)
            return NotFound();
        // Renumbered from 1, as the tie-break by id would otherwise decide between equal numbers.
        if (Ordering.Move(rules, index, up, (r, order) => r.Order = order))
        {
            audit.Record(db, User, $"routing rule {id} moved {(up ? "up" : "down")}");
            await db.SaveChangesAsync();
        }
        return RedirectToPage(new { edit = (int?)null });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await db.RoutingRules.FindAsync(id) is not { } rule)
            return NotFound();
        db.RoutingRules.Remove(rule);
        audit.Record(db, User, $"routing rule {id} deleted: {rule.Language} level {rule.ServiceLevelId?.ToString(CultureInfo.InvariantCulture) ?? "any"} to group {rule.GroupId}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Routing.Deleted"].Value;
        return RedirectToPage(new { edit = (int?)null });
    }

    private async Task LoadAsync()
    {
        Levels = (await db.ServiceLevels.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Id, l.Name }).ToListAsync()).Select(l => (l.Id, l.Name)).ToList();
        Groups = (await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync()).Select(g => (g.Id, g.Name)).ToList();
        var rules = await db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, r.Language, r.ServiceLevelId, r.ServiceLevel == null ? null : r.ServiceLevel.Name, r.GroupId, r.Group.Name)).ToListAsync();
        Rules = rules.Select((r, i) => r with
        {
            Shadowed = rules.Take(i).Any(e => e.Language == r.Language && (e.ServiceLevelId == null || e.ServiceLevelId == r.ServiceLevelId)),
        }).ToList();
    }
}
