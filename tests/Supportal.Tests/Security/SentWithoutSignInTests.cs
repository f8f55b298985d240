using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tests.Workspace;

namespace Supportal.Tests.Security;

/// <summary>
/// "Submit a request" files a request under the account of the address typed in, and nobody proved that address is
/// theirs: the customer and the agents can tell such a request from one sent signed in.
/// </summary>
public sealed partial class SentWithoutSignInTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Mark = "[data-sent-without-sign-in]";

    [Fact]
    public async Task A_request_submitted_for_an_existing_customers_address_is_marked_for_the_customer_and_the_agent()
    {
        var customer = await portal.CreateUserAsync("marked.customer@customer.test", "Maja", "Znana", language: "pl");
        await portal.AgentAsync("marked.agent@agent.test");
        using var stranger = portal.CreatePortalClient();
        var form = await stranger.GetAsync("/Requests/Submit");

        var done = await stranger.SubmitAsync(form.Form(), SecurityForms.SubmitValues(form, customer.Email!, "Please reset my contract"));
        var number = long.Parse(Number().Match(done.Find("[data-submitted]")!.TextContent).Groups[1].Value, CultureInfo.InvariantCulture);

        (await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == number).Select(t => t.RequesterId).SingleAsync())).ShouldBe(customer.Id);
        using var owner = await portal.SignedInAsync(customer.Email!);
        var request = await owner.GetAsync($"/Tickets/{number}");
        request.Find(Mark)!.TextContent.ShouldContain("Wysłane bez logowania");
        using var agent = await portal.SignedInAsync("marked.agent@agent.test");
        var ticket = await agent.GetAsync($"/Agent/Tickets/{number}");
        ticket.Find(Mark)!.TextContent.ShouldContain("Sent without signing in");
        ticket.Find($"{Mark}[title]")!.GetAttribute("title").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_request_sent_signed_in_carries_no_mark()
    {
        var customer = await portal.CreateUserAsync("signed.customer@customer.test");
        await portal.AgentAsync("signed.agent@agent.test");
        using var owner = await portal.SignedInAsync(customer.Email!);
        var form = await owner.GetAsync("/Tickets/New");

        var created = await owner.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.Subject"] = "Signed in request", ["Input.Description"] = "Sent after signing in.",
        });

        created.Path.ShouldStartWith("/Tickets/");
        created.Find("[data-ticket-title]").ShouldNotBeNull();
        created.Find(Mark).ShouldBeNull();
        var number = await portal.WithDbAsync(db => db.Tickets.Where(t => t.Subject == "Signed in request").Select(t => t.Id).SingleAsync());
        using var agent = await portal.SignedInAsync("signed.agent@agent.test");
        var ticket = await agent.GetAsync($"/Agent/Tickets/{number}");
        ticket.Find("[data-ticket-title]").ShouldNotBeNull();
        ticket.Find(Mark).ShouldBeNull();
    }

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex Number();
}
