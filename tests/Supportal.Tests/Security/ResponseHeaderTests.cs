using System.Net;
using Supportal.Accounts;
using Supportal.Tests.Email;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Security;

/// <summary>Production answers: HSTS for an https public address, and a refusal that says when to come back.</summary>
public sealed class ResponseHeaderTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task With_an_https_public_address_browsers_are_told_to_keep_to_https()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/");

        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
    }

    [Fact]
    public async Task Every_refusal_for_too_many_attempts_says_when_to_try_again()
    {
        using var client = portal.CreatePortalClient();
        HttpResponseMessage response;
        var posts = 0;
        do
        {
            // No antiforgery token: the limiter counts the attempt before the form is even read.
            response = await client.Http.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = $"x{posts}@example.com" }));
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests && ++posts <= AccountsSetup.PostsPerMinutePerAddress);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
    }
}

/// <summary>Development runs on plain http://localhost; no HSTS there.</summary>
public sealed class DevelopmentHeaderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task In_development_no_hsts_is_sent()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/");

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }
}
