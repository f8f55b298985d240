using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>A new installation: no demo data, so no help-center articles either.</summary>
public sealed class NewInstallationPortal : PortalFactory
{
    public NewInstallationPortal() => Settings["Seed:Demo"] = "false";
}

/// <summary>A new installation's help center, before any article is published (its own database).</summary>
public sealed class EmptyHelpCenterTests(NewInstallationPortal portal) : IClassFixture<NewInstallationPortal>
{
    [Fact]
    public async Task With_no_articles_the_home_says_so_and_still_offers_search_and_the_ways_to_ask()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Empty so far");
        await KnowledgeData.CreateArticleAsync(portal, section.Id, "Still a draft", published: false);
        using var client = portal.CreatePortalClient();

        var home = await client.GetAsync("/");

        home.Find("[data-empty]")!.TextContent.ShouldStartWith("There are no articles in the help center yet.");
        home.Find("[data-section]").ShouldBeNull();
        home.Find("[data-promoted]").ShouldBeNull();
        home.Find("form.help-search").ShouldNotBeNull();
        home.Find("main a[href='/Requests/Submit']").ShouldNotBeNull();
    }
}
