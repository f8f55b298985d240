using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Data;

/// <summary>The portal's PostgreSQL sessions run without JIT compiling, which costs more than its short queries.</summary>
public sealed class PostgresSessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Jit_is_turned_off_unless_the_connection_string_sets_options_itself()
    {
        DatabaseSetup.WithoutJit("Host=db;Database=supportal").ShouldContain("Options=\"-c jit=off\"");
        DatabaseSetup.WithoutJit("Host=db;Options=-c search_path=help").ShouldContain("Options=\"-c search_path=help\"");
        DatabaseSetup.WithoutJit("Host=db;Options=-c search_path=help").ShouldNotContain("jit");
    }

    [Fact]
    public async Task The_portals_own_sessions_say_so()
    {
        if (TestDatabase.Provider != DatabaseProvider.Postgres)
            return;
        var jit = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync());
        jit.ShouldBe("off");
    }
}
