using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Admin;

public sealed class ImportAccountsPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Header = "email,first_name,last_name,company,phone,language\n";

    [Fact]
    public async Task Admin_uploads_an_export_and_sees_the_counts_and_the_problem_lines()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        var admin = await client.GetAsync("/Admin");
        var page = await client.GetAsync(admin.Find("a[href='/Admin/ImportAccounts']")!.GetAttribute("href")!);
        page.Text.ShouldContain("email,first_name,last_name,company,phone,language");

        var result = await client.UploadAsync(page.Form(), "Input.File", "stare-konta.csv", Encoding.UTF8.GetBytes(Header
            + "marta@page.test,Marta,Wójcik,\"Wójcik, Syn\",,pl\n"
            + "customer@example.com,Chris,Taylor,,,en\n"
            + "wrong,Jan,Zły,,,pl\n"));

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.Find("[data-count=created]")!.TextContent.ShouldBe("1");
        result.Find("[data-count=existing]")!.TextContent.ShouldBe("1");
        result.Find("[data-count=problems]")!.TextContent.ShouldBe("1");
        // Rows that need fixing come before rows that already have an account.
        result.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ShouldBe(
        [
            ["4", "wrong", "To nie jest poprawny adres e-mail."],
            ["3", "customer@example.com", "Ten adres e-mail ma już konto."],
        ]);
        (await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "marta@page.test"))).Company.ShouldBe("Wójcik, Syn");
        var adminId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@example.com").Select(u => u.Id).SingleAsync());
        (await portal.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == AuditActions.AccountsImported && a.UserId == adminId
            && a.Detail!.StartsWith("stare-konta.csv")))).Detail.ShouldBe("stare-konta.csv: 1 created, 2 skipped");
    }

    [Fact]
    public async Task At_most_two_hundred_problems_are_listed_with_the_number_left_out()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(await EnglishAdminAsync());
        var page = await client.GetAsync("/Admin/ImportAccounts");
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 250; i++)
            csv.Append("bad").Append(i).Append(",A,B,,,en\n");

        var result = await client.UploadAsync(page.Form(), "Input.File", "bad.csv", Encoding.UTF8.GetBytes(csv.ToString()));

        result.Find("[data-count=problems]")!.TextContent.ShouldBe("250");
        result.FindAll("tbody tr").Count().ShouldBe(200);
        result.Find("[data-hidden-problems]")!.TextContent.ShouldBe("50 more skipped rows are not shown.");
    }

    [Theory]
    [InlineData(null, "", "Pole Plik CSV jest wymagane.")]
    [InlineData("empty.csv", "", "Plik jest pusty.")]
    [InlineData("contacts.csv", "name,email\nJan,jan@x.test\n", "To nie wygląda na eksport kont: w pierwszym wierszu brakuje kolumn first_name, last_name, company, phone, language.")]
    public async Task A_missing_or_unusable_file_is_explained_next_to_the_field(string? fileName, string content, string message)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        var page = await client.GetAsync("/Admin/ImportAccounts");
        var audits = await portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AccountsImported));

        var result = await client.UploadAsync(page.Form(), "Input.File", fileName, Encoding.UTF8.GetBytes(content));

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.FieldError("Input.File").ShouldBe(message);
        result.Find("[data-count]").ShouldBeNull();
        (await portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditActions.AccountsImported))).ShouldBe(audits);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_the_limit_named()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(await EnglishAdminAsync());
        var page = await client.GetAsync("/Admin/ImportAccounts");
        var tooBig = Encoding.UTF8.GetBytes(Header).Concat(Enumerable.Repeat((byte)'x', 20 * 1024 * 1024)).ToArray();

        var result = await client.UploadAsync(page.Form(), "Input.File", "huge.csv", tooBig);

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.FieldError("Input.File").ShouldBe("The file is larger than 20 MB. Split it into smaller files or import it with the import-accounts command.");
    }

    [Fact]
    public async Task Customers_and_agents_are_refused()
    {
        using var customer = portal.CreatePortalClient();
        await customer.SignInAsync("customer@example.com");
        (await customer.GetAsync("/Admin/ImportAccounts")).Status.ShouldBe(HttpStatusCode.Forbidden);
        using var agent = portal.CreatePortalClient();
        await agent.SignInAsync("agent@example.com");
        (await agent.GetAsync("/Admin/ImportAccounts")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_customer_cannot_import_by_posting_directly()
    {
        using var customer = portal.CreatePortalClient();
        var dashboard = await customer.SignInAsync("customer@example.com");
        // A form the customer may see, so the post carries a valid antiforgery token.
        var form = dashboard.Form("header form[action='/Account/Logout']");
        form.SetAttribute("action", "/Admin/ImportAccounts");

        var result = await customer.UploadAsync(form, "Input.File", "sneaky.csv", Encoding.UTF8.GetBytes(Header + "sneaky@page.test,A,B,,,en\n"));

        result.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "sneaky@page.test"))).ShouldBeFalse();
    }

    private async Task<string> EnglishAdminAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@page.test";
        await portal.CreateUserAsync(email, role: Roles.Admin);
        return email;
    }
}
