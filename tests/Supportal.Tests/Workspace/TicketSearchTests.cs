using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>The agents' search, answered by the full-text indexes of whichever database runs the tests.</summary>
public sealed class TicketSearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(ViewsData Data, PortalClient Client)> StartAsync(string name)
    {
        var data = await new ViewsData(portal).StartAsync(name);
        var agent = await data.AgentAsync();
        var client = portal.CreatePortalClient();
        await client.SignInAsync(agent.Email!);
        return (data, client);
    }

    private static async Task<long[]> SearchAsync(ViewsData data, PortalClient client, string q) =>
        ViewsData.Numbers(await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}&q={Uri.EscapeDataString(q)}"));

    [Fact]
    public async Task A_word_is_found_by_its_beginning_in_any_case_with_Polish_letters()
    {
        var (data, client) = await StartAsync("Prefix");
        using var _ = client;
        var polish = await data.TicketAsync("Drukarka w Łodzi nie drukuje", comment: "Żółta lampka MIGA po restarcie");
        var english = await data.TicketAsync("Printer's tray jams", comment: "Firmware 2.4.1 installed");

        (await SearchAsync(data, client, "łódź")).ShouldBeEmpty();
        (await SearchAsync(data, client, "ŁODZI")).ShouldBe([polish]);
        (await SearchAsync(data, client, "żółt miga")).ShouldBe([polish]);
        (await SearchAsync(data, client, "zolta")).ShouldBeEmpty();
        (await SearchAsync(data, client, "print")).ShouldBe([english]);
        (await SearchAsync(data, client, "printer's")).ShouldBe([english]);
        (await SearchAsync(data, client, "firmware 2.4")).ShouldBe([english]);
        (await SearchAsync(data, client, "rinter")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_word_must_match_somewhere_in_the_ticket()
    {
        var (data, client) = await StartAsync("AllWords");
        using var _ = client;
        var both = await data.TicketAsync("Scanner offline", comment: "Cable replaced");
        await data.TicketAsync("Scanner slow");

        (await SearchAsync(data, client, "scanner cable")).ShouldBe([both]);
        (await SearchAsync(data, client, "scanner missing")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Words_follow_comments_that_move_change_or_go()
    {
        var (data, client) = await StartAsync("Moves");
        using var _ = client;
        var duplicate = await data.TicketAsync("Router reboots", comment: "Kangaroo sticker on the case");
        var target = await data.TicketAsync("Router restarts at night");
        var edited = await data.TicketAsync("Switch port dead", comment: "Platypus cable");
        await portal.WithDbAsync(db => db.TicketComments.Where(c => c.TicketId == duplicate).ExecuteUpdateAsync(c => c.SetProperty(x => x.TicketId, target)));
        await portal.WithDbAsync(db => db.TicketComments.Where(c => c.TicketId == edited).ExecuteUpdateAsync(c => c.SetProperty(x => x.Body, "Wombat cable")));

        (await SearchAsync(data, client, "kangaroo")).ShouldBe([target]);
        (await SearchAsync(data, client, "platypus")).ShouldBeEmpty();
        (await SearchAsync(data, client, "wombat")).ShouldBe([edited]);

        await portal.WithDbAsync(db => db.TicketComments.Where(c => c.TicketId == edited).ExecuteDeleteAsync());
        (await SearchAsync(data, client, "wombat")).ShouldBeEmpty();
        (await SearchAsync(data, client, "switch")).ShouldBe([edited]);
    }

    [Theory]
    [InlineData("\" OR * NEAR(")]
    [InlineData("'; DROP TABLE \"Tickets\"; --")]
    [InlineData("!!! ???")]
    [InlineData("a:* & b | !c")]
    public async Task Search_syntax_in_the_query_is_taken_as_plain_words(string query)
    {
        var (data, client) = await StartAsync("Syntax");
        using var _ = client;
        await data.TicketAsync("Router reboots at night");

        var page = await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}&q={Uri.EscapeDataString(query)}");

        page.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        ViewsData.Numbers(page).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_search_finds_in_each_view_only_what_its_agent_may_see()
    {
        var (data, client) = await StartAsync("Access");
        using var _ = client;
        var other = await data.AgentAsync();
        var team = await data.GroupAsync(other.Id);
        var theirs = await data.TicketAsync("Quokka dock flickers", group: team);
        var unrouted = await data.TicketAsync("Quokka dock is dead");
        var solved = await data.TicketAsync("Quokka dock replaced", status: TicketStatus.Solved, solved: TimeSpan.FromHours(2));

        (await SearchAsync(data, client, "quokka")).ShouldBe([unrouted]);
        ViewsData.Numbers(await client.GetAsync($"/Agent?view=RecentlySolved&org={data.OrganizationId}&q=quokka")).ShouldBe([solved]);
        using var member = portal.CreatePortalClient();
        await member.SignInAsync(other.Email!);
        (await SearchAsync(data, member, "quokka dock")).ShouldBe([theirs, unrouted], ignoreOrder: true);
    }

    [Fact]
    public async Task A_ticket_solved_and_reopened_is_found_again()
    {
        var (data, client) = await StartAsync("Reopened");
        using var _ = client;
        var ticket = await data.TicketAsync("Wombat scanner jams");
        async Task SetAsync(TicketStatus status) =>
            await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, status)));

        await SetAsync(TicketStatus.Solved);
        (await SearchAsync(data, client, "wombat")).ShouldBeEmpty();
        await SetAsync(TicketStatus.Open);
        (await SearchAsync(data, client, "wombat")).ShouldBe([ticket]);
        await SetAsync(TicketStatus.Closed);
        await SetAsync(TicketStatus.Pending);
        ViewsData.Numbers(await client.GetAsync($"/Agent?view=Pending&org={data.OrganizationId}&q=wombat")).ShouldBe([ticket]);
    }

    [Fact]
    public async Task A_words_unsolved_tickets_are_handed_back_only_when_they_are_few()
    {
        var (data, client) = await StartAsync("Few");
        client.Dispose();
        var word = $"numbat{Guid.NewGuid():N}"[..14];
        var open = new List<long>();
        for (var i = 0; i < 3; i++)
            open.Add(await data.TicketAsync($"{word} printer {i}", status: i == 0 ? TicketStatus.New : TicketStatus.OnHold));
        await data.TicketAsync($"{word} printer solved", status: TicketStatus.Closed);

        var (few, many, number) = await portal.WithDbAsync(async db => (
            await TicketSearch.FewUnsolvedAsync(db, $"{word} print", few: 3),
            await TicketSearch.FewUnsolvedAsync(db, $"{word} print", few: 2),
            await TicketSearch.FewUnsolvedAsync(db, $"#{open[0]}")));

        many.ShouldBeNull();
        number.ShouldBeNull();
        if (TestDatabase.Provider == Supportal.Data.DatabaseProvider.Postgres)
            few.ShouldBe(open, ignoreOrder: true);
        else
            few.ShouldBeNull();
    }

    [Fact]
    public void Words_are_split_as_the_indexes_split_them()
    {
        TicketSearch.Words("Drukarka, ŁÓDŹ-Bałuty; v2.4 printer's").ShouldBe(["drukarka", "łódź", "bałuty", "v2", "4", "printer", "s"]);
        TicketSearch.Words(string.Join(' ', Enumerable.Range(1, 20).Select(i => $"w{i}"))).Count.ShouldBe(TicketSearch.MaxWords);
    }

    [Theory]
    [InlineData("#10001", false)]
    [InlineData(" 10001 ", false)]
    [InlineData("firewall", true)]
    [InlineData("#10001 firewall", true)]
    public void A_search_is_for_a_number_or_for_words(string query, bool words) =>
        new Supportal.Pages.Agent.ViewsFilter { Q = query }.SearchesWords.ShouldBe(words);
}

/// <summary>The search reads the full-text indexes instead of scanning subjects and comments.</summary>
public sealed class TicketSearchPlanTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_search_query_is_answered_from_the_full_text_indexes()
    {
        var postgres = TestDatabase.Provider == Supportal.Data.DatabaseProvider.Postgres;
        var plan = await portal.WithDbAsync(async db =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = (postgres ? TicketSearch.PostgresQuery : TicketSearch.SqliteQuery).Replace("{0}", $"'{TicketSearch.PrefixOf(db, "printer")}'");
            return await QueryPlan.OfAsync(command, "SET enable_seqscan = off;");
        });

        if (postgres)
        {
            plan.ShouldContain("IX_TicketSearchVectors_Vector");
            plan.ShouldNotContain("Seq Scan");
        }
        else
        {
            plan.ShouldContain("TicketSubjectIndex VIRTUAL TABLE INDEX");
            plan.ShouldContain("TicketCommentIndex VIRTUAL TABLE INDEX");
            plan.ShouldNotContain("SCAN TicketComments");
        }
    }

    [Fact]
    public async Task A_words_unsolved_tickets_are_read_from_their_own_index()
    {
        if (TestDatabase.Provider != Supportal.Data.DatabaseProvider.Postgres)
            return;
        var plan = await portal.WithDbAsync(async db =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = TicketSearch.PostgresUnsolvedQuery.Replace("{0}", "'printer:* & jam:*'").Replace("{1}", "2001");
            return await QueryPlan.OfAsync(command, "SET enable_seqscan = off;");
        });

        plan.ShouldContain("IX_TicketSearchVectors_Unsolved");
    }

    [Fact]
    public async Task Each_vector_knows_whether_its_ticket_is_unsolved()
    {
        if (TestDatabase.Provider != Supportal.Data.DatabaseProvider.Postgres)
            return;
        var data = await new ViewsData(portal).StartAsync("Flag");
        var ticket = await data.TicketAsync("Flag follows status", status: TicketStatus.New);
        Task<bool> UnsolvedAsync() => portal.WithDbAsync(db => db.Database
            .SqlQuery<bool>($"""SELECT "Unsolved" AS "Value" FROM "TicketSearchVectors" WHERE "TicketId" = {ticket}""").SingleAsync());
        async Task<bool> SetAsync(TicketStatus status)
        {
            await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, status)));
            return await UnsolvedAsync();
        }

        (await UnsolvedAsync()).ShouldBeTrue();
        (await SetAsync(TicketStatus.Pending)).ShouldBeTrue();
        (await SetAsync(TicketStatus.Solved)).ShouldBeFalse();
        (await SetAsync(TicketStatus.Closed)).ShouldBeFalse();
        (await SetAsync(TicketStatus.OnHold)).ShouldBeTrue();
    }
}

/// <summary>Every query the portal sends, whichever flow sends it.</summary>
public sealed class EveryQuery : DbCommandInterceptor
{
    public ConcurrentQueue<string> Sent { get; } = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

public sealed class EveryQueryPortal : PortalFactory
{
    public EveryQuery Queries { get; } = new();

    public EveryQueryPortal() => Intercept(Queries);
}

/// <summary>Which way the views page answers a word search on PostgreSQL.</summary>
public sealed class TicketSearchPathTests(EveryQueryPortal portal) : IClassFixture<EveryQueryPortal>
{
    [Fact]
    public async Task A_view_of_unsolved_tickets_checks_the_words_few_unsolved_tickets_in_one_query()
    {
        if (TestDatabase.Provider != DatabaseProvider.Postgres)
            return;
        var data = await new ViewsData(portal).StartAsync("Path");
        var agent = await data.AgentAsync();
        await portal.JoinGroupsAsync(agent.Id, 1, 2);
        var ticket = await data.TicketAsync("Bilby router overheats", group: 1);
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(agent.Email!);

        portal.Queries.Sent.Clear();
        ViewsData.Numbers(await client.GetAsync("/Agent?view=AllOpen&q=bilby")).ShouldBe([ticket]);
        var sent = portal.Queries.Sent.ToList();
        sent.ShouldContain(q => q.Contains("\"Unsolved\" AND \"Vector\" @@"));
        var page = sent.Where(q => q.Contains("= ANY (") && q.Contains("\"TicketSlas\"")).ShouldHaveSingleItem();
        page.ShouldNotContain("UNION ALL");
        page.ShouldNotContain("\"TicketSearchVectors\"");

        // "Recently solved" holds solved tickets: it walks the view, reading each ticket's vector.
        portal.Queries.Sent.Clear();
        ViewsData.Numbers(await client.GetAsync("/Agent?view=RecentlySolved&q=bilby")).ShouldBeEmpty();
        portal.Queries.Sent.ShouldNotContain(q => q.Contains("\"Unsolved\""));
        portal.Queries.Sent.ShouldContain(q => q.Contains("\"TicketSearchVectors\"") && q.Contains("\"TicketSlas\""));
    }
}
