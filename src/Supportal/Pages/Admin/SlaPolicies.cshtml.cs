using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Sla;

namespace Supportal.Pages.Admin;

/// <summary>
/// SLA targets (AGT-3) per service level and priority, one level edited at a time: a table of first-reply and
/// resolution times, each counted in the group's business hours or in calendar time.
/// </summary>
public sealed class SlaPoliciesModel(AppDbContext db, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Level(int Id, string Name, IReadOnlyList<SlaPolicy> Policies);

    public IReadOnlyList<Level> Levels { get; private set; } = [];

    /// <summary>The service level whose targets are being edited (from ?edit=).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    public SlaPolicyInput Input { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Edit is { } id)
        {
            if (Levels.FirstOrDefault(l => l.Id == id) is not { } level)
                return NotFound();
            Input = SlaPolicyInput.From([.. level.Policies]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "Input")] SlaPolicyInput input)
    {
        if (Edit is not { } levelId || await db.ServiceLevels.FindAsync(levelId) is not { } level)
            return NotFound();
        var rows = SlaPolicyInput.Priorities.Select(p => input.Rows.FirstOrDefault(r => r.Priority == p) ?? new SlaPolicyRow { Priority = p }).ToList();
        var targets = rows.Select((row, i) => (Row: row, FirstReply: Check(i, "FirstReply", row.FirstReplyHours, row.FirstReplyMinutes),
            Resolution: Check(i, "Resolution", row.ResolutionHours, row.ResolutionMinutes))).ToList();
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] is { FirstReply: > 0, Resolution: > 0 } t && t.Resolution < t.FirstReply)
                ModelState.AddModelError($"Input.Rows[{i}].ResolutionHours", localizer["SlaPolicies.ResolutionBeforeReply"]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            Input = new SlaPolicyInput { Rows = rows };
            return Page();
        }

        var existing = await db.SlaPolicies.Where(p => p.ServiceLevelId == levelId).ToListAsync();
        foreach (var t in targets)
        {
            var policy = existing.FirstOrDefault(p => p.Priority == t.Row.Priority);
            if (policy is null)
                db.SlaPolicies.Add(policy = new SlaPolicy { ServiceLevelId = levelId, Priority = t.Row.Priority });
            (policy.FirstReplyMinutes, policy.ResolutionMinutes, policy.BusinessHoursOnly) = (t.FirstReply, t.Resolution, t.Row.BusinessHoursOnly);
        }
        audit.Record(db, User, $"sla policies of {level.Name} set: " + string.Join("; ", targets.Select(t =>
            $"{t.Row.Priority} {t.FirstReply}/{t.Resolution} min{(t.Row.BusinessHoursOnly ? " business" : " calendar")}")));
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["SlaPolicies.Saved", level.Name].Value;
        return RedirectToPage(new { edit = (int?)null });
    }

    /// <summary>Minutes of one target; 0 after recording the problem by the box it belongs to.</summary>
    private int Check(int row, string metric, string? hours, string? minutes)
    {
        var (total, error, inMinutesBox) = SlaPolicyInput.Parse(hours, minutes);
        if (error is not null)
            ModelState.AddModelError($"Input.Rows[{row}].{metric}{(inMinutesBox ? "Minutes" : "Hours")}", localizer[error, SlaPolicyInput.MaxHours]);
        return total;
    }

    private async Task LoadAsync()
    {
        var levels = await db.ServiceLevels.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Id, l.Name }).ToListAsync();
        var policies = await db.SlaPolicies.AsNoTracking().ToListAsync();
        Levels = levels.Select(l => new Level(l.Id, l.Name, policies.Where(p => p.ServiceLevelId == l.Id)
            .OrderBy(p => Array.IndexOf(SlaPolicyInput.Priorities, p.Priority)).ToList())).ToList();
    }
}
