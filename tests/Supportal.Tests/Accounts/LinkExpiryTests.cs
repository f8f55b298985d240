using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Accounts;

/// <summary>
/// Identity's link tokens read the system clock, not the injected one, so expiry is shown with one-second
/// lifespans and the real lifespans are checked as configured.
/// </summary>
public sealed class ShortLinksPortal : PortalFactory
{
    public ShortLinksPortal() => TestServices = services =>
    {
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromSeconds(1));
        services.Configure<ConfirmationTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromSeconds(1));
    };
}

public sealed class TokenLifespanTests(PortalFactory real) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Reset_links_last_a_day_and_confirmation_links_a_week()
    {
        real.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan.ShouldBe(TimeSpan.FromHours(24));
        real.Services.GetRequiredService<IOptions<ConfirmationTokenProviderOptions>>().Value.TokenLifespan.ShouldBe(TimeSpan.FromDays(7));
        real.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Tokens.EmailConfirmationTokenProvider.ShouldBe(ConfirmationTokenProvider.ProviderName);
    }
}

public sealed class LinkExpiryTests(ShortLinksPortal portal) : IClassFixture<ShortLinksPortal>
{
    [Fact]
    public async Task An_expired_password_link_is_refused()
    {
        await portal.CreateUserAsync("slow.reader@customer.test");
        using var client = portal.CreatePortalClient();
        var forgot = await client.GetAsync("/Account/ForgotPassword");
        await client.SubmitAsync(forgot.Form(), new Dictionary<string, string> { ["Input.Email"] = "slow.reader@customer.test" });
        var link = await portal.LinkInLatestMailAsync("slow.reader@customer.test", "ResetPassword");

        await Eventually.TrueAsync(async () => (await client.GetAsync(link)).Find("h1")!.TextContent == "This link cannot be used", "the link to expire");
    }

    [Fact]
    public async Task An_expired_confirmation_link_leaves_the_address_unconfirmed()
    {
        var user = await portal.CreateUserAsync("late.confirmer@customer.test");
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
        stored.EmailConfirmed = false;
        await users.UpdateAsync(stored);
        var token = await users.GenerateEmailConfirmationTokenAsync(stored);
        // Wait without spending the link: opening it early would confirm the address.
        await Eventually.TrueAsync(async () => !await users.VerifyUserTokenAsync(stored, ConfirmationTokenProvider.ProviderName, UserManager<ApplicationUser>.ConfirmEmailTokenPurpose, token), "the link to expire");
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync($"/Account/ConfirmEmail?userId={user.Id}&code={Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}");

        page.Find("h1")!.TextContent.ShouldBe("This link cannot be used");
        (await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id))).EmailConfirmed.ShouldBeFalse();
    }
}
