using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Platform;

public sealed class FooterPortal : PortalFactory
{
    public FooterPortal()
    {
        Settings["Portal:Name"] = "Acme Care";
        Settings["Portal:MaintenanceEmail"] = "portal-help@acme.test";
        Settings["Portal:Phones:2:Number"] = "+48 22 111 22 33";
        Settings["Portal:Phones:2:Label:en"] = "Warsaw desk";
        Settings["Portal:Teams:1:Name:en"] = "Night shift";
        Settings["Portal:Teams:1:Name:pl"] = "Nocna zmiana";
    }
}

public sealed class FooterConfigurationTests(FooterPortal portal) : IClassFixture<FooterPortal>
{
    [Fact]
    public async Task Footer_shows_the_configured_name_phones_teams_and_maintenance_address()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/");

        page.Find(".navbar-brand")!.TextContent.ShouldContain("Acme Care");
        page.Document.Title!.ShouldContain("Acme Care");
        var footer = page.Find("footer")!;
        footer.TextContent.ShouldContain("Warsaw desk");
        footer.QuerySelector("a[href='tel:+48221112233']").ShouldNotBeNull();
        footer.TextContent.ShouldContain("Night shift");
        footer.QuerySelector("a[href='mailto:portal-help@acme.test']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Configured_texts_follow_the_reader_language()
    {
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pl");

        var page = await client.GetAsync("/");

        page.Find("footer")!.TextContent.ShouldContain("Nocna zmiana");
        // A text with no Polish version falls back to English rather than vanishing.
        page.Find("footer")!.TextContent.ShouldContain("Warsaw desk");
    }
}
