using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Platform;

/// <summary>Secure by default: a page is for staff unless it deliberately says otherwise.</summary>
public sealed class AuthorizationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private List<PageActionDescriptor> Pages() => portal.Services.GetRequiredService<IActionDescriptorCollectionProvider>()
        .ActionDescriptors.Items.OfType<PageActionDescriptor>().ToList();


    [Fact]
    public void Only_the_public_pages_are_open_to_anonymous_visitors()
    {
        var open = Pages().Where(p => p.EndpointMetadata.OfType<IAllowAnonymous>().Any()).Select(p => p.ViewEnginePath).Distinct().Order().ToList();

        // Adding a page here is a security decision: make it on purpose.
        open.ShouldBe([
            "/Account/AccessDenied", "/Account/CheckEmail", "/Account/ConfirmEmail", "/Account/ForgotPassword", "/Account/Login",
            "/Account/LoginWithCode", "/Account/LoginWithPasskey", "/Account/LoginWithRecoveryCode", "/Account/Register", "/Account/ResendConfirmation",
            "/Account/ResetPassword", "/Account/ResetPasswordDone", "/Contact", "/Dev/Mailbox", "/Downloads/File", "/Downloads/Index", "/Error",
            "/Index", "/KnowledgeBase/Article", "/KnowledgeBase/Category", "/KnowledgeBase/Image", "/KnowledgeBase/Search",
            "/KnowledgeBase/Section", "/KnowledgeBase/Suggest", "/Language", "/Requests/Submit", "/Status/Index",
        ]);
    }

    [Fact]
    public void Pages_for_signed_in_customers_say_so_explicitly()
    {
        var customerPages = Pages()
            .Where(p => p.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == Policies.SignedIn))
            .Select(p => p.ViewEnginePath).Distinct().Order().ToList();

        customerPages.ShouldBe([
            "/Account/Logout", "/Account/Manage/Authenticator", "/Account/Manage/ChangePassword", "/Account/Manage/Index",
            "/Account/Manage/Passkeys", "/Account/Manage/RecoveryCodes", "/Account/Manage/RemoveAuthenticator",
            "/Account/Manage/RemovePasskey", "/Account/Manage/RenamePasskey", "/Account/Manage/Sessions",
            "/Account/Manage/TwoFactor", "/Contracts/Details", "/Contracts/Index", "/Contracts/Register", "/Dashboard", "/Tickets/Attachment", "/Tickets/Index",
            "/Tickets/New", "/Tickets/Request",
        ]);
    }

    [Fact]
    public async Task A_customer_is_refused_a_page_that_did_not_opt_in()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("customer@example.com");

        (await client.GetAsync("/Admin")).Status.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_customer_is_refused_the_agent_ticket_screen_even_for_their_own_request()
    {
        var customerId = await portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Users.Where(u => u.Email == "customer@example.com").Select(u => u.Id)));
        var ticket = await Supportal.Tests.Tickets.FollowData.CreateAsync(portal, customerId, "Mine, but not this screen");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("customer@example.com");

        var refused = await client.GetAsync($"/Agent/Tickets/{ticket.Id}");

        refused.Status.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        refused.Text.ShouldNotContain("Mine, but not this screen");
        (await client.GetAsync($"/Tickets/{ticket.Id}")).Status.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
