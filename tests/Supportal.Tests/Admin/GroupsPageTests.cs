using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Workspace;
using static Supportal.Tests.Admin.WorkspaceAdminData;

namespace Supportal.Tests.Admin;

/// <summary>Admins manage the agents' groups: name, calendar and members; groups in use are not deleted.</summary>
public sealed class GroupsPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<int> GroupIdAsync(string name) => portal.WithDbAsync(db => db.Groups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync());

    [Fact]
    public async Task An_admin_adds_a_group_renames_it_and_gives_it_another_calendar()
    {
        using var client = await portal.AdminAsync();
        var admin = await client.GetAsync("/Admin");
        var page = await client.GetAsync(admin.Find("main a[href='/Admin/Groups']")!.GetAttribute("href")!);
        page.FindAll("tr[data-group] td:first-child").Select(c => c.TextContent.Trim()).ShouldBe(["English team", "Polish team"]);

        var added = await client.SubmitAsync(page.Form("form[data-add-group]"), Values(("Input.Name", " Hardware desk "), ("Input.CalendarId", "1")));

        added.Find("[role=status]")!.TextContent.ShouldBe("Dodano grupę Hardware desk. Teraz dodaj jej członków.");
        var id = await GroupIdAsync("Hardware desk");
        added.Path.ShouldBe($"/Admin/Groups/{id}");
        added.Find("[data-members]").ShouldBeNull();
        added.Find("[data-empty]")!.TextContent.ShouldContain("nie ma jeszcze członków");

        var saved = await client.SubmitAsync(added.Form("form[data-group-details]"), Values(("Input.Name", "Hardware team"), ("Input.CalendarId", "2")));

        saved.Find("[role=status]")!.TextContent.ShouldBe("Zapisano grupę Hardware team.");
        (await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == id).Select(g => new { g.Name, g.CalendarId }).SingleAsync()))
            .ShouldBe(new { Name = "Hardware team", CalendarId = 2 });
        (await portal.WorkspaceAuditsAsync()).ShouldContain("group added: Hardware desk");
        (await portal.WorkspaceAuditsAsync()).ShouldContain($"group {id} changed from Hardware desk (calendar 1) to Hardware team (calendar 2)");
    }

    [Fact]
    public async Task Members_are_added_from_agents_and_admins_only_and_removed_again()
    {
        var agent = await portal.CreateUserAsync("ola.agent@groups.test", "Ola", "Agentka", "pl", role: Roles.Agent);
        var customer = await portal.CreateUserAsync("carl.customer@groups.test", "Carl", "Customer");
        var orders = await portal.CreateUserAsync("otto.orders@groups.test", "Otto", "Orders", role: Roles.Orders);
        var id = await GroupIdAsync("Polish team");
        using var client = await portal.AdminAsync();
        var page = await client.GetAsync($"/Admin/Groups/{id}");
        var choices = page.FindAll("form[data-add-member] option").Select(o => o.GetAttribute("value")).ToList();
        choices.ShouldContain(agent.Id.ToString());
        choices.ShouldNotContain(customer.Id.ToString());
        choices.ShouldNotContain(orders.Id.ToString());

        var added = await client.SubmitAsync(page.Form("form[data-add-member]"), Values(("userId", agent.Id.ToString())));

        added.Find("[role=status]")!.TextContent.ShouldBe("ola.agent@groups.test jest teraz członkiem grupy Polish team.");
        added.Find("tr[data-member='ola.agent@groups.test']")!.TextContent.ShouldContain("Ola Agentka");
        (await portal.WithDbAsync(db => db.GroupMembers.AnyAsync(m => m.GroupId == id && m.UserId == agent.Id))).ShouldBeTrue();

        // A customer or an orders clerk posted by hand is refused, by the field, and nothing is written.
        foreach (var outsider in new[] { customer.Id, orders.Id })
        {
            var refused = await client.SubmitAsync(added.Form("form[data-add-member]"), Values(("userId", outsider.ToString())));
            refused.FieldError("NewMember").ShouldBe("Wybierz agenta lub administratora: tylko oni mogą należeć do grupy.");
        }
        var twice = await client.SubmitAsync(added.Form("form[data-add-member]"), Values(("userId", agent.Id.ToString())));
        twice.FieldError("NewMember").ShouldBe("ola.agent@groups.test jest już członkiem grupy Polish team.");
        var none = await client.SubmitAsync(added.Form("form[data-add-member]"), Values(("userId", "")));
        none.FieldError("NewMember").ShouldBe("Pole Agent lub administrator jest wymagane.");
        (await portal.WithDbAsync(db => db.GroupMembers.CountAsync(m => m.UserId == customer.Id || m.UserId == orders.Id))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.GroupMembers.CountAsync(m => m.GroupId == id && m.UserId == agent.Id))).ShouldBe(1);

        var form = added.Form("tr[data-member='ola.agent@groups.test'] form");
        form.GetAttribute("data-confirm").ShouldBe("Usunąć ola.agent@groups.test z grupy Polish team?");
        var removed = await client.SubmitAsync(form);

        removed.Find("[role=status]")!.TextContent.ShouldBe("ola.agent@groups.test nie jest już członkiem grupy Polish team.");
        (await portal.WithDbAsync(db => db.GroupMembers.AnyAsync(m => m.GroupId == id && m.UserId == agent.Id))).ShouldBeFalse();
        (await portal.WorkspaceAuditsAsync()).ShouldContain($"group {id} member removed: ola.agent@groups.test");
    }

    [Fact]
    public async Task Names_are_required_unique_and_kept_with_the_error_when_refused()
    {
        using var client = await portal.AdminAsync();
        var page = await client.GetAsync("/Admin/Groups");
        var count = await portal.WithDbAsync(db => db.Groups.CountAsync());

        var empty = await client.SubmitAsync(page.Form("form[data-add-group]"), Values(("Input.Name", " "), ("Input.CalendarId", "1")));
        empty.FieldError("Input.Name").ShouldBe("Pole Nazwa grupy jest wymagane.");

        var duplicate = await client.SubmitAsync(page.Form("form[data-add-group]"), Values(("Input.Name", "english TEAM"), ("Input.CalendarId", "1")));
        duplicate.FieldError("Input.Name").ShouldBe("Grupa o nazwie english TEAM już istnieje.");
        duplicate.Find("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("english TEAM");

        var noCalendar = await client.SubmitAsync(page.Form("form[data-add-group]"), Values(("Input.Name", "Night shift"), ("Input.CalendarId", "")));
        noCalendar.FieldError("Input.CalendarId").ShouldBe("Pole Kalendarz pracy jest wymagane.");
        noCalendar.Find("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("Night shift");
        var unknownCalendar = await client.SubmitAsync(page.Form("form[data-add-group]"), Values(("Input.Name", "Night shift"), ("Input.CalendarId", "999")));
        unknownCalendar.FieldError("Input.CalendarId").ShouldBe("Pole Kalendarz pracy jest wymagane.");

        var polish = await GroupIdAsync("Polish team");
        var edit = await client.GetAsync($"/Admin/Groups/{polish}");
        var renamed = await client.SubmitAsync(edit.Form("form[data-group-details]"), Values(("Input.Name", "English Team")));
        renamed.FieldError("Input.Name").ShouldBe("Grupa o nazwie English Team już istnieje.");

        (await portal.WithDbAsync(db => db.Groups.CountAsync())).ShouldBe(count);
        (await portal.WithDbAsync(db => db.Groups.Where(g => g.Id == polish).Select(g => g.Name).SingleAsync())).ShouldBe("Polish team");
    }

    [Fact]
    public async Task A_group_in_use_is_not_deleted_and_an_unused_one_is_after_confirmation()
    {
        var customer = await portal.CreateUserAsync("ticket.owner@groups.test", language: "en");
        await portal.CreateAsync(customer.Id, "Printer offline");
        var english = await GroupIdAsync("English team");
        using var client = await portal.AdminAsync();
        var list = await client.GetAsync("/Admin/Groups");

        var inUse = await client.GetAsync(list.Find($"tr[data-group='{english}'] a[href*='delete=']")!.GetAttribute("href")!);
        inUse.Find("[data-in-use]")!.TextContent.ShouldContain("Nie można usunąć grupy English team");
        inUse.Find("[data-delete-group] form").ShouldBeNull();

        await client.SubmitAsync(list.Form("form[data-add-group]"), Values(("Input.Name", "Temporary"), ("Input.CalendarId", "2")));
        var id = await GroupIdAsync("Temporary");
        var helper = await portal.CreateUserAsync("temp.agent@groups.test", role: Roles.Agent);
        await portal.WithDbAsync(async db => { db.GroupMembers.Add(new GroupMember { GroupId = id, UserId = helper.Id }); return await db.SaveChangesAsync(); });
        var confirm = await client.GetAsync($"/Admin/Groups?delete={id}");
        confirm.Find("[data-delete-group]")!.TextContent.ShouldContain("Usunąć grupę Temporary? Jej członkowie (1)");
        (await portal.WithDbAsync(db => db.Groups.AnyAsync(g => g.Id == id))).ShouldBeTrue();

        // A delete posted for the group in use (a stale or hand-made form) is refused just the same.
        var forged = confirm.Form("[data-delete-group] form");
        var action = forged.GetAttribute("action")!;
        forged.SetAttribute("action", action.Replace($"id={id}", $"id={english}"));
        var refused = await client.SubmitAsync(forged);
        refused.Find("[data-in-use]")!.TextContent.ShouldContain("English team");
        (await portal.WithDbAsync(db => db.Groups.AnyAsync(g => g.Id == english))).ShouldBeTrue();
        forged.SetAttribute("action", action);

        var deleted = await client.SubmitAsync(confirm.Form("[data-delete-group] form"));

        deleted.Find("[role=status]")!.TextContent.ShouldBe("Usunięto grupę Temporary.");
        (await portal.WithDbAsync(db => db.Groups.AnyAsync(g => g.Id == id))).ShouldBeFalse();
        (await portal.WithDbAsync(db => db.GroupMembers.AnyAsync(m => m.GroupId == id))).ShouldBeFalse();
        (await portal.WorkspaceAuditsAsync()).ShouldContain($"group {id} deleted: Temporary");
    }

    [Theory]
    [InlineData("customer@example.com")]
    [InlineData("agent@example.com")]
    public async Task Only_admins_reach_the_groups(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);

        (await client.GetAsync("/Admin/Groups")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/Admin/Groups/1")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
