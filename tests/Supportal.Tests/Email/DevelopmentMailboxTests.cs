using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Data;
using Supportal.Email;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Email;

public sealed class DevelopmentMailboxTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Shows_queued_mail_newest_first_with_clickable_links_and_no_sign_in()
    {
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mailer = scope.ServiceProvider.GetRequiredService<Mailer>();
            mailer.Queue(db, new MailRecipient("first@customer.test", null, "en"), _ => new MailContent("First <subject>", ["Older"]));
            await db.SaveChangesAsync();
            mailer.Queue(db, new MailRecipient("second@customer.test", null, "en"),
                _ => new MailContent("Second", ["Confirm here"], "Confirm", "http://localhost/confirm?id=1&code=a+b"));
            await db.SaveChangesAsync();
        }
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/dev/mailbox");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.FindAll(".mail-subject").Select(s => s.TextContent).Take(2).ShouldBe(["Second", "First <subject>"]);
        page.Find(".mail-message a[href='http://localhost/confirm?id=1&code=a+b']").ShouldNotBeNull();
    }
}

public sealed class ProductionPortal : PortalFactory
{
    public ProductionPortal() => Environment = "Production";
}

public sealed class ProductionMailboxTests(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task The_development_mailbox_does_not_exist_outside_development()
    {
        using var client = portal.CreatePortalClient();

        var response = await client.Http.GetAsync("/dev/mailbox");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outside_development_every_cookie_is_secure_http_only_and_same_site()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetAsync("/Account/Login");
        var codePage = await client.SubmitAsync(login.Form(), new Dictionary<string, string>
        {
            ["Input.Login"] = "customer@example.com", ["Input.Password"] = PortalFactory.DemoPassword,
        }, follow: false);
        var signedIn = await client.EnterCodeAsync(await client.FollowAsync(codePage.Response), "customer@example.com");
        signedIn.Path.ShouldBe("/Dashboard");

        var setCookies = login.Response.Headers.GetValues("Set-Cookie").Concat(codePage.Response.Headers.GetValues("Set-Cookie")).ToList();
        setCookies.ShouldContain(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        setCookies.ShouldContain(c => c.StartsWith("Identity.TwoFactorUserId", StringComparison.Ordinal));
        setCookies.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase)
            && c.Contains("; httponly", StringComparison.OrdinalIgnoreCase)
            && (c.Contains("; samesite=lax", StringComparison.OrdinalIgnoreCase) || c.Contains("; samesite=strict", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Sign_in_page_shows_no_demo_password_outside_development()
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync("/Account/Login");

        page.Text.ShouldNotContain(PortalFactory.DemoPassword);
    }
}
