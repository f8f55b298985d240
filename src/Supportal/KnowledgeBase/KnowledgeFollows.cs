using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.KnowledgeBase;

/// <summary>
/// A signed-in person following an article or a section (the mails to followers are sent when an editor publishes).
/// Callers check first that the person may read it.
/// </summary>
public sealed class KnowledgeFollows(AppDbContext db, TimeProvider clock)
{
    public Task<bool> IsFollowingAsync(Guid userId, int? articleId, int? sectionId) =>
        Of(userId, articleId, sectionId).AnyAsync();

    public async Task SetAsync(Guid userId, int? articleId, int? sectionId, bool follow)
    {
        if (follow)
            await FollowAsync(userId, articleId, sectionId);
        else
            await Of(userId, articleId, sectionId).ExecuteDeleteAsync();
    }

    private async Task FollowAsync(Guid userId, int? articleId, int? sectionId)
    {
        if (await IsFollowingAsync(userId, articleId, sectionId))
            return;
        db.KbFollows.Add(new KnowledgeFollow { UserId = userId, ArticleId = articleId, SectionId = sectionId, FollowedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A second click got there first: the unique index kept one row, which is what was asked for.
            db.ChangeTracker.Clear();
            if (!await IsFollowingAsync(userId, articleId, sectionId))
                throw;
        }
    }

    private IQueryable<KnowledgeFollow> Of(Guid userId, int? articleId, int? sectionId) =>
        db.KbFollows.Where(f => f.UserId == userId && f.ArticleId == articleId && f.SectionId == sectionId);
}
