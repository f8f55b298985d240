using Microsoft.EntityFrameworkCore;
using Supportal.Data;

namespace Supportal.KnowledgeBase;

/// <summary>How the request forms did over a period: views, views with suggestions, with an article opened, deflected.</summary>
public sealed record DeflectionReport(int Views, int WithSuggestions, int ArticleOpened, int Deflected);

/// <summary>
/// The deflection record of the request forms (<see cref="RequestFormView"/>): a row when a form is shown, the count of
/// suggestions shown to it, the article opened from them, and (written by the ticket's own transaction) the request sent.
/// The form carries the row's id; nothing ties the row to a person.
/// </summary>
public sealed class RequestFormViews(AppDbContext db, TimeProvider clock)
{
    /// <summary>An article opened and no request within this long is a request the help center answered.</summary>
    public static readonly TimeSpan DeflectionWindow = TimeSpan.FromMinutes(30);

    public async Task<Guid> StartAsync(string form, CancellationToken cancel = default)
    {
        var view = new RequestFormView { Id = Guid.NewGuid(), Form = form, OpenedAt = Now };
        db.KbRequestFormViews.Add(view);
        await db.SaveChangesAsync(cancel);
        return view.Id;
    }

    /// <summary>Suggestions were returned to the form. Once its request is sent the view is closed and stays as it was.</summary>
    public Task ShownAsync(Guid viewId, int count, CancellationToken cancel = default) =>
        db.KbRequestFormViews.Where(v => v.Id == viewId && v.RequestSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.SuggestionsShown, v => v.SuggestionsShown + count), cancel);

    /// <summary>A suggested article was opened; the latest one counts.</summary>
    public Task OpenedAsync(Guid viewId, int articleId, CancellationToken cancel = default)
    {
        var now = Now;
        return db.KbRequestFormViews.Where(v => v.Id == viewId && v.RequestSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ArticleOpenedId, articleId).SetProperty(v => v.ArticleOpenedAt, now), cancel);
    }

    /// <summary>
    /// The forms shown from <paramref name="from"/> until <paramref name="until"/>. A view whose article was opened less than
    /// <see cref="DeflectionWindow"/> ago is not counted as deflected yet: its request may still come.
    /// </summary>
    public async Task<DeflectionReport> ReportAsync(DateTime from, DateTime until, CancellationToken cancel = default)
    {
        var decidedBefore = Now - DeflectionWindow;
        var window = DeflectionWindow;
        var counts = await db.KbRequestFormViews.Where(v => v.OpenedAt >= from && v.OpenedAt < until)
            .GroupBy(_ => 1)
            .Select(g => new DeflectionReport(
                g.Count(),
                g.Count(v => v.SuggestionsShown > 0),
                g.Count(v => v.ArticleOpenedAt != null),
                g.Count(v => v.ArticleOpenedAt != null && v.ArticleOpenedAt <= decidedBefore
                    && (v.RequestSentAt == null || v.RequestSentAt > v.ArticleOpenedAt.Value.AddMinutes(window.TotalMinutes)))))
            .SingleOrDefaultAsync(cancel);
        return counts ?? new(0, 0, 0, 0);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
