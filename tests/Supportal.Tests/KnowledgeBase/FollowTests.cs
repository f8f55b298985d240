using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>Following articles and sections: signed-in readers only, on what they may read, one row each.</summary>
public sealed class FollowTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<List<KnowledgeFollow>> FollowsAsync(Guid userId) =>
        portal.WithDbAsync(db => db.KbFollows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.Id).ToListAsync());

    [Fact]
    public async Task A_customer_follows_and_unfollows_an_article_and_a_section()
    {
        var user = await portal.CreateUserAsync("follower@example.com");
        var section = await KnowledgeData.CreateSectionAsync(portal, "Followed section");
        var article = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Followed article");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("follower@example.com");

        var followed = await client.SubmitAsync((await client.GetAsync($"/KnowledgeBase/Article/{article.Id}")).Form("form[data-follow]"));
        var sectionFollowed = await client.SubmitAsync((await client.GetAsync($"/KnowledgeBase/Section/{section.Id}")).Form("form[data-follow]"));

        followed.Find("[role=status]")!.TextContent.ShouldContain("You are following \"Followed article\"");
        sectionFollowed.Find("form[data-follow] button")!.TextContent.Trim().ShouldBe("Unfollow");
        (await FollowsAsync(user.Id)).Select(f => (f.ArticleId, f.SectionId)).ShouldBe([(article.Id, null), (null, section.Id)]);

        var article2 = await client.GetAsync($"/KnowledgeBase/Article/{article.Id}");
        article2.Find("form[data-follow] button")!.TextContent.Trim().ShouldBe("Unfollow");
        await client.SubmitAsync(article2.Form("form[data-follow]"));

        (await FollowsAsync(user.Id)).Select(f => (f.ArticleId, f.SectionId)).ShouldBe([(null, section.Id)]);
    }

    [Fact]
    public async Task A_visitor_is_offered_to_sign_in_and_cannot_follow()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Visitor follow");
        var article = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Visitor follow article");
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync($"/KnowledgeBase/Article/{article.Id}");

        page.Find("a[data-follow]")!.GetAttribute("href").ShouldBe($"/Account/Login?ReturnUrl=%2FKnowledgeBase%2FArticle%2F{article.Id}");
        var form = page.Form("[data-helpful] form");
        form.Action = $"/KnowledgeBase/Article/{article.Id}?handler=Follow";
        var refused = await client.SubmitAsync(form, follow: false);

        refused.Status.ShouldBe(HttpStatusCode.Redirect);
        refused.Response.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        (await portal.WithDbAsync(db => db.KbFollows.AnyAsync(f => f.ArticleId == article.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Nobody_follows_what_they_may_not_read()
    {
        var user = await portal.CreateUserAsync("curious@example.com");
        var manufacturer = await ReaderData.CreateManufacturerAsync(portal, "Follow Firewalls");
        var section = await KnowledgeData.CreateSectionAsync(portal, "Follow open");
        var open = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Open to follow");
        var holders = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Holders only", readers: Readership.ContractHolders, manufacturerId: manufacturer);
        var draft = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Draft to follow", published: false);
        var holderSection = await KnowledgeData.CreateSectionAsync(portal, "Holders' follow", readers: Readership.ContractHolders, manufacturerId: manufacturer);
        await KnowledgeData.CreateArticleAsync(portal, holderSection.Id, "In the holders' section");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("curious@example.com");
        var page = await client.GetAsync($"/KnowledgeBase/Article/{open.Id}");

        foreach (var target in new[] { $"/KnowledgeBase/Article/{holders.Id}", $"/KnowledgeBase/Article/{draft.Id}", $"/KnowledgeBase/Section/{holderSection.Id}" })
        {
            var form = page.Form("form[data-follow]");
            form.Action = $"{target}?handler=Follow";
            (await client.SubmitAsync(form)).Status.ShouldBe(HttpStatusCode.NotFound);
        }
        (await FollowsAsync(user.Id)).ShouldBeEmpty();
    }
}
