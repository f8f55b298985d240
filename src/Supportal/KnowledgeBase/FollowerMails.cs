using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Email;

namespace Supportal.KnowledgeBase;

/// <summary>
/// The mails to followers (HLP-6) when an article is published, or updated with "notify followers" ticked: to the people
/// following the article or its section who may read it now, each in their language, queued in the caller's
/// transaction. The editor who saved is never mailed about their own save.
/// </summary>
public sealed class FollowerMails(Mailer mailer, AppDbContext db, KnowledgeAccess access, AccountLinks links)
{
    public async Task QueueAsync(Article article, Section section, bool published, Guid? editorId, CancellationToken cancel = default)
    {
        var followerIds = db.KbFollows.Where(f => f.ArticleId == article.Id || f.SectionId == section.Id).Select(f => f.UserId);
        var followers = await db.Users.Where(u => followerIds.Contains(u.Id) && u.Id != editorId && u.Email != null).ToListAsync(cancel);
        var link = links.Absolute($"/KnowledgeBase/Article/{article.Id}");
        foreach (var person in followers)
        {
            // A follower who lost the contract (or the sign-in rule changed) since following must not learn the article exists.
            if (!KnowledgeAccess.MayRead(await access.ReaderAsync(person.Id, cancel), article, section))
                continue;
            mailer.Queue(db, new MailRecipient(person.Email!, person.DisplayName, person.Language), l => new MailContent(
                l[published ? "Mail.Article.PublishedSubject" : "Mail.Article.UpdatedSubject", article.Title],
                [
                    l["Mail.Greeting", person.FirstName.Length > 0 ? person.FirstName : person.DisplayName],
                    l[published ? "Mail.Article.Published" : "Mail.Article.Updated", article.Title, section.Name],
                    l["Mail.Article.Unfollow"],
                ],
                l["Mail.Article.Action"], link));
        }
    }
}
