using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Security;

/// <summary>
/// Passkeys without a browser: who may see and change them, and how the sign-in answers what is not a passkey. The
/// WebAuthn ceremonies themselves run in Chromium (Supportal.EndToEnd, PasskeyTests).
/// </summary>
public sealed class PasskeyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// A stored passkey as Identity keeps one. Its key is no real key: these tests never sign in with it, they only
    /// list, rename and remove it.
    /// </summary>
    private async Task<string> AddPasskeyAsync(ApplicationUser user, string name)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var passkey = new UserPasskeyInfo(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(77), portal.Clock.GetUtcNow(),
            signCount: 0, transports: ["internal"], isUserVerified: true, isBackupEligible: false, isBackedUp: false,
            attestationObject: [0xA0], clientDataJson: [0x7B, 0x7D])
        {
            Name = name,
        };
        (await users.AddOrUpdatePasskeyAsync((await users.FindByIdAsync(user.Id.ToString()))!, passkey)).Succeeded.ShouldBeTrue();
        return PasskeyId.Format(passkey.CredentialId);
    }

    private Task<List<string?>> PasskeyNamesAsync(Guid userId) => portal.WithDbAsync(async db =>
        (await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == userId).ToListAsync()).Select(p => p.Data.Name).ToList());

    private Task<List<string?>> AuditAsync(Guid? userId, string action) => portal.WithDbAsync(db =>
        db.AuditEvents.Where(a => a.UserId == userId && a.Action == action).Select(a => a.Detail).ToListAsync());

    [Theory]
    [InlineData("/Account/Manage/Passkeys")]
    [InlineData("/Account/Manage/RemovePasskey?id=AAAA")]
    [InlineData("/Account/Manage/RenamePasskey?id=AAAA")]
    public async Task The_passkey_pages_ask_for_sign_in_first(string path)
    {
        using var client = portal.CreatePortalClient();

        var page = await client.GetAsync(path);

        page.Path.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task The_profile_lists_each_passkey_with_its_name_when_it_was_added_and_its_last_use()
    {
        var user = await portal.CreateUserAsync("passkeys.list@customer.test");
        await AddPasskeyAsync(user, "Work laptop");
        var phone = await AddPasskeyAsync(user, "Phone");
        await portal.WithDbAsync(async db =>
        {
            await PasskeyUse.RecordAsync(db, user.Id, PasskeyId.Parse(phone)!, portal.Clock.GetUtcNow().UtcDateTime);
            return true;
        });
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);

        var page = await client.GetAsync("/Account/Manage/Passkeys");

        page.Find("nav a[aria-current=page]")!.TextContent.Trim().ShouldBe("Passkeys");
        var rows = page.FindAll("[data-passkey-id]").ToList();
        rows.Select(r => r.QuerySelector("[data-passkey-name]")!.TextContent).ShouldBe(["Work laptop", "Phone"], ignoreOrder: true);
        rows.Single(r => r.TextContent.Contains("Work laptop")).TextContent.ShouldContain("not used yet");
        var phoneRow = rows.Single(r => r.GetAttribute("data-passkey-id") == phone);
        phoneRow.TextContent.ShouldContain("last used");
        phoneRow.QuerySelectorAll("time").Length.ShouldBe(2);
        page.Form("form[data-passkey=create]").QuerySelector("input[name='Input.Name']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_options_for_a_new_passkey_name_this_account_and_leave_out_the_passkeys_it_has()
    {
        var user = await portal.CreateUserAsync("passkeys.options@customer.test", "Ewa", "Lis");
        var existing = await AddPasskeyAsync(user, "Old key");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var page = await client.GetAsync("/Account/Manage/Passkeys");

        var answer = await client.Http.PostAsync("/Account/Manage/Passkeys?handler=Options",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page) }));

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var options = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        // The relying party is the host the request came to (the test client's "localhost").
        options.RootElement.GetProperty("rp").GetProperty("id").GetString().ShouldBe("localhost");
        options.RootElement.GetProperty("user").GetProperty("name").GetString().ShouldBe(user.Email);
        options.RootElement.GetProperty("user").GetProperty("displayName").GetString().ShouldBe("Ewa Lis");
        options.RootElement.GetProperty("excludeCredentials").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe([existing]);
        options.RootElement.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString().ShouldBe("required");
    }

    [Fact]
    public async Task Nobody_can_remove_or_rename_another_accounts_passkey_by_its_id()
    {
        var victim = await portal.CreateUserAsync("passkeys.victim@customer.test");
        var intruder = await portal.CreateUserAsync("passkeys.intruder@customer.test");
        var victimsPasskey = await AddPasskeyAsync(victim, "Victim's phone");
        var intrudersPasskey = await AddPasskeyAsync(intruder, "Intruder's laptop");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(intruder.Email!);

        (await client.GetAsync($"/Account/Manage/RemovePasskey?id={victimsPasskey}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/Account/Manage/RenamePasskey?id={victimsPasskey}")).Status.ShouldBe(HttpStatusCode.NotFound);
        // The intruder's own, valid forms and antiforgery tokens, aimed at the victim's passkey.
        var remove = (await client.GetAsync($"/Account/Manage/RemovePasskey?id={intrudersPasskey}")).Form();
        remove.SetAttribute("action", $"/Account/Manage/RemovePasskey?id={victimsPasskey}");
        (await client.SubmitAsync(remove)).Status.ShouldBe(HttpStatusCode.NotFound);
        var rename = (await client.GetAsync($"/Account/Manage/RenamePasskey?id={intrudersPasskey}")).Form();
        rename.SetAttribute("action", $"/Account/Manage/RenamePasskey?id={victimsPasskey}");
        (await client.SubmitAsync(rename, new Dictionary<string, string> { ["Input.Name"] = "Mine now" })).Status.ShouldBe(HttpStatusCode.NotFound);
        // Nor an id that is no passkey at all.
        (await client.GetAsync("/Account/Manage/RemovePasskey?id=not*an*id")).Status.ShouldBe(HttpStatusCode.NotFound);

        (await PasskeyNamesAsync(victim.Id)).ShouldBe(["Victim's phone"]);
        (await PasskeyNamesAsync(intruder.Id)).ShouldBe(["Intruder's laptop"]);
        (await AuditAsync(victim.Id, AuditActions.PasskeyRemoved)).ShouldBeEmpty();
        (await AuditAsync(intruder.Id, AuditActions.PasskeyRemoved)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Removing_a_passkey_asks_first_and_takes_a_post_with_the_antiforgery_token()
    {
        var user = await portal.CreateUserAsync("passkeys.remove@customer.test");
        var id = await AddPasskeyAsync(user, "Spare key");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);

        var list = await client.GetAsync("/Account/Manage/Passkeys");
        var confirm = await client.GetAsync(list.Find($"[data-passkey-id='{id}'] a[href*=RemovePasskey]")!.GetAttribute("href")!);
        confirm.Text.ShouldContain("Remove the passkey “Spare key”?");
        (await PasskeyNamesAsync(user.Id)).ShouldBe(["Spare key"]);

        var forged = await client.Http.PostAsync($"/Account/Manage/RemovePasskey?id={id}", new FormUrlEncodedContent([]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PasskeyNamesAsync(user.Id)).ShouldBe(["Spare key"]);

        var after = await client.SubmitAsync(confirm.Form());

        after.Path.ShouldBe("/Account/Manage/Passkeys");
        after.Find("[role=status]")!.TextContent.ShouldBe("The passkey has been removed.");
        after.Find("[data-no-passkeys]").ShouldNotBeNull();
        (await PasskeyNamesAsync(user.Id)).ShouldBeEmpty();
        (await AuditAsync(user.Id, AuditActions.PasskeyRemoved)).ShouldBe(["Spare key"]);
        // Still signed in: the removal reissued this browser's cookie.
        (await client.GetAsync("/Account/Manage/Passkeys")).Path.ShouldBe("/Account/Manage/Passkeys");
    }

    [Fact]
    public async Task A_passkey_can_be_renamed_and_the_name_is_checked()
    {
        var user = await portal.CreateUserAsync("passkeys.rename@customer.test");
        var id = await AddPasskeyAsync(user, "Chrome · Linux");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var page = await client.GetAsync($"/Account/Manage/RenamePasskey?id={id}");

        var empty = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Name"] = " " });
        empty.FieldError("Input.Name").ShouldNotBeEmpty();
        var after = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Name"] = "  Home desktop " });

        after.Find("[role=status]")!.TextContent.ShouldBe("The passkey has been renamed.");
        (await PasskeyNamesAsync(user.Id)).ShouldBe(["Home desktop"]);
        (await AuditAsync(user.Id, AuditActions.PasskeyRenamed)).ShouldBe(["Home desktop"]);
    }

    [Fact]
    public async Task Adding_a_passkey_without_a_passkey_from_the_browser_explains_what_is_missing()
    {
        var user = await portal.CreateUserAsync("passkeys.noscript@customer.test");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var page = await client.GetAsync("/Account/Manage/Passkeys");

        // As a browser without JavaScript posts it, and as a forged answer with no creation under way.
        var noScript = await client.SubmitAsync(page.Form("form[data-passkey=create]"));
        var forged = await client.SubmitAsync(page.Form("form[data-passkey=create]"), new Dictionary<string, string> { ["Input.CredentialJson"] = "{\"id\":\"AAAA\"}" });

        noScript.Status.ShouldBe(HttpStatusCode.OK);
        noScript.Find(".alert-danger")!.TextContent.ShouldContain("Passkeys need JavaScript");
        forged.Status.ShouldBe(HttpStatusCode.OK);
        forged.Find(".alert-danger")!.TextContent.ShouldContain("The passkey could not be added.");
        (await PasskeyNamesAsync(user.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sign_in_page_offers_a_passkey_and_the_options_name_no_account()
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/Account/Login");

        var form = page.Form("form[data-passkey=get]");
        form.GetAttribute("action").ShouldBe("/Account/LoginWithPasskey");
        form.QuerySelector("button[type=submit]")!.TextContent.Trim().ShouldBe("Sign in with a passkey");
        var answer = await client.Http.PostAsync(form.GetAttribute("data-options"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page) }));

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var options = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        options.RootElement.GetProperty("rpId").GetString().ShouldBe("localhost");
        options.RootElement.GetProperty("challenge").GetString().ShouldNotBeNullOrEmpty();
        if (options.RootElement.TryGetProperty("allowCredentials", out var allowed))
            allowed.GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("", "Passkeys need JavaScript")]
    [InlineData("not json", "That passkey did not sign you in.")]
    [InlineData("{\"id\":\"AAAA\",\"type\":\"public-key\"}", "That passkey did not sign you in.")]
    public async Task A_passkey_sign_in_that_fails_says_so_and_signs_nobody_in(string credentialJson, string message)
    {
        var user = await portal.CreateUserAsync($"passkeys.fail{credentialJson.Length}@customer.test");
        var id = await AddPasskeyAsync(user, "Phone");
        using var client = portal.CreatePortalClient();
        var login = await client.GetAsync("/Account/Login");
        // Asks for a challenge first, as the page's script does, so Identity has a sign-in under way to fail.
        await client.Http.PostAsync("/Account/LoginWithPasskey?handler=Options",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(login) }));
        var failedBefore = (await AuditAsync(null, AuditActions.SignInFailed)).Count + (await AuditAsync(user.Id, AuditActions.SignInFailed)).Count;

        var answer = await client.SubmitAsync(login.Form("form[data-passkey=get]"), new Dictionary<string, string>
        {
            ["CredentialJson"] = credentialJson.Replace("AAAA", id, StringComparison.Ordinal),
        });

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Path.ShouldBe("/Account/LoginWithPasskey");
        answer.Find(".alert-danger")!.TextContent.ShouldContain(message);
        (await client.Http.GetAsync("/Account/Manage")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        if (credentialJson.Length > 0)
        {
            var failedAfter = (await AuditAsync(null, AuditActions.SignInFailed)).Count + (await AuditAsync(user.Id, AuditActions.SignInFailed)).Count;
            failedAfter.ShouldBe(failedBefore + 1);
        }
        (await AuditAsync(user.Id, AuditActions.PasskeySignIn)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_passkey_answer_with_no_sign_in_under_way_is_a_failed_sign_in_not_an_error()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetAsync("/Account/Login");

        var answer = await client.SubmitAsync(login.Form("form[data-passkey=get]"), new Dictionary<string, string> { ["CredentialJson"] = "{\"id\":\"AAAA\"}" });

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Find(".alert-danger")!.TextContent.ShouldContain("That passkey did not sign you in.");
    }

    private static string Token(Page page) =>
        page.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
