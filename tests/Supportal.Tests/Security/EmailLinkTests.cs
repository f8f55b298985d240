using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Platform;

namespace Supportal.Tests.Security;

/// <summary>Links in e-mails lead to the portal's configured address, whatever Host a request claims.</summary>
public sealed partial class EmailLinkTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>A client whose requests say "Host: attacker.example", as a script can.</summary>
    private PortalClient ForgedHostClient()
    {
        var cookies = new CookieContainer();
        return new PortalClient(portal.CreateDefaultClient(new Uri("https://attacker.example"), new CookieContainerHandler(cookies)), portal, cookies);
    }

    private async Task<List<string>> LinksInMailsToAsync(string email) =>
        (await portal.MailsToAsync(email)).SelectMany(m => Url().Matches(m.TextBody + m.HtmlBody).Select(x => x.Value)).ToList();

    [Fact]
    public async Task A_reset_link_requested_with_a_forged_host_points_at_the_public_address()
    {
        await portal.CreateUserAsync("links.reset@customer.test");
        using var attacker = ForgedHostClient();

        var form = await attacker.GetAsync("/Account/ForgotPassword");
        await attacker.SubmitAsync(form.Form(), new Dictionary<string, string> { ["Input.Email"] = "links.reset@customer.test" });

        var links = await LinksInMailsToAsync("links.reset@customer.test");
        links.ShouldContain(l => l.StartsWith("https://localhost/Account/ResetPassword?", StringComparison.Ordinal));
        links.ShouldAllBe(l => l.StartsWith("https://localhost/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confirmation_and_request_links_ignore_a_forged_host()
    {
        using var attacker = ForgedHostClient();
        var signUp = await attacker.GetAsync("/Account/Register");
        await attacker.SubmitAsync(signUp.Form(), new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Hanna", ["Input.LastName"] = "Link", ["Input.Email"] = "links.signup@customer.test",
            ["Input.Company"] = "Links", ["Input.Phone"] = "+48 600 100 200", ["Input.Password"] = "amber harbour violin kettle",
            ["Input.ConfirmPassword"] = "amber harbour violin kettle", ["Input.Language"] = "en",
            ["Input.ContractNumber"] = DemoData.ContractNumber, ["Input.ActivationCode"] = DemoData.ContractKey,
        });
        var submit = await attacker.GetAsync("/Requests/Submit");
        var service = submit.FindAll("select[name='Input.ServiceId'] option").Select(o => o.GetAttribute("value")).First(v => v is { Length: > 0 })!;
        await attacker.UploadAsync(submit.Form(), "Files", "notes.txt", Encoding.UTF8.GetBytes("notes"), new Dictionary<string, string>
        {
            ["Input.Name"] = "Piotr Link", ["Input.Email"] = "links.submit@newcustomer.test", ["Input.ServiceId"] = service,
            ["Input.Subject"] = "Links in mails", ["Input.Description"] = "Where do the links point?",
        });

        var confirmation = await LinksInMailsToAsync("links.signup@customer.test");
        confirmation.ShouldContain(l => l.StartsWith("https://localhost/Account/ConfirmEmail?", StringComparison.Ordinal));
        var request = await LinksInMailsToAsync("links.submit@newcustomer.test");
        // A new address gets "set your password" in place of the request's link.
        request.ShouldContain(l => l.StartsWith("https://localhost/Account/ResetPassword?", StringComparison.Ordinal));
        confirmation.Concat(request).ShouldAllBe(l => l.StartsWith("https://localhost/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_development_without_the_setting_links_start_with_the_address_the_portal_listens_on()
    {
        var development = new PortalFactory();
        await development.InitializeAsync();
        try
        {
            development.Settings.Remove("Portal:PublicUrl");
            development.UseKestrel(0);
            development.StartServer();
            var listening = new Uri(development.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

            using var scope = development.Services.CreateScope();
            var link = scope.ServiceProvider.GetRequiredService<AccountLinks>().Page("/Account/Login");

            new Uri(link).Port.ShouldBe(listening.Port);
            link.ShouldEndWith("/Account/Login");
        }
        finally
        {
            await ((IAsyncLifetime)development).DisposeAsync();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("support.example.com")]
    [InlineData("https://support.example.com/?from=mail")]
    public async Task Outside_development_the_app_does_not_start_without_a_valid_public_address(string value)
    {
        var storage = Directory.CreateTempSubdirectory("supportal-config-").FullName;
        try
        {
            var (exitCode, output, errors) = await StartupTests.RunAppAsync(new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Storage__Root"] = storage,
                ["Portal__PublicUrl"] = value,
            });

            exitCode.ShouldBe(2);
            errors.ShouldContain("Portal:PublicUrl");
            output.ShouldNotContain("Now listening");
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Url();
}
