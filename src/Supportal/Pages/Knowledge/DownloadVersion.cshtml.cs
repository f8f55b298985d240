using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Platform;
using Supportal.Tickets;

namespace Supportal.Pages.Knowledge;

/// <summary>
/// Uploads a new version of a download item. The file streams into the attachment store while its SHA-256 is computed
/// (<see cref="AttachmentStore.WriteAsync(IReadOnlyList{IFormFile}, CancellationToken)"/>); it is stored under that hash only when the version's row is saved.
/// </summary>
[Authorize(Policy = Policies.Knowledge)]
[AcceptsDownloadUpload]
public sealed class DownloadVersionModel(
    AppDbContext db, AttachmentStore store, DownloadFiles files, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public DownloadItem Item { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(50, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Downloads.Version")]
        public string Version { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Downloads.ReleasedOn")]
        public DateOnly? ReleasedOn { get; set; }

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Downloads.OperatingSystem")]
        public string? OperatingSystem { get; set; }

        [StringLength(10_000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Downloads.NotesEn")]
        public string? NotesEn { get; set; }

        [StringLength(10_000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Downloads.NotesPl")]
        public string? NotesPl { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Downloads.File")]
        public IFormFile? File { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int itemId)
    {
        if (await db.DownloadItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId) is not { } item)
            return NotFound();
        Item = item;
        Input.ReleasedOn = LocalTime.PortalToday(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int itemId)
    {
        if (await db.DownloadItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId) is not { } item)
            return NotFound();
        Item = item;
        if (Input.File is { } sent && await files.CheckAsync(sent) is var problem and not DownloadFiles.Problem.None)
            ModelState.AddModelError("Input.File", files.Describe(problem, AttachmentStore.SafeName(sent.FileName), localizer));
        if (!ModelState.IsValid)
            return Page();
        try
        {
            using var upload = await store.WriteAsync([Input.File!], HttpContext.RequestAborted);
            var file = upload.Files[0];
            db.DownloadVersions.Add(new DownloadVersion
            {
                ItemId = itemId, Version = Input.Version.Trim(), ReleasedOn = Input.ReleasedOn!.Value,
                OperatingSystem = (Input.OperatingSystem ?? "").Trim(), NotesEn = (Input.NotesEn ?? "").Trim(),
                NotesPl = (Input.NotesPl ?? "").Trim(), FileName = file.FileName, ContentType = file.ContentType, Size = file.Size,
                Sha256 = file.Sha256, UploadedAt = clock.GetUtcNow().UtcDateTime,
            });
            audit.Record(db, AuditActions.KnowledgeChanged, User.AccountId(),
                $"download {itemId} version {Input.Version.Trim()} uploaded: {file.FileName} sha256 {file.Sha256}");
            upload.Place();
            await db.SaveChangesAsync();
        }
        catch (AttachmentNotStoredException failure)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.File", localizer["Attachments.NotStored", failure.FileName]);
            return Page();
        }
        TempData["StatusMessage"] = localizer["Downloads.Uploaded", Item.Name, Input.Version.Trim()].Value;
        return RedirectToPage("/Knowledge/DownloadItem", new { id = itemId });
    }
}
