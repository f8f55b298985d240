using System.Net;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Sla;
using Supportal.Tickets;

namespace Supportal.Tests.Workspace;

/// <summary>Agents work their groups' requests, unrouted ones and their own assignments; admins see everything.</summary>
public sealed class GroupAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int PolishTeam = 1, EnglishTeam = 2;

    private async Task<(Ticket English, Ticket Polish, PortalClient Agent)> EnglishAgentAsync(string name)
    {
        var english = await portal.RequestAsync($"{name}.en@access.test", "en");
        var polish = await portal.RequestAsync($"{name}.pl@access.test", "pl");
        var agent = await portal.AgentAsync($"{name}@agents.test", groups: [EnglishTeam]);
        var client = portal.CreatePortalClient();
        await client.SignInAsync(agent.Email!);
        return (english, polish, client);
    }

    private static async Task<bool> ListedAsync(PortalClient client, long id, string view = "AllOpen") =>
        (await client.GetAsync($"/Agent?view={view}&q=%23{id}")).Find($"tr[data-ticket='{id}']") is not null;

    [Fact]
    public async Task An_agent_sees_the_requests_of_their_groups_only()
    {
        var (english, polish, agent) = await EnglishAgentAsync("groups");
        english.GroupId.ShouldBe(EnglishTeam);
        polish.GroupId.ShouldBe(PolishTeam);

        (await ListedAsync(agent, english.Id)).ShouldBeTrue();
        (await agent.GetAsync($"/Agent/Tickets/{english.Id}")).Status.ShouldBe(HttpStatusCode.OK);

        (await ListedAsync(agent, polish.Id)).ShouldBeFalse();
        (await ListedAsync(agent, polish.Id, "Unassigned")).ShouldBeFalse();
        (await agent.GetAsync($"/Agent/Tickets/{polish.Id}", follow: false)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await agent.GetAsync($"/Tickets/{polish.Id}", follow: false)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_assigned_to_an_agent_or_in_no_group_is_theirs_to_see()
    {
        var (_, polish, agent) = await EnglishAgentAsync("assigned");
        var agentId = await portal.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == "assigned@agents.test").Id));
        var unrouted = await portal.RequestAsync("unrouted@access.test", "en");
        await portal.ChangeAsync(unrouted.Id, t => t.GroupId = null);
        await portal.ChangeAsync(polish.Id, t => t.AssigneeId = agentId);

        (await ListedAsync(agent, polish.Id, "Mine")).ShouldBeTrue();
        (await agent.GetAsync($"/Agent/Tickets/{polish.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await ListedAsync(agent, unrouted.Id, "Unassigned")).ShouldBeTrue();
        (await agent.GetAsync($"/Agent/Tickets/{unrouted.Id}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_sees_every_group()
    {
        var english = await portal.RequestAsync("admin.en@access.test", "en");
        var polish = await portal.RequestAsync("admin.pl@access.test", "pl");
        await portal.CreateUserAsync("boss@access.test", "Bo", "Boss", role: Roles.Admin);
        using var admin = portal.CreatePortalClient();
        await admin.SignInAsync("boss@access.test");

        (await ListedAsync(admin, english.Id)).ShouldBeTrue();
        (await ListedAsync(admin, polish.Id)).ShouldBeTrue();
        (await admin.GetAsync($"/Agent/Tickets/{polish.Id}")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
