using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;

namespace Supportal.KnowledgeBase;

/// <summary>
/// The one way an article's text is saved, by the editor and by restoring an old version alike: in one transaction the
/// article (its <see cref="Article.Version"/> raised), a new <see cref="ArticleVersion"/>, the search rows, an audit record
/// and, when asked, the followers' mails. A save over a newer one throws <see cref="DbUpdateConcurrencyException"/> and
/// keeps nothing; the caller sets the version the editor saw as the original value before calling.
/// </summary>
public sealed class ArticleSaver(AppDbContext db, ArticleIndex index, AuditLog audit, FollowerMails mails, TimeProvider clock)
{
    public async Task SaveAsync(Article article, Section section, string note, Guid? editorId, bool notify, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var isNew = article.Id == 0;
        if (isNew)
        {
            article.CreatedAt = now;
            db.KbArticles.Add(article);
        }
        article.Version++;
        article.UpdatedAt = now;
        article.UpdatedById = editorId;
        await db.SaveChangesAsync(cancel);
        var number = await db.KbArticleVersions.Where(v => v.ArticleId == article.Id).MaxAsync(v => (int?)v.Number, cancel) ?? 0;
        db.KbArticleVersions.Add(new ArticleVersion
        {
            ArticleId = article.Id, Number = number + 1, TitleEn = article.TitleEn, TitlePl = article.TitlePl, BodyEn = article.BodyEn,
            BodyPl = article.BodyPl, LabelsEn = article.LabelsEn, LabelsPl = article.LabelsPl, SavedAt = now, SavedById = editorId, Note = note,
        });
        audit.Record(db, AuditActions.KnowledgeChanged, editorId, $"article {article.Id} {note}: {Trim(article.TitleEn.Length > 0 ? article.TitleEn : article.TitlePl)}");
        await index.UpdateAsync(article, section, cancel);
        if (notify && article.IsPublished)
            await mails.QueueAsync(article, section, note == Notes.Published, editorId, cancel);
        await db.SaveChangesAsync(cancel);
        await transaction.CommitAsync(cancel);
    }

    /// <summary>What the history says about a save (kept in English, like the audit log).</summary>
    public static class Notes
    {
        public const string Draft = "draft saved";
        public const string Published = "published";
        public const string Unpublished = "unpublished";
        public const string Updated = "updated";
        public const string FromTicket = "started from request";

        public static string Restored(int number) => $"restored {number}";
    }

    private static string Trim(string title) => title.Length <= 200 ? title : title[..200];

    /// <summary>
    /// Writes the search rows of every article of a section again, after its name (which the index holds) changed;
    /// in the caller's transaction.
    /// </summary>
    public async Task ReindexSectionAsync(Section section, CancellationToken cancel = default)
    {
        var lastId = 0;
        while (true)
        {
            var batch = await db.KbArticles.Where(a => a.SectionId == section.Id && a.Id > lastId && a.PublishedAt != null)
                .OrderBy(a => a.Id).Take(500).AsNoTracking().ToListAsync(cancel);
            if (batch.Count == 0)
                return;
            foreach (var article in batch)
                await index.UpdateAsync(article, section, cancel);
            lastId = batch[^1].Id;
        }
    }
}
