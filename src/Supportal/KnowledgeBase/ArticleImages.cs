using Microsoft.Extensions.Localization;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tickets;

namespace Supportal.KnowledgeBase;

/// <summary>
/// Pictures uploaded into articles: checked and stored like attachments (<see cref="AttachmentStore"/>), and only of the
/// types a browser shows without running anything (PNG, JPEG, GIF, WebP, known by their first bytes; never SVG, which
/// can carry script).
/// </summary>
public sealed class ArticleImages(AppDbContext db, AttachmentStore store, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public static readonly IReadOnlySet<string> SafeTypes = new HashSet<string>(StringComparer.Ordinal) { "image/png", "image/jpeg", "image/gif", "image/webp" };

    /// <summary>Where the picture is served (the Markdown renderer shows pictures of this path only).</summary>
    public static string Url(ArticleImage image) =>
        $"{Platform.Markdown.ArticleImagePath}{image.Id}/{Uri.EscapeDataString(image.FileName).Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)}";

    /// <summary>The stored picture, or null and the reason it was refused (nothing is kept then).</summary>
    public async Task<(ArticleImage? Image, string? Problem)> AddAsync(int articleId, IFormFile? file, Guid? by)
    {
        if (file is null)
            return (null, localizer["Knowledge.Image.Missing"]);
        var (problem, name) = await store.CheckAsync([file]);
        if (problem != AttachmentStore.Problem.None)
            return (null, store.Describe(problem, name, localizer));
        using var upload = await store.WriteAsync([file]);
        var written = upload.Files[0];
        if (!SafeTypes.Contains(written.ContentType))
            return (null, localizer["Knowledge.Image.Unsafe", written.FileName]);
        var image = new ArticleImage
        {
            ArticleId = articleId, FileName = written.FileName, ContentType = written.ContentType, Size = written.Size,
            Sha256 = written.Sha256, UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.KbArticleImages.Add(image);
        audit.Record(db, AuditActions.KnowledgeChanged, by, $"article {articleId} picture added: {written.FileName}");
        upload.Place();
        await db.SaveChangesAsync();
        return (image, null);
    }
}
