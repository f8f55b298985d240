using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Platform;
using Supportal.Tickets;

namespace Supportal.Pages.Requests;

/// <summary>
/// "Submit a request" without signing in (TIC-7). The answer is the same whether or not the address has an
/// account, and a filled-in honeypot gets that answer too, with nothing created.
/// </summary>
[AllowAnonymous]
[AcceptsAttachments]
[EnableRateLimiting(TicketsSetup.SubmitRateLimit)]
public sealed class SubmitModel(AppDbContext db, TicketDesk desk, AttachmentStore store, AccountThrottle throttle,
    PasswordlessAccounts accounts, RequestFormViews views, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const string NumberKey = "Submit.Number", EmailKey = "Submit.Email";

    [BindProperty]
    public SubmitInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The form's deflection record, made when the form is shown and carried by a hidden field.</summary>
    [BindProperty(Name = "FormView")]
    public Guid? FormView { get; set; }

    public sealed record ServiceOption(int Id, string Name);

    public IReadOnlyList<ServiceOption> Services { get; private set; } = [];

    /// <summary>Set on the confirmation: the request's number and the address it was sent from.</summary>
    public (string Number, string Email)? Received { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (SignedIn)
            return ToServiceRequest();
        await LoadServicesAsync();
        FormView = await views.StartAsync("submit");
        return Page();
    }

    public IActionResult OnGetDone()
    {
        if (SignedIn)
            return ToServiceRequest();
        if (TempData[NumberKey] is not string number || TempData[EmailKey] is not string email)
            return RedirectToPage();
        Received = (number, email);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (SignedIn)
            return ToServiceRequest();
        var email = (Input.Email ?? "").Trim();
        if (!string.IsNullOrEmpty(Input.Website))
            // A script filled the field people cannot see: answer as if it worked, keep nothing.
            return Done((await db.Tickets.MaxAsync(t => (long?)t.Id) ?? Ticket.FirstNumber - 1) + 1, email);

        await LoadServicesAsync();
        if (Services.Count > 0 && (Input.ServiceId is not { } id || Services.All(s => s.Id != id)))
            ModelState.AddModelError("Input.ServiceId", localizer["Validation.Required", localizer["Submit.Service"]]);
        // Checked whether or not the address has an account, so that the answer never tells which addresses do.
        if (ModelState.GetFieldValidationState("Input.Email") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid
            && !accounts.CanCreateFor(email))
            ModelState.AddModelError("Input.Email", localizer["Accounts.AddressNotUsable"]);
        var (problem, fileName) = await store.CheckAsync(Files);
        if (problem != AttachmentStore.Problem.None)
            ModelState.AddModelError(nameof(Files), store.Describe(problem, fileName, localizer));
        if (!ModelState.IsValid)
            return Page();
        if (!throttle.TryTake("submit", email))
        {
            ModelState.AddModelError(string.Empty, localizer["Throttle.Account"]);
            return Page();
        }

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var draft = new NewTicket(TicketKind.Service, Input.Subject.Trim(), Input.Description.Trim(), TicketPriority.Normal)
        {
            ServiceId = Services.Count > 0 ? Input.ServiceId : null,
            FormView = FormView,
        };
        var ticket = await desk.CreateForAddressAsync(email, Input.Name.Trim(), Languages.IsSupported(language) ? language : "en", draft, Files);
        return Done(ticket.Id, email);
    }

    private RedirectToPageResult Done(long number, string email)
    {
        TempData[NumberKey] = number.ToString(CultureInfo.InvariantCulture);
        TempData[EmailKey] = email;
        return RedirectToPage(null, "Done");
    }

    private bool SignedIn => User.Identity?.IsAuthenticated == true;

    private RedirectResult ToServiceRequest() => Redirect("/Tickets/New?kind=service");

    private async Task LoadServicesAsync() => Services = (await db.Services.AsNoTracking().Where(s => s.Active)
            .OrderBy(s => s.Order).ThenBy(s => s.Id).Select(s => new { s.Id, s.NameEn, s.NamePl }).ToListAsync())
        .Select(s => new ServiceOption(s.Id, Languages.Pick(s.NameEn, s.NamePl))).ToList();
}
