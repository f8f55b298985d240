using System.Net;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Accounts;

public sealed class ProfileTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Fields(string firstName = "Anna", string lastName = "Kowalska",
        string company = "Kowalski Logistics", string phone = "+48 22 123 45 67", string language = "en",
        string timeZone = "Europe/London") => new()
        {
            ["Input.FirstName"] = firstName, ["Input.LastName"] = lastName, ["Input.Company"] = company,
            ["Input.Phone"] = phone, ["Input.Language"] = language, ["Input.TimeZone"] = timeZone,
        };

    [Fact]
    public async Task Saving_the_profile_stores_it_and_shows_the_new_name_at_once()
    {
        var user = await portal.CreateUserAsync("profile.save@customer.test", "Anna", "Nowak");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);

        var form = await client.GetAsync("/Account/Manage");
        form.Find("h1")!.TextContent.ShouldBe("Profile");
        form.Find("input[name='Input.FirstName']")!.GetAttribute("value").ShouldBe("Anna");
        form.Find("select[name='Input.TimeZone'] option[selected]")!.GetAttribute("value").ShouldBe("Europe/Warsaw");
        var saved = await client.SubmitAsync(form.Form(), Fields());

        saved.Path.ShouldBe("/Account/Manage");
        saved.Find("[role=status]")!.TextContent.ShouldBe("Your profile has been saved.");
        saved.Find("header .dropdown-toggle")!.TextContent.ShouldContain("Anna Kowalska");
        saved.Find("input[name='Input.Company']")!.GetAttribute("value").ShouldBe("Kowalski Logistics");
        saved.Find("select[name='Input.TimeZone'] option[selected]")!.GetAttribute("value").ShouldBe("Europe/London");
        var stored = await portal.WithDbAsync(db => db.Users.FindAsync(user.Id).AsTask());
        stored!.LastName.ShouldBe("Kowalska");
        stored.PhoneNumber.ShouldBe("+48 22 123 45 67");
        stored.TimeZone.ShouldBe("Europe/London");
    }

    [Fact]
    public async Task Mistakes_are_explained_by_each_field_and_the_input_is_kept()
    {
        var user = await portal.CreateUserAsync("profile.mistakes@customer.test", "Piotr", "Zieliński");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var form = await client.GetAsync("/Account/Manage");

        var page = await client.SubmitAsync(form.Form(), Fields(firstName: "", lastName: "Wójcik", timeZone: "Mars/Olympus_Mons"));

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.FieldError("Input.FirstName").ShouldBe("First name is required.");
        page.FieldError("Input.TimeZone").ShouldBe("Choose a time zone from the list.");
        page.FieldError("Input.LastName").ShouldBeEmpty();
        page.Find("input[name='Input.LastName']")!.GetAttribute("value").ShouldBe("Wójcik");
        page.Find("input[name='Input.Company']")!.GetAttribute("value").ShouldBe("Kowalski Logistics");
        var stored = await portal.WithDbAsync(db => db.Users.FindAsync(user.Id).AsTask());
        stored!.LastName.ShouldBe("Zieliński");
    }

    [Fact]
    public async Task Choosing_Polish_shows_the_portal_in_Polish_straight_away_and_remembers_it_in_this_browser()
    {
        var user = await portal.CreateUserAsync("profile.polish@customer.test", "Ewa", "Lis");
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        var form = await client.GetAsync("/Account/Manage");

        var response = await client.SubmitAsync(form.Form(), Fields(firstName: "Ewa", lastName: "Lis", language: "pl"), follow: false);
        response.Response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=c%3Dpl", StringComparison.Ordinal));
        var page = await client.FollowAsync(response.Response);

        page.Document.DocumentElement.GetAttribute("lang").ShouldBe("pl");
        page.Find("h1")!.TextContent.ShouldBe("Profil");
        page.Find("[role=status]")!.TextContent.ShouldBe("Profil został zapisany.");
        page.Find("main nav")!.TextContent.ShouldContain("Zmień hasło");
        (await portal.WithDbAsync(db => db.Users.FindAsync(user.Id).AsTask()))!.Language.ShouldBe("pl");
    }

    [Fact]
    public async Task The_user_menu_links_to_the_profile_and_the_profile_needs_a_sign_in()
    {
        using var anonymous = portal.CreatePortalClient();
        (await anonymous.GetAsync("/Account/Manage", follow: false)).Status.ShouldBe(HttpStatusCode.Redirect);

        var user = await portal.CreateUserAsync("profile.menu@customer.test");
        using var client = portal.CreatePortalClient();
        var dashboard = await client.SignInAsync(user.Email!);
        dashboard.Find("header .dropdown-menu a[href='/Account/Manage']")!.TextContent.Trim().ShouldBe("Profile");
    }

    [Fact]
    public async Task Staff_have_a_profile_too()
    {
        var agent = await portal.CreateUserAsync("profile.agent@example.com", role: Roles.Agent);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(agent.Email!);

        (await client.GetAsync("/Account/Manage")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
