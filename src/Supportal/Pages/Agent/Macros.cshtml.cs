using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Pages.Agent;

/// <summary>
/// Macros (AGT-5): every agent's personal ones and the shared ones. Agents create and change their own;
/// shared macros are created, changed and deleted by admins, so the whole team's replies stay reviewed.
/// </summary>
public sealed class MacrosModel(AppDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Row(int Id, string Name, bool Shared, TicketStatus? Status, TicketPriority? Priority, string? Group, string AddTags, bool CanEdit);

    public IReadOnlyList<Row> SharedMacros { get; private set; } = [];
    public IReadOnlyList<Row> MyMacros { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Groups { get; private set; } = [];
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    /// <summary>The sample ticket number of the preview.</summary>
    public const long SampleTicket = 10042;

    [BindProperty]
    public MacroInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? edit)
    {
        if (edit is { } id)
        {
            if (await EditableAsync(id) is not { } macro)
                return NotFound();
            Input = MacroInput.From(macro);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var me = User.RequiredAccountId();
        var macro = Input.Id is { } id ? await EditableAsync(id) : new Macro { Name = "" };
        if (macro is null)
            return NotFound();
        await Input.CheckAsync(db, ModelState, localizer, me, IsAdmin);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        Input.ApplyTo(macro, Input.Shared ? null : me);
        if (macro.Id == 0)
            db.Macros.Add(macro);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Macros.Saved", macro.Name].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (await EditableAsync(id) is not { } macro)
            return NotFound();
        db.Macros.Remove(macro);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Macros.Deleted", macro.Name].Value;
        return RedirectToPage();
    }

    /// <summary>The form again with its preview; just the preview for the page's script.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        ModelState.Clear();
        if (Request.Headers.ContainsKey("X-Preview"))
            return Partial("_MacroPreview", this);
        await LoadAsync();
        return Page();
    }

    public string PreviewText => MacroText.Render(Input.Body ?? "", localizer["Macros.SampleRequester"], SampleTicket,
        User.FindFirst(PortalClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "");

    public string? GroupName(int? id) => Groups.FirstOrDefault(g => g.Id == id).Name;

    /// <summary>A macro this person may change: their own, or a shared one for admins.</summary>
    private async Task<Macro?> EditableAsync(int id)
    {
        var me = User.RequiredAccountId();
        return await db.Macros.FirstOrDefaultAsync(m => m.Id == id && (m.OwnerId == me || (m.OwnerId == null && IsAdmin)));
    }

    private async Task LoadAsync()
    {
        var me = User.RequiredAccountId();
        Groups = (await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync()).Select(g => (g.Id, g.Name)).ToList();
        var admin = IsAdmin;
        var rows = await db.Macros.AsNoTracking().Where(m => m.OwnerId == null || m.OwnerId == me).OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new Row(m.Id, m.Name, m.OwnerId == null, m.SetStatus, m.SetPriority,
                db.Groups.Where(g => g.Id == m.SetGroupId).Select(g => g.Name).FirstOrDefault(), m.AddTags, m.OwnerId == me || admin))
            .ToListAsync();
        SharedMacros = rows.Where(r => r.Shared).ToList();
        MyMacros = rows.Where(r => !r.Shared).ToList();
    }
}
