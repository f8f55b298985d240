using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;

namespace Supportal.Tests.Security;

/// <summary>The portal with its password hasher counted, to see how much work each sign-in try does.</summary>
public sealed class CountedHashingPortal : PortalFactory
{
    private int verifications;

    public CountedHashingPortal() => TestServices = services =>
        services.AddScoped<IPasswordHasher<ApplicationUser>>(provider =>
            new CountingHasher(new PasswordHasher<ApplicationUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()), this));

    public int Verifications => Volatile.Read(ref verifications);

    private sealed class CountingHasher(IPasswordHasher<ApplicationUser> real, CountedHashingPortal portal) : IPasswordHasher<ApplicationUser>
    {
        public string HashPassword(ApplicationUser user, string password) => real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref portal.verifications);
            return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Whoever tries logins cannot tell from the answers, or the work behind them, which ones have accounts.</summary>
public sealed class SignInEnumerationTests(CountedHashingPortal portal) : IClassFixture<CountedHashingPortal>
{
    [Fact]
    public async Task Existing_unconfirmed_and_unknown_logins_get_the_same_answers_after_the_same_work_at_every_try()
    {
        await portal.CreateUserAsync("enum.known@customer.test");
        var unconfirmed = await portal.CreateUserAsync("enum.unconfirmed@customer.test");
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == unconfirmed.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false)));

        async Task<List<(string Message, int Checks)>> TryAsync(string login)
        {
            using var client = portal.CreatePortalClient();
            var answers = new List<(string, int)>();
            for (var i = 0; i < 6; i++)
            {
                var before = portal.Verifications;
                var page = await (await SignInPage.OpenAsync(client)).SubmitAsync(login, $"wrong-guess-{i}-of-six");
                answers.Add((page.Find(".validation-summary-errors")!.TextContent.Trim(), portal.Verifications - before));
            }
            return answers;
        }

        var known = await TryAsync("enum.known@customer.test");
        var notConfirmed = await TryAsync("enum.unconfirmed@customer.test");
        var unknown = await TryAsync("enum.nobody@customer.test");

        notConfirmed.ShouldBe(known);
        unknown.ShouldBe(known);
        known.Select(a => a.Message[..25]).ShouldBe([.. Enumerable.Repeat("The login or password is ", 4), .. Enumerable.Repeat("Too many failed attempts.", 2)]);
        // One password check per try until the lockout; none once locked, as Identity answers a locked account.
        known.Select(a => a.Checks).ShouldBe([1, 1, 1, 1, 1, 0]);
    }

    [Fact]
    public async Task An_unknown_login_stays_locked_for_the_lockout_time_and_is_then_answered_as_before()
    {
        using var client = portal.CreatePortalClient();
        for (var i = 0; i < 5; i++)
            await (await SignInPage.OpenAsync(client)).SubmitAsync("enum.later@customer.test", $"wrong-guess-{i}-of-five");

        portal.Clock.Advance(TimeSpan.FromMinutes(14));
        var locked = await (await SignInPage.OpenAsync(client)).SubmitAsync("enum.later@customer.test", "another-wrong-guess");
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        var open = await (await SignInPage.OpenAsync(client)).SubmitAsync("enum.later@customer.test", "another-wrong-guess");

        locked.Find(".validation-summary-errors")!.TextContent.ShouldContain("Too many failed attempts.");
        open.Find(".validation-summary-errors")!.TextContent.ShouldContain("The login or password is not correct.");
    }
}
