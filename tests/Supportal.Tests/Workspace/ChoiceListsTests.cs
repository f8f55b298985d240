using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>
/// The groups, staff, service levels and manufacturers the agent's screens offer are kept in memory
/// (<see cref="ChoiceLists"/>): a change saved through the portal shows on its next page, one made by another node
/// within the lists' lifetime. The clock is moved here, so the class has its own portal.
/// </summary>
public sealed class ChoiceListsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string[] Offered(Page page, string select) =>
        page.FindAll($"select[name='{select}'] option").Select(o => o.TextContent.Trim()).ToArray();

    [Fact]
    public async Task Groups_staff_levels_and_makers_saved_through_the_portal_are_offered_on_the_next_page()
    {
        var requester = await portal.CreateUserAsync("lists.owner@lists.test");
        var ticket = await portal.CreateAsync(requester.Id, "Which group?");
        await portal.AgentAsync("lists.agent@lists.test", "Lena", "Lists");
        using var client = await portal.SignedInAsync("lists.agent@lists.test");
        Offered(await client.GetAsync("/Agent"), "group").ShouldNotContain("Lists: night shift");

        await portal.WithDbAsync(async db =>
        {
            var calendar = await db.BusinessCalendars.Select(c => c.Id).FirstAsync();
            db.Groups.Add(new Group { Name = "Lists: night shift", CalendarId = calendar });
            db.Manufacturers.Add(new Manufacturer { Name = "Lists Maker" });
            return await db.SaveChangesAsync();
        });
        await portal.AgentAsync("lists.newcomer@lists.test", "Nora", "Newcomer");
        await portal.WithDbAsync(async db =>
        {
            var lena = await db.Users.SingleAsync(u => u.Email == "lists.agent@lists.test");
            lena.LastName = "Renamed";
            return await db.SaveChangesAsync();
        });

        var views = await client.GetAsync("/Agent");
        Offered(views, "group").ShouldContain("Lists: night shift");
        Offered(views, "maker").ShouldContain("Lists Maker");
        Offered(views, "assignee").ShouldContain("Nora Newcomer");
        Offered(views, "assignee").ShouldContain("Lena Renamed");
        Offered(views, "assignee").ShouldNotContain("Lena Lists");
        var screen = await client.GetAsync($"/Agent/Tickets/{ticket.Id}");
        Offered(screen, "Input.GroupId").ShouldContain("Lists: night shift");
        Offered(screen, "Input.AssigneeId").ShouldContain("Nora Newcomer");

        // Losing the role takes the agent off the lists at once, too.
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.RemoveFromRoleAsync((await users.FindByEmailAsync("lists.newcomer@lists.test"))!, Roles.Agent)).Succeeded.ShouldBeTrue();
        }
        Offered(await client.GetAsync("/Agent"), "assignee").ShouldNotContain("Nora Newcomer");
    }

    [Fact]
    public async Task Another_node_offers_a_change_once_the_lists_lifetime_has_passed()
    {
        var groupId = await portal.WithDbAsync(async db =>
        {
            var group = new Group { Name = "Lists: before", CalendarId = await db.BusinessCalendars.Select(c => c.Id).FirstAsync() };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            return group.Id;
        });
        await portal.AgentAsync("lists.node@lists.test", "Olga", "Node");
        await using var other = portal.AnotherNode();
        using var client = await other.SignedInAsync("lists.node@lists.test");
        Offered(await client.GetAsync("/Agent"), "group").ShouldContain("Lists: before");

        await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == groupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, "Lists: after")));
        // Kept: the other node has not heard of the change.
        Offered(await client.GetAsync("/Agent"), "group").ShouldContain("Lists: before");

        portal.Clock.Advance(ChoiceLists.Lifetime + TimeSpan.FromSeconds(1));
        var views = await client.GetAsync("/Agent");
        Offered(views, "group").ShouldContain("Lists: after");
        Offered(views, "group").ShouldNotContain("Lists: before");
    }

    [Fact]
    public async Task A_change_saved_inside_a_transaction_is_offered_once_committed_and_forgotten_once_rolled_back()
    {
        var lists = portal.Services.GetRequiredService<ChoiceLists>();
        using var writing = portal.Services.CreateScope();
        using var reading = portal.Services.CreateScope();
        var writer = writing.ServiceProvider.GetRequiredService<AppDbContext>();
        var reader = reading.ServiceProvider.GetRequiredService<AppDbContext>();

        await using (var transaction = await writer.Database.BeginTransactionAsync())
        {
            writer.ServiceLevels.Add(new ServiceLevel { Code = "LISTS-PLAT", Name = "Lists: platinum" });
            await writer.SaveChangesAsync();
            // Read before the commit: the database still answers without the new level.
            (await lists.GetAsync(reader)).Levels.Select(l => l.Name).ShouldNotContain("Lists: platinum");
            await transaction.CommitAsync();
        }
        (await lists.GetAsync(reader)).Levels.Select(l => l.Name).ShouldContain("Lists: platinum");

        await using (var transaction = await writer.Database.BeginTransactionAsync())
        {
            writer.ServiceLevels.Add(new ServiceLevel { Code = "LISTS-BACK", Name = "Lists: rolled back" });
            await writer.SaveChangesAsync();
            // Read again inside the transaction (the kept copy has expired), the lists hold what it is about to undo.
            portal.Clock.Advance(ChoiceLists.Lifetime + TimeSpan.FromSeconds(1));
            (await lists.GetAsync(writer)).Levels.Select(l => l.Name).ShouldContain("Lists: rolled back");
            await transaction.RollbackAsync();
        }
        (await lists.GetAsync(reader)).Levels.Select(l => l.Name).ShouldNotContain("Lists: rolled back");
    }
}
