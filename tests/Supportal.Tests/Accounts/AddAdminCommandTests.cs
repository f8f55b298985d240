using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Platform;

namespace Supportal.Tests.Accounts;

public sealed class AddAdminCommandTests
{
    [Fact]
    public async Task Add_admin_makes_a_passwordless_administrator_once_and_refuses_a_bad_address()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = TestDatabase.Provider.ToString(),
            ["ConnectionStrings__Supportal"] = database.ConnectionString,
            ["Storage__Root"] = database.StorageRoot,
        };

        var first = await StartupTests.RunAppAsync(environment, "add-admin", "owner@helpdesk.test");
        var second = await StartupTests.RunAppAsync(environment, "add-admin", "owner@helpdesk.test");
        var bad = await StartupTests.RunAppAsync(environment, "add-admin", "not an address");

        first.ExitCode.ShouldBe(0, first.Errors);
        first.Output.ShouldContain("owner@helpdesk.test is an administrator.");
        second.ExitCode.ShouldBe(0, second.Errors);
        bad.ExitCode.ShouldBe(1);
        bad.Errors.ShouldContain("Not an e-mail address");
        await using var db = TestDatabase.Provider == DatabaseProvider.Postgres
            ? (AppDbContext)new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options);
        var admin = await db.Users.SingleAsync();
        admin.Email.ShouldBe("owner@helpdesk.test");
        admin.PasswordHash.ShouldBeNull();
        (await db.UserRoles.CountAsync(r => r.UserId == admin.Id && r.RoleId == db.Roles.Single(x => x.Name == Roles.Admin).Id)).ShouldBe(1);
        (await db.AuditEvents.CountAsync(a => a.Action == AuditActions.AdminAdded)).ShouldBe(2);
    }
}
