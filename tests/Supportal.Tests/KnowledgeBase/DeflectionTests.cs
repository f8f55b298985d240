using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>
/// Suggestions beside the request forms, and the record each form view keeps of them: shown, opened, then whether a
/// request was sent after all.
/// </summary>
public sealed class DeflectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<RequestFormView> ViewAsync(Guid id) => portal.WithDbAsync(db => db.KbRequestFormViews.AsNoTracking().SingleAsync(v => v.Id == id));

    private static Guid ViewId(Page form) => Guid.Parse(form.Find("input[type=hidden][name=FormView]")!.GetAttribute("value")!);

    private DateTime Now => portal.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Submit_a_request_records_the_view_the_suggestions_shown_the_article_opened_and_the_request_sent()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Invoices");
        var open = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Quetzal invoices stuck in sending")).Id;
        var members = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Quetzal invoices for customers", readers: Readership.SignedIn)).Id;
        using var client = portal.CreatePortalClient();

        var form = await client.GetAsync("/Requests/Submit");
        var viewId = ViewId(form);
        form.Find("input[name='Input.Subject']")!.GetAttribute("hx-get").ShouldBe("/KnowledgeBase/Suggest?handler=Form");
        form.Find("#request-suggestions").ShouldNotBeNull();
        var view = await ViewAsync(viewId);
        (view.Form, view.OpenedAt, view.SuggestionsShown, view.ArticleOpenedId, view.RequestSentAt).ShouldBe(("submit", Now, 0, (int?)null, (DateTime?)null));

        var suggestions = await client.GetAsync($"/KnowledgeBase/Suggest?handler=Form&Input.Subject=quetzal+stuck&FormView={viewId}");
        var link = suggestions.Find("[data-suggestion]")!;
        suggestions.FindAll("[data-suggestion]").Count().ShouldBe(1);
        link.GetAttribute("data-suggestion").ShouldBe(open.ToString(CultureInfo.InvariantCulture));
        link.GetAttribute("target").ShouldBe("_blank");
        (await ViewAsync(viewId)).SuggestionsShown.ShouldBe(1);
        await client.GetAsync($"/KnowledgeBase/Suggest?handler=Form&Input.Subject=quetzal&FormView={viewId}");
        (await ViewAsync(viewId)).SuggestionsShown.ShouldBe(2);

        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        var opened = await client.GetAsync(link.GetAttribute("href")!, follow: false);
        opened.Response.Headers.Location!.OriginalString.ShouldBe($"/KnowledgeBase/Article/{open}");
        view = await ViewAsync(viewId);
        (view.ArticleOpenedId, view.ArticleOpenedAt).ShouldBe(((int?)open, (DateTime?)Now));

        // Someone not signed in opening (or guessing) an article for customers records nothing.
        await client.GetAsync($"/KnowledgeBase/Suggest?handler=Open&view={viewId}&article={members}", follow: false);
        (await ViewAsync(viewId)).ArticleOpenedId.ShouldBe(open);

        var service = form.FindAll("select[name='Input.ServiceId'] option").Select(o => o.GetAttribute("value")).First(v => v is { Length: > 0 })!;
        var sent = await client.UploadAsync(form.Form(), "Files", null, [], new Dictionary<string, string>
        {
            ["Input.Name"] = "Olga Wrzos", ["Input.Email"] = "olga.wrzos@deflection.test", ["Input.ServiceId"] = service,
            ["Input.Subject"] = "Invoices stuck", ["Input.Description"] = "Still stuck after reading the article.",
        });
        sent.Find("[data-submitted]").ShouldNotBeNull();
        (await ViewAsync(viewId)).RequestSentAt.ShouldBe(Now);
    }

    [Fact]
    public async Task A_new_ticket_form_records_its_kind_and_the_request_sent_and_suggests_what_the_customer_may_read()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Contracts help");
        var members = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Registering a tapir contract key", readers: Readership.SignedIn)).Id;
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("customer@example.com");

        var form = await client.GetAsync("/Tickets/New");
        var viewId = ViewId(form);
        (await ViewAsync(viewId)).Form.ShouldBe("administrative");
        var suggestions = await client.GetAsync($"/KnowledgeBase/Suggest?handler=Form&Input.Subject=registering+tapir+contract&FormView={viewId}");
        suggestions.Find("[data-suggestion]")!.GetAttribute("data-suggestion").ShouldBe(members.ToString(CultureInfo.InvariantCulture));

        var created = await client.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.Subject"] = "Cannot register contract", ["Input.Description"] = "The key is refused.",
        }, follow: false);

        created.Response.Headers.Location!.OriginalString.ShouldStartWith("/Tickets/");
        var view = await ViewAsync(viewId);
        (view.SuggestionsShown, view.ArticleOpenedId, view.RequestSentAt).ShouldBe((1, (int?)null, (DateTime?)Now));
        (await client.GetAsync("/Tickets/New?kind=service")).Find("input[name=FormView]").ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.KbRequestFormViews.CountAsync(v => v.Form == "service"))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_view_is_deflected_when_an_article_was_opened_and_no_request_followed_within_thirty_minutes()
    {
        using var scope = portal.Services.CreateScope();
        var views = scope.ServiceProvider.GetRequiredService<RequestFormViews>();
        // Later than the views the class's other tests made.
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var from = Now;
        var section = await KnowledgeData.CreateSectionAsync(portal, "Report");
        var article = (await KnowledgeData.CreateArticleAsync(portal, section.Id, "Report article")).Id;

        var deflected = await views.StartAsync("submit");
        var sentAfter = await views.StartAsync("submit");
        var sentLate = await views.StartAsync("submit");
        var undecided = await views.StartAsync("submit");
        await views.StartAsync("support");
        foreach (var view in new[] { deflected, sentAfter, sentLate })
        {
            await views.ShownAsync(view, 2);
            await views.OpenedAsync(view, article);
        }
        portal.Clock.Advance(TimeSpan.FromMinutes(10));
        await portal.WithDbAsync(db => db.KbRequestFormViews.Where(v => v.Id == sentAfter).ExecuteUpdateAsync(s => s.SetProperty(v => v.RequestSentAt, Now)));
        portal.Clock.Advance(TimeSpan.FromMinutes(25));
        await portal.WithDbAsync(db => db.KbRequestFormViews.Where(v => v.Id == sentLate).ExecuteUpdateAsync(s => s.SetProperty(v => v.RequestSentAt, Now)));
        await views.OpenedAsync(undecided, article);

        var report = await views.ReportAsync(from, Now.AddSeconds(1));

        report.ShouldBe(new DeflectionReport(Views: 5, WithSuggestions: 3, ArticleOpened: 4, Deflected: 2));
    }
}
