using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>"Was this helpful?": one vote per person or browser, changeable, on readable articles only; counts for staff.</summary>
public sealed class VoteTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<List<ArticleVote>> VotesAsync(int articleId) =>
        portal.WithDbAsync(db => db.KbArticleVotes.AsNoTracking().Where(v => v.ArticleId == articleId).OrderBy(v => v.Id).ToListAsync());

    private static Task<Page> VoteAsync(PortalClient client, Page article, bool helpful, bool follow = true) =>
        client.SubmitAsync(article.Form("[data-helpful] form"), submitter: article.Find($"[data-helpful] button[value={(helpful ? "true" : "false")}]")
            as AngleSharp.Html.Dom.IHtmlElement, follow: follow);

    [Fact]
    public async Task A_visitor_votes_once_per_browser_and_can_change_the_vote_without_script()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Votes");
        var article = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Helpful or not");
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync($"/KnowledgeBase/Article/{article.Id}");

        var redirect = await VoteAsync(client, page, helpful: true, follow: false);

        redirect.Status.ShouldBe(HttpStatusCode.Redirect);
        redirect.Response.Headers.Location!.OriginalString.ShouldBe($"/KnowledgeBase/Article/{article.Id}#helpful");
        var cookie = redirect.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ArticleVotes.BrowserCookie + "=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        cookie.ShouldContain("secure", Case.Insensitive);
        var thanked = await client.GetAsync($"/KnowledgeBase/Article/{article.Id}");
        thanked.Find("[role=status]")!.TextContent.ShouldBe("Thank you for your feedback.");
        thanked.Find("[data-helpful] button[value=true]")!.GetAttribute("aria-pressed").ShouldBe("true");
        thanked.Find("[data-counts]").ShouldBeNull();

        await VoteAsync(client, thanked, helpful: false);

        var votes = await VotesAsync(article.Id);
        votes.Count.ShouldBe(1);
        votes[0].Helpful.ShouldBeFalse();
        votes[0].Voter.ShouldStartWith("b:");
        using var otherBrowser = portal.CreatePortalClient();
        await VoteAsync(otherBrowser, await otherBrowser.GetAsync($"/KnowledgeBase/Article/{article.Id}"), helpful: true);
        (await VotesAsync(article.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_signed_in_person_has_one_vote_wherever_they_vote_from_and_staff_see_the_counts()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Votes signed in");
        var article = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Counted article");
        var customerId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "customer@example.com").Select(u => u.Id).SingleAsync());
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("customer@example.com");

        var page = await VoteAsync(client, await client.GetAsync($"/KnowledgeBase/Article/{article.Id}"), helpful: false);
        await VoteAsync(client, page, helpful: true);

        var votes = await VotesAsync(article.Id);
        votes.Select(v => (v.Voter, v.Helpful)).ShouldBe([($"u:{customerId}", true)]);
        page.Find("[data-counts]").ShouldBeNull();
        using var agent = portal.CreatePortalClient();
        await agent.SignInAsync("agent@example.com");
        (await agent.GetAsync($"/KnowledgeBase/Article/{article.Id}")).Find("[data-counts]")!.TextContent.ShouldBe("1 found it helpful, 0 did not.");
    }

    [Fact]
    public async Task Nobody_votes_on_an_article_they_may_not_read()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Votes hidden");
        var open = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Open for votes");
        var hidden = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Customers' article", readers: Readership.SignedIn);
        var draft = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Draft article", published: false);
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync($"/KnowledgeBase/Article/{open.Id}");

        foreach (var id in new[] { hidden.Id, draft.Id })
        {
            var form = page.Form("[data-helpful] form");
            form.Action = $"/KnowledgeBase/Article/{id}?handler=Vote";
            (await client.SubmitAsync(form, new Dictionary<string, string> { ["helpful"] = "true" })).Status.ShouldBe(HttpStatusCode.NotFound);
            (await VotesAsync(id)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Two_votes_from_the_same_voter_at_once_leave_one_row()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Votes race");
        var article = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Double click");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            using var scope = portal.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ArticleVotes>().CastAsync(article.Id, "b:double-click", i % 2 == 0);
        }));

        (await VotesAsync(article.Id)).Count.ShouldBe(1);
    }
}
