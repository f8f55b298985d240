using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Accounts;

public sealed class TokenLifespanTests(PortalFactory real) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Reset_links_last_a_day_and_confirmation_links_a_week()
    {
        real.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan.ShouldBe(TimeSpan.FromHours(24));
        real.Services.GetRequiredService<IOptions<ConfirmationTokenProviderOptions>>().Value.TokenLifespan.ShouldBe(TimeSpan.FromDays(7));
        real.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Tokens.EmailConfirmationTokenProvider.ShouldBe(ConfirmationTokenProvider.ProviderName);
    }

    [Fact]
    public async Task Links_sent_by_identitys_own_provider_still_open_and_the_portals_open_with_it()
    {
        // Links e-mailed before the portal counted their lifespans on its own clock must keep working, and the other way
        // round. Identity's provider dates its tokens by the system clock, which this fixture's clock, never moved, agrees with.
        var user = await real.CreateUserAsync("upgrade.reader@customer.test");
        using var scope = real.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var identitys = new DataProtectorTokenProvider<ApplicationUser>(scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(),
            scope.ServiceProvider.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>(), NullLogger<DataProtectorTokenProvider<ApplicationUser>>.Instance);
        const string purpose = UserManager<ApplicationUser>.ResetPasswordTokenPurpose;

        var old = await identitys.GenerateAsync(purpose, users, user);
        (await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, purpose, old)).ShouldBeTrue();

        var current = await users.GeneratePasswordResetTokenAsync(user);
        (await identitys.ValidateAsync(purpose, current, users, user)).ShouldBeTrue();
        // A token opens only for what it was made for.
        (await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ConfirmEmailTokenPurpose, current)).ShouldBeFalse();
    }
}

/// <summary>E-mailed links run out on the portal's clock, which the tests move past their lifespans.</summary>
public sealed class LinkExpiryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Refused = "This link cannot be used";

    private async Task<(ApplicationUser User, string Token)> UnconfirmedAsync(string email)
    {
        var user = await portal.CreateUserAsync(email);
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
        stored.EmailConfirmed = false;
        await users.UpdateAsync(stored);
        return (stored, await users.GenerateEmailConfirmationTokenAsync(stored));
    }

    private static string ConfirmationLink(ApplicationUser user, string token) =>
        $"/Account/ConfirmEmail?userId={user.Id}&code={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}";

    private Task<bool> ConfirmedAsync(ApplicationUser user) => portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.EmailConfirmed).SingleAsync());

    [Fact]
    public async Task A_password_link_opens_for_a_day_and_is_refused_after()
    {
        await portal.CreateUserAsync("slow.reader@customer.test");
        using var client = portal.CreatePortalClient();
        var forgot = await client.GetAsync("/Account/ForgotPassword");
        await client.SubmitAsync(forgot.Form(), new Dictionary<string, string> { ["Input.Email"] = "slow.reader@customer.test" });
        var link = await portal.LinkInLatestMailAsync("slow.reader@customer.test", "ResetPassword");

        portal.Clock.Advance(TimeSpan.FromHours(24));
        (await client.GetAsync(link)).Find("h1")!.TextContent.ShouldNotBe(Refused);

        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        (await client.GetAsync(link)).Find("h1")!.TextContent.ShouldBe(Refused);
    }

    [Fact]
    public async Task A_confirmation_link_works_for_a_week_and_an_expired_one_leaves_the_address_unconfirmed()
    {
        var (punctual, punctualToken) = await UnconfirmedAsync("week.confirmer@customer.test");
        var (late, lateToken) = await UnconfirmedAsync("late.confirmer@customer.test");
        using var client = portal.CreatePortalClient();

        portal.Clock.Advance(TimeSpan.FromDays(7));
        (await client.GetAsync(ConfirmationLink(punctual, punctualToken))).Find("h1")!.TextContent.ShouldNotBe(Refused);
        (await ConfirmedAsync(punctual)).ShouldBeTrue();

        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        (await client.GetAsync(ConfirmationLink(late, lateToken))).Find("h1")!.TextContent.ShouldBe(Refused);
        (await ConfirmedAsync(late)).ShouldBeFalse();
    }
}
