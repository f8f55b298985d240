using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Accounts;

public sealed class ChangePasswordTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "correct horse battery staple";

    private static async Task<bool> IsSignedInAsync(PortalClient client) =>
        (await client.Http.GetAsync("/Account/Manage")).StatusCode == HttpStatusCode.OK;

    private static Dictionary<string, string> Fields(string current, string next, string? confirm = null) => new()
    {
        ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = confirm ?? next,
    };

    [Fact]
    public async Task A_wrong_current_password_is_said_by_that_field()
    {
        var user = await portal.CreateUserAsync("password.wrong@customer.test");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var form = await client.GetAsync("/Account/Manage/ChangePassword");

        var page = await client.SubmitAsync(form.Form(), Fields("not-my-password-at-all", NewPassword));

        page.FieldError("Input.CurrentPassword").ShouldBe("The current password is not correct.");
        page.FieldError("Input.NewPassword").ShouldBeEmpty();
        (await IsSignedInAsync(client)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_short_or_mistyped_new_password_is_said_by_the_new_password_fields()
    {
        var user = await portal.CreateUserAsync("password.short@customer.test");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var form = await client.GetAsync("/Account/Manage/ChangePassword");

        var tooShort = await client.SubmitAsync(form.Form(), Fields(PortalFactory.DemoPassword, "short-pw"));
        var mistyped = await client.SubmitAsync(tooShort.Form(), Fields(PortalFactory.DemoPassword, NewPassword, NewPassword + "!"));

        tooShort.FieldError("Input.NewPassword").ShouldBe("The password must be at least 12 characters long.");
        mistyped.FieldError("Input.ConfirmPassword").ShouldBe("The new passwords do not match.");
        using var again = portal.CreatePortalClient();
        await again.SignInAsync(user.Email!);
        (await IsSignedInAsync(again)).ShouldBeTrue("the old password still works after failed attempts");
    }

    [Fact]
    public async Task A_changed_password_signs_out_the_other_browsers_and_keeps_this_one()
    {
        var user = await portal.CreateUserAsync("password.change@customer.test");
        using var mine = portal.CreatePortalClient();
        using var other = portal.CreatePortalClient();
        await mine.SignInAsync(user.Email!);
        await other.SignInAsync(user.Email!);
        (await IsSignedInAsync(other)).ShouldBeTrue();
        var form = await mine.GetAsync("/Account/Manage/ChangePassword");

        var page = await mine.SubmitAsync(form.Form(), Fields(PortalFactory.DemoPassword, NewPassword));

        page.Path.ShouldBe("/Account/Manage/ChangePassword");
        page.Find("[role=status]")!.TextContent.ShouldBe("Your password has been changed.");
        (await IsSignedInAsync(mine)).ShouldBeTrue();
        (await IsSignedInAsync(other)).ShouldBeFalse();

        using var withOld = portal.CreatePortalClient();
        await withOld.SignInAsync(user.Email!, PortalFactory.DemoPassword);
        (await IsSignedInAsync(withOld)).ShouldBeFalse();
        using var withNew = portal.CreatePortalClient();
        await withNew.SignInAsync(user.Email!, NewPassword);
        (await IsSignedInAsync(withNew)).ShouldBeTrue();
        var audited = await portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == user.Id && a.Action == AuditActions.PasswordChanged));
        audited.ShouldBe(1);
    }

    [Fact]
    public async Task An_account_without_a_password_is_told_how_to_get_one()
    {
        var user = await portal.CreateUserAsync("password.none@customer.test");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        // As for an account moved from the old portal, which never had a password here.
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.RemovePasswordAsync((await users.FindByIdAsync(user.Id.ToString()))!)).Succeeded.ShouldBeTrue();
        }

        var page = await client.GetAsync("/Account/Manage/ChangePassword");

        page.Text.ShouldContain("You have no password yet");
        page.Find("main a[href='/Account/ForgotPassword']").ShouldNotBeNull();
        page.Find("input[name='Input.CurrentPassword']").ShouldBeNull();
    }
}
