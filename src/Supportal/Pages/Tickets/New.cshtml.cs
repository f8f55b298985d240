using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Platform;
using Supportal.Tickets;

namespace Supportal.Pages.Tickets;

/// <summary>
/// "Create new ticket": an administrative request (TIC-2), a support request for an entitled asset with its
/// manufacturer's questions (TIC-3), or a service request (TIC-4). The kind comes from <c>?kind=</c>.
/// </summary>
[Authorize(Policy = Policies.SignedIn), AcceptsAttachments]
public sealed class NewModel(
    AppDbContext db, EntitledAssets entitled, TicketDesk desk, AttachmentStore store, UserManager<ApplicationUser> users,
    TimeProvider clock, RequestFormViews views, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindName { get; set; }

    [BindProperty(SupportsGet = true, Name = "asset")]
    public int? ChosenAssetId { get; set; }

    /// <summary>The asset picker's search, for browsers without script (with script the list filters as you type).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public NewTicketInput Input { get; set; } = new();

    /// <summary>Answers to the manufacturer's "Additional information", by field id.</summary>
    // Named, so that with no answers posted the binder does not try every other form field as a dictionary key.
    [BindProperty(Name = "Fields")]
    public Dictionary<int, string> Fields { get; set; } = [];

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The form's deflection record, made when the form is shown and carried by a hidden field.</summary>
    [BindProperty(Name = "FormView")]
    public Guid? FormView { get; set; }

    public TicketKind Kind => NewTicketInput.KindOf(KindName);

    /// <summary>A support request's form comes once its asset is chosen.</summary>
    public bool ShowsForm => Kind != TicketKind.Support || Asset is not null;

    /// <summary>Whether the person holds any asset at all under an active contract (else: register one first).</summary>
    public bool HasAssets { get; private set; }
    public List<EntitledAsset> Assets { get; private set; } = [];
    public EntitledAsset? Asset { get; private set; }
    public List<AdditionalField> AssetFields { get; private set; } = [];
    public Dictionary<int, string> FieldErrors { get; private set; } = [];
    public List<ServiceOption> Services { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync(ChosenAssetId);
        if (ShowsForm)
            FormView = await views.StartAsync(Kind.ToString().ToLowerInvariant());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync(Kind == TicketKind.Support ? Input.AssetId ?? 0 : null);
        var draft = Input.Check(Kind, Services, LocalTime.ZoneOf(User), clock.GetUtcNow().UtcDateTime, ModelState, localizer);
        List<TicketFieldValue> values = [];
        if (Asset is not null)
        {
            (FieldErrors, values) = FieldAnswers.Check(AssetFields, Fields, localizer);
            foreach (var (fieldId, error) in FieldErrors)
                ModelState.AddModelError($"Fields[{fieldId}]", error);
        }
        var (problem, fileName) = await store.CheckAsync(Files);
        if (problem != AttachmentStore.Problem.None)
            ModelState.AddModelError(nameof(Files), store.Describe(problem, fileName, localizer));
        if (draft is null || !ModelState.IsValid)
            return Page();

        var requester = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        var ticket = await desk.CreateAsync(requester, draft with { Asset = Asset, Fields = values, FormView = FormView }, Files);
        TempData["StatusMessage"] = localizer["NewTicket.Created", ticket.Id].Value;
        return Redirect($"/Tickets/{ticket.Id}");
    }

    /// <summary>What the chosen kind's form offers; <paramref name="assetId"/> is the asset to check, if any.</summary>
    private async Task LoadAsync(int? assetId)
    {
        if (Kind == TicketKind.Service)
        {
            Services = await db.Services.Where(s => s.Active).OrderBy(s => s.Order).ThenBy(s => s.Id)
                .Select(s => new ServiceOption(s.Id, s.NameEn, s.NamePl)).ToListAsync();
            return;
        }
        if (Kind != TicketKind.Support)
            return;
        var userId = User.RequiredAccountId();
        // A person's assets are bounded by the contracts they registered: the list is read once and searched here.
        var all = await entitled.For(userId).ToListAsync();
        HasAssets = all.Count > 0;
        var search = Query?.Trim() ?? "";
        Assets = all.Where(a => search.Length == 0 || Matches(a, search))
            .OrderBy(a => a.ProductName).ThenBy(a => a.SerialNumber).ThenBy(a => a.AssetId).ToList();
        if (assetId is { } id)
        {
            Asset = all.FirstOrDefault(a => a.AssetId == id);
            if (Asset is null)
                ModelState.AddModelError("Input.AssetId", localizer["NewTicket.ChooseAsset"]);
            else
                AssetFields = await entitled.FieldsAsync(Asset.ManufacturerId);
        }
    }

    private static bool Matches(EntitledAsset asset, string search) =>
        new[] { asset.ProductName, asset.ProductCode, asset.SerialNumber, asset.ContractNumber, asset.Name }
            .Any(text => text?.Contains(search, StringComparison.CurrentCultureIgnoreCase) == true);
}
