using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Pages.Agent;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>
/// How the views' queries are read, so they cost the same with a thousand tickets or a million. On PostgreSQL a page of
/// unsolved work is read in order from the partial index over unsolved tickets (fails when the views' status condition
/// and the index's condition drift apart); SQLite's planner prefers the covering status indexes and sorts the unsolved
/// tickets: an index still. The SLA view reads its own index on both.
/// </summary>
public sealed class ViewsPlanTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly bool Postgres = TestDatabase.Provider == Supportal.Data.DatabaseProvider.Postgres;

    /// <summary>PostgreSQL told to avoid what would hide a missing index: full scans, sorts, bitmaps.</summary>
    private const string IndexesOnly = "SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off;";

    private Task<string> PlanAsync(Func<AppDbContext, IQueryable<long>> query, string settings = IndexesOnly) =>
        portal.WithDbAsync(async db =>
        {
            await using var command = query(db).CreateDbCommand();
            return await QueryPlan.OfAsync(command, settings);
        });

    [Theory]
    [InlineData(TicketView.Unassigned)]
    [InlineData(TicketView.MyGroups)]
    [InlineData(TicketView.AllOpen)]
    public async Task A_view_of_unsolved_work_walks_the_unsolved_index_newest_first(TicketView view)
    {
        var plan = await PlanAsync(db => TicketViews.Of(db, db.Tickets, view, Guid.NewGuid(), DateTime.UtcNow)
            .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Select(t => t.Id).Take(25));

        if (Postgres)
        {
            plan.ShouldContain("IX_Tickets_Unsolved_UpdatedAt_Id");
            plan.ShouldNotContain("Sort");
        }
        else
        {
            // A seek in one of the status or assignee indexes, never a scan of the table.
            plan.ShouldContain("SEARCH t USING");
            plan.ShouldNotContain("SCAN t");
        }
    }

    /// <summary>
    /// An agent's view of open work is read in parts, each in order from one range of the (group, status, last update)
    /// index, and merged: a page costs a page from each part, however many newer tickets other teams have.
    /// </summary>
    [Fact]
    public async Task An_agents_open_work_is_merged_from_ordered_parts_of_the_group_index()
    {
        var agent = await portal.CreateUserAsync($"parts-{Guid.NewGuid():N}@example.com", role: Roles.Agent);
        await portal.JoinGroupsAsync(agent.Id, 1, 2);
        var (sql, plan) = await portal.WithDbAsync(async db =>
        {
            var parts = await AllOpenPartsAsync(db, agent.Id, searchesWords: false);
            // A word search stays one query on SQLite, which would gather the word's tickets for each part.
            (await AllOpenPartsAsync(db, agent.Id, searchesWords: true) is null).ShouldBe(!Postgres);
            // Two groups and none, two statuses each, and the agent's requests outside them; no part for tickets
            // assigned to them outside their groups while there are none.
            parts!.Count.ShouldBe(7);
            await using var command = VisibleParts.Ordered(parts, ViewSort.Updated, forward: true, cursor: null, take: 26)
                .Select(t => t.Id).Take(26).CreateDbCommand();
            return (command.CommandText, await QueryPlan.OfAsync(command, IndexesOnly));
        });

        // The parts by group name their status alone: with the view's list beside it PostgreSQL took the status for
        // a rarer one and walked the status index, skipping the other teams' tickets again. Only the agent's requests
        // outside their groups keep the list.
        Regex.Count(sql, "\"Status\" IN \\(").ShouldBe(1, sql);

        if (Postgres)
        {
            // Over empty tables either index in (…, status, last update) order will do; with a million tickets it reads
            // the group's (docs/performance.md, "Lists and views").
            plan.ShouldContain("Merge Append");
            plan.ShouldNotContain("->  Sort");
            plan.ShouldNotContain("IX_Tickets_Unsolved_UpdatedAt_Id");
        }
        else
        {
            plan.ShouldContain("IX_Tickets_GroupId_Status_UpdatedAt_Id");
            // SQLite seeks each part in an index (it scans only the parts' results) and sorts only the merged few and
            // the agent's requests outside their groups, which come in two ranges, one per status.
            var lines = plan.Split('\n');
            lines.Count(line => line.StartsWith("SEARCH ", StringComparison.Ordinal)).ShouldBe(7, plan);
            lines.Count(line => line.Contains("TEMP B-TREE")).ShouldBeLessThanOrEqualTo(2, plan);
        }
    }

    /// <summary>
    /// The teams an agent has unsolved tickets in without being a member are read from the index over assignee and
    /// group alone, and each becomes a part of its own: a solved ticket there adds none.
    /// </summary>
    [Fact]
    public async Task An_agents_tickets_in_another_team_are_a_part_found_from_the_index()
    {
        var agent = await portal.CreateUserAsync($"elsewhere-{Guid.NewGuid():N}@example.com", role: Roles.Agent);
        await portal.JoinGroupsAsync(agent.Id, 1);
        var requester = await portal.CreateUserAsync($"elsewhere-customer-{Guid.NewGuid():N}@example.com");
        var solved = (await portal.CreateAsync(requester.Id, "Solved in the English team")).Id;
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == solved)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.AssigneeId, agent.Id).SetProperty(x => x.GroupId, 2).SetProperty(x => x.Status, TicketStatus.Solved)));
        (await portal.WithDbAsync(db => AllOpenPartsAsync(db, agent.Id, searchesWords: false)))!.Count.ShouldBe(5);

        var open = (await portal.CreateAsync(requester.Id, "Still open in the English team")).Id;
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == open)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.AssigneeId, agent.Id).SetProperty(x => x.GroupId, 2).SetProperty(x => x.Status, TicketStatus.Open)));
        var (count, plan) = await portal.WithDbAsync(async db =>
        {
            var parts = (await AllOpenPartsAsync(db, agent.Id, searchesWords: false))!;
            await using var command = db.Tickets.Where(t => t.AssigneeId == agent.Id && TicketStatuses.Unsolved.Contains(t.Status) && t.GroupId != null)
                .Select(t => t.GroupId).Distinct().CreateDbCommand();
            return (parts.Count, await QueryPlan.OfAsync(command, IndexesOnly));
        });
        count.ShouldBe(6);
        plan.ShouldContain("IX_Tickets_Unsolved_AssigneeId_GroupId_UpdatedAt_Id");
    }

    /// <summary>
    /// A views page is a statement PostgreSQL prepares and then plans once for every agent and page: its page size and
    /// each part's group and status are values in the SQL. With the size a parameter the shared plan looked worse than
    /// one made for the values, so each page was planned again; without the group it was the wrong plan for a small team
    /// (docs/performance.md, "Lists and views").
    /// </summary>
    [Fact]
    public async Task A_views_page_is_planned_once_for_all_its_pages()
    {
        if (!Postgres)
            return;
        var agent = await portal.CreateUserAsync($"planned-{Guid.NewGuid():N}@example.com", role: Roles.Agent);
        await portal.JoinGroupsAsync(agent.Id, 1, 2);
        var prepared = await portal.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            // Other tests' statements on this pooled connection are not this page's.
            ((Npgsql.NpgsqlConnection)db.Database.GetDbConnection()).UnprepareAll();
            // The client prepares a statement on its fifth run; the server plans it for all values from its sixth.
            for (var i = 0; i < 12; i++)
                await ViewsRow.PageAsync(db, Agent(agent.Id), TicketView.AllOpen, ViewSort.Updated, new ViewsFilter(),
                    after: null, before: null, pageSize: 25, DateTime.UtcNow);
            return await db.Database.SqlQueryRaw<PreparedStatement>("""
                SELECT statement AS "Sql", generic_plans AS "GenericPlans" FROM pg_prepared_statements
                WHERE statement LIKE 'SELECT%"TicketSlas"%'
                """).ToListAsync();
        });

        var page = prepared.ShouldHaveSingleItem();
        page.Sql.ShouldNotContain("LIMIT $");
        // Planned without the team, a part read the status index and skipped the other teams' tickets.
        page.Sql.ShouldContain("\"Status\" = 'Open' AND t0.\"GroupId\" = 1");
        page.GenericPlans.ShouldBeGreaterThan(0);
    }

    private sealed record PreparedStatement(string Sql, long GenericPlans);

    private static Task<List<IQueryable<Ticket>>?> AllOpenPartsAsync(AppDbContext db, Guid agent, bool searchesWords) =>
        VisibleParts.SplitAsync(db, only => TicketViews.Of(db, db.Tickets, TicketView.AllOpen, agent, DateTime.UtcNow, only), TicketView.AllOpen,
            ViewSort.Updated, Agent(agent), searchesWords);

    private static ClaimsPrincipal Agent(Guid id) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Role, Roles.Agent)], "test"));

    /// <summary>"Mine" seeks the agent's unsolved tickets and reads them newest first, however old they are.</summary>
    [Fact]
    public async Task Mine_reads_the_agents_unsolved_tickets_in_order()
    {
        var plan = await PlanAsync(db => TicketViews.Of(db, db.Tickets, TicketView.Mine, Guid.NewGuid(), DateTime.UtcNow)
            .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Select(t => t.Id).Take(25));

        plan.ShouldContain("IX_Tickets_Unsolved_AssigneeId_UpdatedAt_Id");
        plan.ShouldNotContain(Postgres ? "Sort" : "TEMP B-TREE");
    }

    /// <summary>
    /// The SLA view in its own order reads the tickets' copy of when they started to need attention from a small index,
    /// in order: a page costs a page of index entries, however many unsolved tickets are not at risk. An agent sees some
    /// groups' tickets only, checked on each row of that walk: were all its terms indexed, SQLite would gather every
    /// ticket of the agent's groups through four indexes and sort them.
    /// </summary>
    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Agent)]
    public async Task The_sla_view_reads_its_index_at_risk_longest_first_without_probing_targets(string role)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, role)], "test"));
        var plan = await PlanAsync(db => ViewOrder.Page(TicketViews.Of(db, db.Tickets.VisibleTo(db, user), TicketView.SlaAtRisk,
            Guid.NewGuid(), DateTime.UtcNow), ViewSort.AtRisk, forward: true, cursor: null).Select(t => t.Id).Take(25));

        plan.ShouldContain("IX_Tickets_SlaAtRiskAt_Id");
        plan.ShouldNotContain("TicketSlas");
        plan.ShouldNotContain("MULTI-INDEX OR");
        plan.ShouldNotContain(Postgres ? "Sort" : "TEMP B-TREE");
    }

    /// <summary>Counts read the entries of their own statuses (a seek), not every ticket's entry with a filter.</summary>
    [Theory]
    [InlineData(TicketView.AllOpen)]
    [InlineData(TicketView.Pending)]
    [InlineData(TicketView.RecentlySolved)]
    public async Task A_views_count_seeks_its_statuses_in_an_index(TicketView view)
    {
        // The count's own query (TicketViews.CountsAsync), with the cap.
        var plan = await PlanAsync(db => TicketViews.Of(db, db.Tickets, view, Guid.NewGuid(), DateTime.UtcNow)
            .Take(TicketViews.CountCap + 1).Select(t => t.Id), "SET enable_seqscan = off; SET enable_bitmapscan = off;");

        // Over the empty table an index scan and an index-only scan cost the same, and which of two equally good
        // status indexes wins depends on the order they were created in; the index-only scan shows the condition on
        // the index's column, without the cast.
        if (Postgres)
            plan.ShouldMatch("Index Cond: \\(+\"Status\"(\\)::text)? = ");
        else
            plan.ShouldContain("(Status=?");
    }

    [Fact]
    public async Task The_level_filter_checks_each_row_of_the_walk_with_a_subquery()
    {
        var now = DateTime.UtcNow;
        var plan = await PlanAsync(db => new ViewsFilter { Level = 2 }
            .Apply(db, TicketViews.Of(db, db.Tickets, TicketView.MyGroups, Guid.NewGuid(), now), TimeZoneInfo.Utc, now)
            .OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id).Select(t => t.Id).Take(25));

        if (Postgres)
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
