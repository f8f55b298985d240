using System.Net;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;

namespace Supportal.Tests.Accounts;

public sealed class SignInTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Demo_customer_signs_in_lands_on_the_dashboard_and_signs_out()
    {
        using var client = portal.CreatePortalClient();

        var dashboard = await client.SignInAsync("customer@example.com");

        dashboard.Path.ShouldBe("/Dashboard");
        dashboard.Find("h1")!.TextContent.ShouldBe("Welcome, Chris Taylor");
        var home = await client.SubmitAsync(dashboard.Form("header form[action='/Account/Logout']"));
        home.Path.ShouldBe("/");
        (await client.Http.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("customer@example.com", "wrong-password-123")]
    [InlineData("nobody@example.com", PortalFactory.DemoPassword)]
    public async Task Wrong_password_and_unknown_login_get_the_same_message_and_no_session(string login, string password)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.SignInAsync(login, password);

        page.Path.ShouldBe("/Account/Login");
        page.Find(".validation-summary-errors")!.TextContent.Trim().ShouldStartWith("The login or password is not correct.");
        page.Find("input[name='Input.Login']")!.GetAttribute("value").ShouldBe(login);
        (await client.Http.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Empty_fields_are_explained_next_to_each_field()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.SignInAsync("", "");

        page.FieldError("Input.Login").ShouldBe("Login is required.");
        page.FieldError("Input.Password").ShouldBe("Password is required.");
    }

    [Fact]
    public async Task Return_url_is_followed_only_within_the_portal()
    {
        using var client = portal.CreatePortalClient();
        var login = await SignInPage.OpenAsync(client, returnUrl: "https://evil.test/");

        var codePage = await login.SubmitAsync("customer@example.com");
        var page = await client.EnterCodeAsync(codePage, "customer@example.com");

        page.Path.ShouldBe("/Dashboard");
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Forged", ["Input.LastName"] = "Post", ["Input.Email"] = "forged@customer.test",
            ["Input.Company"] = "X", ["Input.Phone"] = "+48 600 000 000", ["Input.Password"] = "correct horse battery staple",
            ["Input.ConfirmPassword"] = "correct horse battery staple", ["Input.Language"] = "en",
            ["Input.ContractNumber"] = Supportal.Data.DemoData.ContractNumber, ["Input.ActivationCode"] = Supportal.Data.DemoData.ContractKey,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await portal.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == "forged@customer.test")))).ShouldBeFalse();
    }

    [Fact]
    public async Task Sign_in_page_lists_the_demo_accounts_in_development()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/Account/Login");

        page.Text.ShouldContain(PortalFactory.DemoPassword);
        page.Text.ShouldContain("orders@example.com");
    }
}

/// <summary>Its own app, so the limiter's window is not shared with other tests.</summary>
public sealed class SignInRateLimitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Repeated_sign_in_attempts_from_one_address_are_slowed_down()
    {
        using var client = portal.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < AccountsSetup.PostsPerMinutePerAddress; i++)
            statuses.Add((await client.SignInAsync($"person{i}@example.com", $"guess-number-{i}")).Status);

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        var refused = await client.SignInAsync("customer@example.com");
        refused.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Find("h1")!.TextContent.ShouldBe("Too many attempts");
    }
}
