using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Pages.Agent;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>
/// On PostgreSQL a page of unsolved work is read in order from the partial index over unsolved tickets, so it costs
/// the same with a thousand tickets or a million; fails when the views' status condition and the index's condition
/// drift apart. SQLite's planner prefers the covering status indexes and sorts the unsolved tickets: an index still.
/// </summary>
public sealed class ViewsPlanTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(TicketView.Unassigned)]
    [InlineData(TicketView.MyGroups)]
    [InlineData(TicketView.AllOpen)]
    public async Task A_view_of_unsolved_work_walks_the_unsolved_index_newest_first(TicketView view)
    {
        var postgres = TestDatabase.Provider == Supportal.Data.DatabaseProvider.Postgres;
        var plan = await portal.WithDbAsync(async db =>
        {
            var page = TicketViews.Of(db, db.Tickets, view, Guid.NewGuid(), DateTime.UtcNow)
                .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Select(t => t.Id).Take(25);
            await using var command = page.CreateDbCommand();
            return await QueryPlan.OfAsync(command, "SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off;");
        });

        if (postgres)
        {
            plan.ShouldContain("IX_Tickets_Unsolved_UpdatedAt_Id");
            plan.ShouldNotContain("Sort");
        }
        else
            plan.ShouldContain("SEARCH t USING COVERING INDEX");
    }

    /// <summary>
    /// The SLA view in its own order reads the ticket's copy of its nearest attention time from a small index, in order:
    /// a page costs a page of index entries, however many unsolved tickets are not at risk.
    /// </summary>
    [Fact]
    public async Task The_sla_view_reads_its_index_at_risk_longest_first_without_probing_targets()
    {
        var postgres = TestDatabase.Provider == Supportal.Data.DatabaseProvider.Postgres;
        var plan = await portal.WithDbAsync(async db =>
        {
            var page = ViewOrder.Page(TicketViews.Of(db, db.Tickets, TicketView.SlaAtRisk, Guid.NewGuid(), DateTime.UtcNow), ViewSort.AtRisk,
                forward: true, cursor: null).Select(t => t.Id).Take(25);
            await using var command = page.CreateDbCommand();
            return await QueryPlan.OfAsync(command, "SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off;");
        });

        plan.ShouldContain("IX_Tickets_SlaAtRiskAt_Id");
        plan.ShouldNotContain("TicketSlas");
        if (postgres)
            plan.ShouldNotContain("Sort");
        else
            plan.ShouldNotContain("TEMP B-TREE");
    }

    /// <summary>
    /// An agent sees some groups' tickets only; that condition is checked on each row of the walk. Were all its terms
    /// indexed, SQLite would gather every ticket of the agent's groups through four indexes and sort them.
    /// </summary>
    [Fact]
    public async Task An_agents_view_walks_the_views_index_and_checks_the_agents_groups_on_each_row()
    {
        var agent = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, Roles.Agent)], "test"));
        var plan = await portal.WithDbAsync(async db =>
        {
            var visible = db.Tickets.VisibleTo(db, agent);
            var page = ViewOrder.Page(TicketViews.Of(db, visible, TicketView.SlaAtRisk, Guid.NewGuid(), DateTime.UtcNow), ViewSort.AtRisk,
                forward: true, cursor: null).Select(t => t.Id).Take(25);
            await using var command = page.CreateDbCommand();
            return await QueryPlan.OfAsync(command, "SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off;");
        });

        plan.ShouldContain("IX_Tickets_SlaAtRiskAt_Id");
        plan.ShouldNotContain("MULTI-INDEX OR");
        plan.ShouldNotContain("TEMP B-TREE");
        if (TestDatabase.Provider == Supportal.Data.DatabaseProvider.Postgres)
            plan.ShouldNotContain("Sort");
    }

    /// <summary>Counts read the entries of their own statuses (a seek), not every ticket's entry with a filter.</summary>
    [Theory]
    [InlineData(TicketView.AllOpen)]
    [InlineData(TicketView.Pending)]
    [InlineData(TicketView.RecentlySolved)]
    public async Task A_views_count_seeks_its_statuses_in_an_index(TicketView view)
    {
        var postgres = TestDatabase.Provider == Supportal.Data.DatabaseProvider.Postgres;
        var plan = await portal.WithDbAsync(async db =>
        {
            // The count's own query (TicketViews.CountsAsync), with the cap.
            var count = TicketViews.Of(db, db.Tickets, view, Guid.NewGuid(), DateTime.UtcNow).Take(TicketViews.CountCap + 1).Select(t => t.Id);
            await using var command = count.CreateDbCommand();
            return await QueryPlan.OfAsync(command, "SET enable_seqscan = off; SET enable_bitmapscan = off;");
        });

        if (postgres)
            plan.ShouldMatch("Index Cond: \\(+\"Status\"\\)::text = ");
        else
            plan.ShouldContain("(Status=?");
    }

    [Fact]
    public async Task The_level_filter_checks_each_row_of_the_walk_with_a_subquery()
    {
        var postgres = TestDatabase.Provider == Supportal.Data.DatabaseProvider.Postgres;
        var plan = await portal.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var unsolved = TicketViews.Of(db, db.Tickets, TicketView.MyGroups, Guid.NewGuid(), now);
            var page = new ViewsFilter { Level = 2 }.Apply(db, unsolved, TimeZoneInfo.Utc, now)
                .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Select(t => t.Id).Take(25);
            await using var command = page.CreateDbCommand();
            return await QueryPlan.OfAsync(command, "SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off;");
        });

        if (postgres)
        {
            // Nothing above the walk sorts it: the level is a filter on each row as it is read in order.
            var lines = plan.Split('\n');
            var walk = Array.FindIndex(lines, l => l.Contains("Index Scan Backward using \"IX_Tickets_Unsolved_UpdatedAt_Id\""));
            walk.ShouldBeGreaterThan(0);
            lines[..walk].ShouldAllBe(l => !l.Contains("Sort"));
            lines[walk + 1].ShouldContain("Filter:");
            lines[walk + 1].ShouldContain("SubPlan");
        }
        else
            plan.ShouldContain("CORRELATED SCALAR SUBQUERY");
    }
}
