using System.Net;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Platform;

public sealed class ShellTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_page_shows_the_shell_in_English_by_default()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find("html")!.GetAttribute("lang").ShouldBe("en");
        page.Find(".navbar-brand")!.TextContent.ShouldContain("Supportal");
        page.FindAll("#sidebar .nav-link").Select(a => a.TextContent.Trim()).ShouldBe(["Help center", "Downloads", "Service status", "Contact"]);
        page.Find("a[href='/Account/Login']").ShouldNotBeNull();
        var footer = page.Find("footer")!.TextContent;
        footer.ShouldContain("+48 12 345 67 00");
        footer.ShouldContain("Polish team");
        footer.ShouldContain("Mon–Fri 08:00–16:00");
        footer.ShouldContain("maintenance@localhost");
    }

    [Fact]
    public async Task Choosing_Polski_switches_the_pages_to_Polish_and_is_remembered_in_a_cookie()
    {
        using var client = portal.CreatePortalClient();
        var home = await client.GetAsync("/Contact");

        var switched = await client.SubmitAsync(home.Form("form.language-switch"), submitter: home.Find("form.language-switch button[value=pl]") as AngleSharp.Html.Dom.IHtmlElement);

        switched.Path.ShouldBe("/Contact");
        switched.Find("html")!.GetAttribute("lang").ShouldBe("pl");
        switched.Find("h1")!.TextContent.ShouldBe("Kontakt ze wsparciem technicznym");
        switched.Find("footer")!.TextContent.ShouldContain("Zespół polski");
        switched.Find("footer")!.TextContent.ShouldContain("pon.–pt. 08:00–16:00");
        (await client.GetAsync("/")).Find("a[href='/Account/Login']")!.TextContent.Trim().ShouldBe("Zaloguj");
    }

    [Fact]
    public async Task An_unsupported_language_is_refused()
    {
        using var client = portal.CreatePortalClient();
        var home = await client.GetAsync("/");

        var response = await client.SubmitAsync(home.Form("form.language-switch"), new Dictionary<string, string> { ["culture"] = "xx" });

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Signed_in_customer_sees_register_contract_and_two_ticket_shortcuts_but_no_staff_entries()
    {
        using var client = portal.CreatePortalClient();
        var dashboard = await client.SignInAsync("customer@example.com");

        dashboard.Path.ShouldBe("/Dashboard");
        var topbar = dashboard.Find("header")!;
        topbar.QuerySelector("a.btn[href='/Contracts/Register']")!.TextContent.ShouldContain("Register contract");
        topbar.QuerySelectorAll("a.btn[href^='/Tickets/New']").Length.ShouldBe(2);
        topbar.TextContent.ShouldContain("Sign out");
        dashboard.FindAll("#sidebar .nav-link").Select(a => a.TextContent.Trim()).ShouldBe(["Dashboard", "My activities", "Contracts", "Help center", "Downloads", "Service status", "Contact"]);
    }

    [Fact]
    public async Task Admin_sees_the_admin_entry_and_no_customer_shortcuts()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.SignInAsync("admin@example.com");

        // The demo admin prefers Polish: the language comes with the account.
        page.Find("html")!.GetAttribute("lang").ShouldBe("pl");
        page.FindAll("#sidebar .nav-link").Select(a => a.GetAttribute("href")).ShouldContain("/Admin");
        page.Find("header a[href='/Contracts/Register']").ShouldBeNull();
    }

    [Fact]
    public async Task Language_chosen_while_signed_in_is_kept_on_the_account()
    {
        using (var client = portal.CreatePortalClient())
        {
            var page = await client.SignInAsync("agent@example.com");
            page.Find("html")!.GetAttribute("lang").ShouldBe("en");
            var switched = await client.SubmitAsync(page.Form("form.language-switch"), new Dictionary<string, string> { ["culture"] = "pl" });
            switched.Find("html")!.GetAttribute("lang").ShouldBe("pl");
        }
        var stored = await portal.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == "agent@example.com").Language));
        stored.ShouldBe("pl");

        // Another browser, with no language cookie, gets Polish as soon as the agent signs in.
        using var other = portal.CreatePortalClient();
        (await other.SignInAsync("agent@example.com")).Find("html")!.GetAttribute("lang").ShouldBe("pl");
    }

    [Theory]
    [InlineData("en", "Page not found")]
    [InlineData("pl", "Nie znaleziono strony")]
    public async Task Unknown_address_gets_the_friendly_not_found_page(string language, string title)
    {
        using var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var page = await client.GetAsync("/no/such/page");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Find("h1")!.TextContent.ShouldBe(title);
        page.Find("footer").ShouldNotBeNull();
    }

    [Fact]
    public async Task Api_errors_are_problem_details()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/api/no-such-endpoint");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Health_answers_healthy_while_the_database_answers()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Pages_send_security_headers()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/");

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
    }
}
