using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Accounts;

public sealed class AccountImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Header = "email,first_name,last_name,company,phone,language\n";

    [Fact]
    public async Task Good_rows_become_confirmed_accounts_without_a_password()
    {
        var result = await ImportAsync(Header
            + "jan.kowalski@good.test,Jan,Kowalski,\"Kowalski, Nowak i Wspólnicy sp. j.\",+48 12 345 67 89,pl\n"
            + "\"zofia@good.test\",Zofia,Żółtowska-Łęcka,Gęślą Jaźń,,\n");

        result.Created.ShouldBe(2);
        result.Problems.ShouldBeEmpty();
        var jan = await FindAsync("jan.kowalski@good.test");
        jan.UserName.ShouldBe("jan.kowalski@good.test");
        jan.NormalizedEmail.ShouldBe("JAN.KOWALSKI@GOOD.TEST");
        jan.NormalizedUserName.ShouldBe("JAN.KOWALSKI@GOOD.TEST");
        jan.EmailConfirmed.ShouldBeTrue();
        jan.PasswordHash.ShouldBeNull();
        jan.SecurityStamp!.Length.ShouldBe(32);
        jan.ConcurrencyStamp.ShouldNotBeNullOrEmpty();
        jan.TwoFactorEnabled.ShouldBeTrue();
        jan.LockoutEnabled.ShouldBeTrue();
        (jan.FirstName, jan.LastName, jan.Company, jan.PhoneNumber, jan.Language)
            .ShouldBe(("Jan", "Kowalski", "Kowalski, Nowak i Wspólnicy sp. j.", "+48 12 345 67 89", "pl"));
        jan.CreatedAt.ShouldBe(portal.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));
        var zofia = await FindAsync("zofia@good.test");
        (zofia.LastName, zofia.Company, zofia.PhoneNumber, zofia.Language).ShouldBe(("Żółtowska-Łęcka", "Gęślą Jaźń", null, "en"));

        // Identity sees the same account: found by its address, and no password can match.
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var found = (await users.FindByEmailAsync("ZOFIA@good.test")).ShouldNotBeNull();
        (await users.HasPasswordAsync(found)).ShouldBeFalse();
        (await users.CheckPasswordAsync(found, "")).ShouldBeFalse();
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_the_rest_are_imported()
    {
        var result = await ImportAsync(Header                            // line 1
            + "anna@lines.test,Anna,Nowak,,,pl\n"                     // 2
            + "piotr@lines.test,Piotr,Lis,\"Dział\nwsparcia\",,en\n"   // 3–4: a line break inside quotes
            + "not-an-address,Jan,Zły,,,pl\n"                         // 5
            + "ANNA@lines.test,Anna,Duplikat,,,pl\n"                  // 6
            + ",Bez,Adresu,,,pl\n"                                    // 7
            + "customer@example.com,Chris,Taylor,,,en\n"              // 8: the demo customer exists
            + "ola@lines.test,Ola,Kot,,,PL\n");                       // 9

        result.Created.ShouldBe(3);
        result.Problems.ShouldBe(
        [
            new ImportProblem(5, "not-an-address", ImportProblemKind.InvalidEmail),
            new ImportProblem(6, "ANNA@lines.test", ImportProblemKind.DuplicateInFile, "2"),
            new ImportProblem(7, "", ImportProblemKind.MissingEmail),
            new ImportProblem(8, "customer@example.com", ImportProblemKind.AlreadyExists),
        ]);
        result.Skipped.ShouldBe(4);
        result.AlreadyExisting.ShouldBe(1);
        (await FindAsync("piotr@lines.test")).Company.ShouldBe("Dział\nwsparcia");
        (await FindAsync("ola@lines.test")).Language.ShouldBe("pl");
        (await FindAsync("anna@lines.test")).LastName.ShouldBe("Nowak");
    }

    [Fact]
    public async Task Malformed_rows_are_reported_without_stopping_the_file()
    {
        var csv = Encoding.UTF8.GetBytes(Header
            + "ok1@malformed.test,A,B,,,\r\n"                                       // 2
            + "shifted@malformed.test,Kowalski, Jan,Nowak,Firma,,pl\r\n"            // 3: unquoted comma
            + "quote@malformed.test,Jan,\"Nowak\"x,,,pl\r\n"                        // 4
            + "lang@malformed.test,Jan,Nowak,,,de\r\n"                              // 5
            + $"long@malformed.test,{new string('a', 101)},Nowak,,,pl\r\n"          // 6
            + "\"multi@malformed.test\",\"Line\r\nbreak\",\"He said \"\"hi\"\"\",,,\r\n" // 7–8
            + "\r\n"                                                                 // 9: blank, ignored
            + "trailing@malformed.test,A,B,,,en,\r\n"                               // 10: trailing empty field is fine
            + "latin2@malformed.test,Pawe");                                         // 11
        csv = [.. csv, 0xB3, .. Encoding.ASCII.GetBytes(",B,,,pl\r\nlast@malformed.test,A,\"unclosed,,,\r\n")]; // "ł" in ISO 8859-2; 12

        var result = await ImportAsync(csv);

        result.Problems.Select(p => (p.Line, p.Kind, p.Argument)).ShouldBe(
        [
            (3, ImportProblemKind.WrongFieldCount, "7"),
            (4, ImportProblemKind.BadQuotes, null),
            (5, ImportProblemKind.UnknownLanguage, null),
            (6, ImportProblemKind.TooLong, "first_name"),
            (11, ImportProblemKind.NotUtf8, null),
            (12, ImportProblemKind.BadQuotes, null),
        ]);
        result.Created.ShouldBe(3);
        var multi = await FindAsync("multi@malformed.test");
        (multi.FirstName, multi.LastName).ShouldBe(("Line\nbreak", "He said \"hi\""));
        (await FindAsync("trailing@malformed.test")).Language.ShouldBe("en");
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var csv = Header + "one@again.test,One,A,,,\n\"two@again.test\",Two,B,\"Co, Ltd\",,pl\n";
        var admin = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@example.com").Select(u => u.Id).SingleAsync());
        var first = await ImportAsync(csv, admin);
        var before = await portal.WithDbAsync(db => db.Users.Where(u => u.Email!.EndsWith("@again.test"))
            .OrderBy(u => u.Email).Select(u => new { u.Id, u.SecurityStamp, u.ConcurrencyStamp, u.Company }).ToListAsync());

        var second = await ImportAsync(csv, admin);

        first.Created.ShouldBe(2);
        second.Created.ShouldBe(0);
        second.Problems.ShouldBe(
        [
            new ImportProblem(2, "one@again.test", ImportProblemKind.AlreadyExists),
            new ImportProblem(3, "two@again.test", ImportProblemKind.AlreadyExists),
        ]);
        var after = await portal.WithDbAsync(db => db.Users.Where(u => u.Email!.EndsWith("@again.test"))
            .OrderBy(u => u.Email).Select(u => new { u.Id, u.SecurityStamp, u.ConcurrencyStamp, u.Company }).ToListAsync());
        after.ShouldBe(before);
        var audit = await portal.WithDbAsync(db => db.AuditEvents
            .Where(a => a.Action == AuditActions.AccountsImported && a.UserId == admin).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());
        audit.ShouldBe(["accounts.csv: 2 created, 0 skipped", "accounts.csv: 0 created, 2 skipped"]);
    }

    [Fact]
    public async Task A_quote_left_open_is_one_problem_shown_briefly()
    {
        var rest = string.Concat(Enumerable.Range(0, 50).Select(i => $"swallowed{i}@open.test,A,B,,,en\n"));

        var result = await ImportAsync(Header + "\"open@open.test,A,B,,,en\n" + rest, fileName: @"C:\Users\anna\Pulpit\konta.csv");

        result.Created.ShouldBe(0);
        var problem = result.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Kind).ShouldBe((2, ImportProblemKind.BadQuotes));
        problem.Email.Length.ShouldBe(101);
        problem.Email.ShouldStartWith("open@open.test,A,B,,,en\nswallowed0@open.test");
        (await portal.WithDbAsync(db => db.AuditEvents.OrderBy(a => a.Id).LastAsync(a => a.Action == AuditActions.AccountsImported)))
            .Detail.ShouldBe("konta.csv: 0 created, 1 skipped");
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_and_case_after_a_byte_order_mark()
    {
        var result = await ImportAsync([.. Encoding.UTF8.GetPreamble(),
            .. Encoding.UTF8.GetBytes("Language,EMAIL,phone,company,last_name,first_name,old_id\r\npl,bom@order.test,,,Wiśniewska,Ewa,17\r\n")]);

        result.Created.ShouldBe(1);
        var ewa = await FindAsync("bom@order.test");
        (ewa.FirstName, ewa.LastName, ewa.Language).ShouldBe(("Ewa", "Wiśniewska", "pl"));
    }

    [Theory]
    [InlineData("", ImportFileError.Empty, "")]
    [InlineData("\n \n", ImportFileError.Empty, "")]
    [InlineData("email;first_name;last_name;company;phone;language\n", ImportFileError.MissingColumns, "email,first_name,last_name,company,phone,language")]
    [InlineData("email,name,company,phone\nx@y.test,X,Y,1\n", ImportFileError.MissingColumns, "first_name,last_name,language")]
    public async Task A_file_that_is_not_an_account_export_is_refused_whole(string csv, ImportFileError error, string missing)
    {
        var before = await portal.WithDbAsync(db => db.Users.CountAsync());

        var refused = await Should.ThrowAsync<ImportFileException>(() => ImportAsync(csv));

        refused.Error.ShouldBe(error);
        string.Join(",", refused.MissingColumns).ShouldBe(missing);
        (await portal.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_header_alone_imports_nothing()
    {
        var result = await ImportAsync(Header);

        result.Created.ShouldBe(0);
        result.Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("jan@firma.pl", true)]
    [InlineData("jan.kowalski+wsparcie@sub.firma.com.pl", true)]
    [InlineData("zażółć@gęślą.pl", true)]
    [InlineData("jan@firma", false)]
    [InlineData("jan@localhost", false)]
    [InlineData("Jan Kowalski <jan@firma.pl>", false)]
    [InlineData("jan@@firma.pl", false)]
    [InlineData("jan kowalski@firma.pl", false)]
    [InlineData("jan@firma..pl", false)]
    [InlineData("jan@.firma.pl", false)]
    [InlineData("jan@[10.0.0.1]", false)]
    [InlineData("firma.pl", false)]
    public void Only_plain_deliverable_looking_addresses_count_as_e_mail(string value, bool valid) =>
        AccountImporter.IsEmail(value).ShouldBe(valid);

    [Fact]
    public async Task Fifty_thousand_rows_are_imported_in_batches()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 50_000; i++)
            csv.Append("user").Append(i).Append("@bulk.test,Imię ").Append(i).Append(",Nazwisko,\"Firma ").Append(i % 100).Append(", S.A.\",,pl\n");
        var reports = new List<int>();

        var result = await ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()), progress: new Recorder(reports));

        result.Created.ShouldBe(50_000);
        result.Problems.ShouldBeEmpty();
        (await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@bulk.test")))).ShouldBe(50_000);
        (await FindAsync("user49999@bulk.test")).Company.ShouldBe("Firma 99, S.A.");
        reports.Count.ShouldBe(50);
        reports[0].ShouldBe(1000);
        reports[^1].ShouldBe(50_000);
        await using var counting = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        (await AccountImporter.CountRowsAsync(counting, CancellationToken.None)).ShouldBe(50_000);
    }

    private Task<ImportResult> ImportAsync(string csv, Guid? importedBy = null, string fileName = "accounts.csv") =>
        ImportAsync(Encoding.UTF8.GetBytes(csv), importedBy, fileName: fileName);

    private async Task<ImportResult> ImportAsync(byte[] csv, Guid? importedBy = null, IProgress<int>? progress = null, string fileName = "accounts.csv")
    {
        using var scope = portal.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<AccountImporter>();
        await using var stream = new MemoryStream(csv);
        return await importer.ImportAsync(stream, fileName, importedBy, progress, CancellationToken.None);
    }

    private Task<ApplicationUser> FindAsync(string email) =>
        portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    /// <summary>Records reports as they are made (System.Progress would post them to another thread).</summary>
    private sealed class Recorder(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
