using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Tickets;
using Notes = Supportal.KnowledgeBase.ArticleSaver.Notes;

namespace Supportal.Pages.Knowledge;

/// <summary>
/// The article editor (HLP-1): both translations in Markdown with a server-rendered preview, pictures, drafts, publish and
/// unpublish. Every save goes through <see cref="ArticleSaver"/>; a save over someone else's newer one is refused with
/// the editor's text kept.
/// </summary>
[AcceptsAttachments]
public sealed class ArticleModel(AppDbContext db, ArticleSaver saver, ArticleImages images, TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel, IAttachmentForm
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    public Article? Saved { get; private set; }
    public IReadOnlyList<SelectListItem> Sections { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Manufacturers { get; private set; } = [];
    public IReadOnlyList<ArticleImage> Images { get; private set; } = [];

    /// <summary>Set by Preview: the bodies as readers will see them.</summary>
    public bool Previewing { get; private set; }

    /// <summary>Who saved the newer version this editor's save was refused for.</summary>
    public string? ConflictBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? section, long? ticket)
    {
        if (Id is { } id)
        {
            if (await db.KbArticles.FindAsync(id) is not { } article)
                return NotFound();
            Input = ArticleInput.From(article);
        }
        else
        {
            Input.SectionId = section ?? 0;
            if (ticket is { } ticketId)
            {
                if (await TicketDraft.FromAsync(db, User, ticketId) is not { } draft)
                    return NotFound();
                if (draft.Language == "pl")
                    (Input.TitlePl, Input.BodyPl) = (draft.Title, draft.Body);
                else
                    (Input.TitleEn, Input.BodyEn) = (draft.Title, draft.Body);
            }
        }
        return await ShowAsync();
    }

    public Task<IActionResult> OnPostSaveAsync() => SaveAsync(publish: null);

    public Task<IActionResult> OnPostPublishAsync() => SaveAsync(publish: true);

    public Task<IActionResult> OnPostUnpublishAsync() => SaveAsync(publish: false);

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        Previewing = true;
        return await ShowAsync();
    }

    /// <summary>Stores a picture and puts its Markdown into the chosen body; the editor's unsaved text stays as it was.</summary>
    public async Task<IActionResult> OnPostImageAsync(IFormFile? files, string? into)
    {
        if (Id is not { } id || !await db.KbArticles.AnyAsync(a => a.Id == id))
            return NotFound();
        var (stored, problem) = await images.AddAsync(id, files, User.AccountId());
        if (stored is null)
            ModelState.AddModelError(AcceptsAttachmentsAttribute.FilesField, problem!);
        else
        {
            var markdown = $"![{stored.FileName}]({ArticleImages.Url(stored)})";
            var polish = into == "pl";
            ModelState.Remove(polish ? "Input.BodyPl" : "Input.BodyEn");
            if (polish)
                Input.BodyPl = Append(Input.BodyPl, markdown);
            else
                Input.BodyEn = Append(Input.BodyEn, markdown);
        }
        return await ShowAsync();
    }

    private static string Append(string? body, string line) => string.IsNullOrWhiteSpace(body) ? line : body.TrimEnd() + "\n\n" + line;

    private async Task<IActionResult> SaveAsync(bool? publish)
    {
        var section = await db.KbSections.FindAsync(Input.SectionId);
        if (section is null)
            ModelState.AddModelError("Input.SectionId", localizer["Knowledge.SectionRequired"]);
        Input.Validate(ModelState, localizer);
        if (Input.Readers == Readership.ContractHolders && Input.ManufacturerId is { } maker && !await db.Manufacturers.AnyAsync(m => m.Id == maker))
            ModelState.AddModelError("Input.ManufacturerId", localizer["Knowledge.ManufacturerRequired"]);
        if (!ModelState.IsValid)
            return await ShowAsync();
        var article = Id is { } id ? await db.KbArticles.FindAsync(id) : new Article();
        if (article is null)
            return NotFound();
        if (article.Id != 0 && article.Version != Input.Version)
            return await ConflictAsync(article);
        // The version the editor saw is what the database must still hold when this save commits.
        if (article.Id != 0)
            db.Entry(article).Property(a => a.Version).OriginalValue = Input.Version;
        if (article.SectionId != Input.SectionId)
            article.Order = (await db.KbArticles.Where(a => a.SectionId == Input.SectionId).MaxAsync(a => (int?)a.Order) ?? 0) + 1;
        var wasPublished = article.IsPublished;
        Input.ApplyTo(article);
        if (publish == true && !wasPublished)
            article.PublishedAt = clock.GetUtcNow().UtcDateTime;
        else if (publish == false)
            article.PublishedAt = null;
        var note = publish switch
        {
            true when !wasPublished => Notes.Published,
            false => Notes.Unpublished,
            _ => article.IsPublished ? Notes.Updated : Notes.Draft,
        };
        try
        {
            await saver.SaveAsync(article, section!, note, User.AccountId(), notify: note == Notes.Published || (note == Notes.Updated && Input.Notify));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync((await db.KbArticles.FindAsync(article.Id))!);
        }
        var done = note switch
        {
            Notes.Published => "Knowledge.Article.Published",
            Notes.Unpublished => "Knowledge.Article.Unpublished",
            Notes.Updated => "Knowledge.Article.Updated",
            _ => "Knowledge.Article.DraftSaved",
        };
        TempData["StatusMessage"] = localizer[done, article.TitleEn.Length > 0 ? article.TitleEn : article.TitlePl].Value;
        return RedirectToPage(new { id = article.Id, section = (int?)null, ticket = (long?)null });
    }

    private async Task<IActionResult> ConflictAsync(Article current)
    {
        ModelState.Remove("Input.Version");
        Input.Version = current.Version;
        ConflictBy = (current.UpdatedById is { } by ? (await db.Users.FindAsync(by))?.DisplayName : null) ?? "—";
        ModelState.AddModelError("", localizer["Knowledge.Conflict", ConflictBy]);
        return await ShowAsync();
    }

    public Task<IActionResult> ShowAgainAsync() => ShowAsync();

    private async Task<IActionResult> ShowAsync()
    {
        Saved = Id is { } id ? await db.KbArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id) : null;
        if (Id is not null && Saved is null)
            return NotFound();
        Sections = await db.KbSections.OrderBy(s => s.Category.Order).ThenBy(s => s.CategoryId).ThenBy(s => s.Order).ThenBy(s => s.Id)
            .Select(s => new SelectListItem(s.Category.NameEn + " › " + s.NameEn, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync();
        Manufacturers = await SectionModel.ManufacturerChoicesAsync(db);
        Images = Id is { } articleId ? await db.KbArticleImages.Where(i => i.ArticleId == articleId).OrderBy(i => i.Id).ToListAsync() : [];
        return Page();
    }
}
