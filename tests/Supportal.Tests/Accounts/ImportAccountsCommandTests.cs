using System.Text;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Platform;

namespace Supportal.Tests.Accounts;

public sealed class ImportAccountsCommandTests
{
    private const string Header = "email,first_name,last_name,company,phone,language\n";

    [Fact]
    public async Task Command_imports_the_file_with_progress_and_reports_problems_by_line()
    {
        await using var database = await TestDatabase.CreateAsync();
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 10_000; i++)
            csv.Append("cmd").Append(i).Append("@command.test,Imię,Nazwisko,\"Firma, S.A.\",,pl\n");
        csv.Append("broken@,A,B,,,en\n");
        var file = await WriteAsync(database, "old-portal.csv", csv.ToString());

        var (exitCode, output, errors) = await StartupTests.RunAppAsync(Environment(database), "import-accounts", file);

        exitCode.ShouldBe(0, errors);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines.ShouldContain("Imported 5000 of 10001");
        lines.ShouldContain("Imported 10000 of 10001");
        lines.ShouldContain("Import finished: 10000 created, 1 skipped (0 already had an account).");
        lines.ShouldContain("Line 10002: Not a valid e-mail address.");
        // The admin has the file; addresses stay out of output that may end up in a log.
        output.ShouldNotContain("@command.test");
        output.ShouldNotContain("broken@");
        await using var db = Open(database);
        (await db.Users.CountAsync(u => u.Email!.EndsWith("@command.test") && u.EmailConfirmed && u.PasswordHash == null)).ShouldBe(10_000);
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.AccountsImported);
        (audit.UserId, audit.Detail).ShouldBe((null, "old-portal.csv: 10000 created, 1 skipped"));

        var again = await StartupTests.RunAppAsync(Environment(database), "import-accounts", file);

        again.ExitCode.ShouldBe(0, again.Errors);
        again.Output.ShouldContain("Import finished: 0 created, 10001 skipped (10000 already had an account).");
    }

    [Fact]
    public async Task A_missing_file_or_one_that_is_not_an_export_ends_with_exit_code_1()
    {
        await using var database = await TestDatabase.CreateAsync();
        var contacts = await WriteAsync(database, "contacts.csv", "name,email\nJan,jan@x.test\n");

        var missing = await StartupTests.RunAppAsync(Environment(database), "import-accounts", Path.Combine(database.StorageRoot, "nope.csv"));
        var wrong = await StartupTests.RunAppAsync(Environment(database), "import-accounts", contacts);
        var usage = await StartupTests.RunAppAsync(Environment(database), "import-accounts");

        missing.ExitCode.ShouldBe(1);
        missing.Errors.ShouldContain("Cannot read");
        missing.Errors.ShouldContain("nope.csv");
        wrong.ExitCode.ShouldBe(1);
        wrong.Errors.ShouldContain("the first line lacks the columns first_name, last_name, company, phone, language");
        usage.ExitCode.ShouldBe(1);
        usage.Errors.ShouldContain("Usage: import-accounts FILE.csv");
        usage.Output.ShouldNotContain("Now listening");
    }

    private static Dictionary<string, string> Environment(TestDatabase database) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = TestDatabase.Provider.ToString(),
        ["ConnectionStrings__Supportal"] = database.ConnectionString,
        ["Storage__Root"] = database.StorageRoot,
    };

    private static async Task<string> WriteAsync(TestDatabase database, string name, string content)
    {
        var path = Path.Combine(database.StorageRoot, name);
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static AppDbContext Open(TestDatabase database) => TestDatabase.Provider == DatabaseProvider.Postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options);
}
