using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Supportal.Data;
using Supportal.Email;

namespace Supportal.Pages.Admin;

/// <summary>What the portal has sent or still owes, with a test message to check the mail server settings.</summary>
public sealed class OutboxModel(AppDbContext db, Mailer mailer, IOptions<SmtpOptions> smtp, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];
    public long? OlderThan { get; private set; }
    public OutboxState? Filter { get; private set; }
    public bool SmtpConfigured => smtp.Value.HasHost;
    public string? SmtpHost => smtp.Value.Host;

    [BindProperty]
    public TestInput Test { get; set; } = new();

    public sealed class TestInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Outbox.Test.Address")]
        public string Address { get; set; } = "";
    }

    public async Task OnGetAsync(OutboxState? state, long? before)
    {
        Filter = state;
        var query = db.OutboxMessages.AsNoTracking();
        query = state switch
        {
            OutboxState.Sent => query.Where(m => m.SentAt != null),
            OutboxState.Failed => query.Where(m => m.FailedAt != null),
            OutboxState.Retrying => query.Where(m => m.SentAt == null && m.FailedAt == null && m.Attempts > 0),
            OutboxState.Queued => query.Where(m => m.SentAt == null && m.FailedAt == null && m.Attempts == 0),
            _ => query,
        };
        var page = await query.Where(m => before == null || m.Id < before).OrderByDescending(m => m.Id).Take(PageSize + 1).ToListAsync();
        Messages = page.Take(PageSize).ToList();
        OlderThan = page.Count > PageSize ? Messages[^1].Id : null;
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        if (!ModelState.IsValid)
        {
            await OnGetAsync(null, null);
            return Page();
        }
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // Urgent: the admin is checking the mail server and waits for it.
        mailer.Queue(db, new MailRecipient(Test.Address.Trim(), null, language),
            l => new MailContent(l["Mail.Test.Subject"], [l["Mail.Test.Body"]]), MailPriority.Urgent);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = localizer["Outbox.Test.Queued"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A failed message goes back to the queue with a fresh count; it keeps its Message-ID.
        var changed = await db.OutboxMessages.Where(m => m.Id == id && m.FailedAt != null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.FailedAt, (DateTime?)null).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now));
        if (changed == 0)
            return NotFound();
        TempData["StatusMessage"] = localizer["Outbox.Retried"].Value;
        return RedirectToPage();
    }
}
