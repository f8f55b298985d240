using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
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
}
