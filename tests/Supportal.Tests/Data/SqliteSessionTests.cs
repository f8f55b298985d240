using Microsoft.EntityFrameworkCore;
using Supportal.Data;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Data;

/// <summary>The portal's SQLite connections wait for a busy writer inside SQLite instead of in the driver's long sleeps.</summary>
public sealed class SqliteSessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_connection_waits_for_the_writer_itself()
    {
        if (TestDatabase.Provider != DatabaseProvider.Sqlite)
            return;
        var timeout = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").SingleAsync());
        timeout.ShouldBe(SqliteSessions.BusyTimeoutMilliseconds);
    }
}
