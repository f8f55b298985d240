using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;

namespace Supportal.Pages.Admin;

/// <summary>Creates accounts from the previous portal's export; reports the rows it skipped by line.</summary>
// A file somewhat over the limit must still reach the page, to be told so in words rather than with a bare 413.
[RequestSizeLimit(2L * MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2L * MaxFileBytes)]
public sealed class ImportAccountsModel(AccountImporter importer, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxFileMegabytes = MaxFileBytes / 1024 / 1024;
    public const int MaxProblemsShown = 200;

    // Named explicitly: with no file chosen the browser sends nothing under "Input", and model binding would
    // then fall back to an empty prefix and put the "required" message where the field cannot show it.
    [BindProperty(Name = nameof(Input))]
    public InputModel Input { get; set; } = new();

    public ImportResult? Result { get; private set; }

    /// <summary>Rows that need the admin's attention first; the many "already has an account" rows after them.</summary>
    public IEnumerable<ImportProblem> ShownProblems => (Result?.Problems ?? [])
        .OrderBy(p => p.Kind == ImportProblemKind.AlreadyExists).ThenBy(p => p.Line).Take(MaxProblemsShown);

    public int HiddenProblems => Math.Max(0, (Result?.Skipped ?? 0) - MaxProblemsShown);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Import.File")]
        public IFormFile? File { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var file = Input.File!;
        if (file.Length == 0)
            return Invalid(localizer["Import.Error.Empty"]);
        if (file.Length > MaxFileBytes)
            return Invalid(localizer["Import.Error.TooLarge", MaxFileMegabytes]);
        try
        {
            await using var csv = file.OpenReadStream();
            var admin = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
            Result = await importer.ImportAsync(csv, file.FileName, admin, progress: null, cancellationToken);
        }
        catch (ImportFileException ex)
        {
            return Invalid(ex.Error == ImportFileError.Empty
                ? localizer["Import.Error.Empty"]
                : localizer["Import.Error.Columns", string.Join(", ", ex.MissingColumns)]);
        }
        // The result is this response, not a redirect: it can be a long table, and sending the form again is
        // harmless because a second import of the same file changes nothing.
        return Page();
    }

    private PageResult Invalid(string message)
    {
        ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.File)}", message);
        return Page();
    }
}
