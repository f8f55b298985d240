using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Accounts;

public sealed class SessionsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string Safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private static async Task<bool> IsSignedInAsync(PortalClient client) =>
        (await client.Http.GetAsync("/Account/Manage")).StatusCode == HttpStatusCode.OK;

    private PortalClient Browser(string userAgent)
    {
        var client = portal.CreatePortalClient();
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    private Task<List<UserSession>> OpenSessionsAsync(Guid userId) =>
        portal.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync());

    [Fact]
    public async Task Two_browsers_are_listed_and_ending_the_other_one_signs_it_out()
    {
        var user = await portal.CreateUserAsync("sessions.two@customer.test");
        using var laptop = Browser(Firefox);
        using var phone = Browser(Safari);
        await laptop.SignInAsync(user.Email!);
        await phone.SignInAsync(user.Email!);

        var page = await laptop.GetAsync("/Account/Manage/Sessions");

        var rows = page.FindAll("[data-session]").ToList();
        rows.Count.ShouldBe(2);
        rows[0].TextContent.ShouldContain("Firefox · Windows");
        rows[0].TextContent.ShouldContain("This browser");
        rows[0].QuerySelector("form").ShouldBeNull();
        rows[1].TextContent.ShouldContain("Safari · iPhone");
        rows[1].TextContent.ShouldNotContain("This browser");
        rows[1].QuerySelectorAll("time").Length.ShouldBe(2);

        var after = await laptop.SubmitAsync(page.Form("[data-session] form"));

        after.Find("[role=status]")!.TextContent.ShouldBe("That browser has been signed out.");
        after.FindAll("[data-session]").Count().ShouldBe(1);
        (await IsSignedInAsync(phone)).ShouldBeFalse();
        (await IsSignedInAsync(laptop)).ShouldBeTrue();
    }

    [Fact]
    public async Task Nobody_can_see_or_end_another_accounts_session_by_its_id()
    {
        var victim = await portal.CreateUserAsync("sessions.victim@customer.test");
        var intruder = await portal.CreateUserAsync("sessions.intruder@customer.test");
        using var victimBrowser = Browser(Safari);
        await victimBrowser.SignInAsync(victim.Email!);
        using var intruderBrowser = Browser(Firefox);
        using var intruderSecond = Browser(Firefox);
        await intruderBrowser.SignInAsync(intruder.Email!);
        await intruderSecond.SignInAsync(intruder.Email!);
        var victimSession = (await OpenSessionsAsync(victim.Id)).Single().Id;

        var page = await intruderBrowser.GetAsync("/Account/Manage/Sessions");
        page.Text.ShouldNotContain("Safari");
        var form = page.Form("[data-session] form");
        // The intruder's own, valid form and antiforgery token, aimed at the victim's session id.
        form.SetAttribute("action", $"/Account/Manage/Sessions?id={victimSession}&handler=End");
        var answer = await intruderBrowser.SubmitAsync(form);

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        (await OpenSessionsAsync(victim.Id)).Select(s => s.Id).ShouldBe([victimSession]);
        (await IsSignedInAsync(victimBrowser)).ShouldBeTrue();
        (await OpenSessionsAsync(intruder.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account_this_one_included()
    {
        var user = await portal.CreateUserAsync("sessions.everywhere@customer.test");
        var bystander = await portal.CreateUserAsync("sessions.bystander@customer.test");
        using var laptop = Browser(Firefox);
        using var phone = Browser(Safari);
        using var other = Browser(Firefox);
        await laptop.SignInAsync(user.Email!);
        await phone.SignInAsync(user.Email!);
        await other.SignInAsync(bystander.Email!);
        var stampBefore = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync());
        var page = await laptop.GetAsync("/Account/Manage/Sessions");

        var after = await laptop.SubmitAsync(page.Form("form[action*='handler=Everywhere']"));

        after.Path.ShouldBe("/Account/Login");
        (await IsSignedInAsync(laptop)).ShouldBeFalse();
        (await IsSignedInAsync(phone)).ShouldBeFalse();
        (await IsSignedInAsync(other)).ShouldBeTrue();
        (await OpenSessionsAsync(user.Id)).ShouldBeEmpty();
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync())).ShouldNotBe(stampBefore);
        (await portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == user.Id && a.Action == AuditActions.SignedOutEverywhere))).ShouldBe(1);
    }
}
