using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.Status;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Status;

/// <summary>The status editors' screens (issue 27): groups, services and their states, each change audited.</summary>
public sealed class StatusEditorTests(StatusEditorTests.Portal portal) : IClassFixture<StatusEditorTests.Portal>
{
    /// <summary>A status editor of its own, and one signed-in client per person: sign-ins are rate limited per address.</summary>
    public sealed class Portal : PortalFactory
    {
        public const string Editor = "status-editor@example.com";

        private readonly Dictionary<string, PortalClient> signedIn = [];

        public async Task<PortalClient> AsAsync(string email)
        {
            if (!signedIn.TryGetValue(email, out var client))
            {
                if (email == Editor)
                    await CreateUserAsync(Editor, "Stan", "Status", "en", Roles.StatusEditor);
                client = CreatePortalClient();
                (await client.SignInAsync(email)).Path.ShouldNotStartWith("/Account/Login");
                signedIn[email] = client;
            }
            return client;
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var client in signedIn.Values)
                client.Dispose();
            await base.DisposeAsync();
        }
    }

    private DateTime Now => portal.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A service in a group of its own, added the one way services are added.</summary>
    private async Task<(int GroupId, int ServiceId)> CreateServiceAsync(string name)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = new StatusService { NameEn = name, Group = new ServiceGroup { NameEn = "Group of " + name, Order = 1000 } };
        scope.ServiceProvider.GetRequiredService<ServiceStates>().Add(service, Now);
        await db.SaveChangesAsync();
        return (service.GroupId, service.Id);
    }

    private Task<List<ServiceStateInterval>> IntervalsAsync(int serviceId) =>
        portal.WithDbAsync(db => db.StatusIntervals.AsNoTracking().Where(i => i.ServiceId == serviceId).OrderBy(i => i.From).ThenBy(i => i.Id).ToListAsync());

    private Task<StatusService?> ServiceAsync(int id) =>
        portal.WithDbAsync(db => db.StatusServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id));

    /// <summary>The status audit records whose text starts so, oldest first.</summary>
    private Task<List<string>> AuditedAsync(string start) => portal.WithDbAsync(db => db.AuditEvents
        .Where(e => e.Action == AuditActions.StatusChanged && e.Detail!.StartsWith(start)).OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync());

    [Fact]
    public async Task An_editor_adds_a_group_and_a_service_that_starts_operational_with_its_history_open()
    {
        var editor = await portal.AsAsync(Portal.Editor);
        var groupName = $"Portal {Guid.NewGuid():N}";
        var serviceName = $"Sign-in {Guid.NewGuid():N}";

        var index = await editor.SubmitAsync((await editor.GetAsync("/StatusEditor")).Form("form[data-group-form]"),
            new Dictionary<string, string> { ["Input.NameEn"] = groupName, ["Input.NamePl"] = "Portal PL" });
        var groupId = await portal.WithDbAsync(db => db.StatusGroups.Where(g => g.NameEn == groupName).Select(g => g.Id).SingleAsync());
        index.Find($"[data-group='{groupId}'] [data-empty]").ShouldNotBeNull();
        var form = await editor.GetAsync($"/StatusEditor/Service?group={groupId}");
        var saved = await editor.SubmitAsync(form.Form("form[data-service-form]"), new Dictionary<string, string>
        {
            ["Input.NameEn"] = serviceName, ["Input.NamePl"] = "Logowanie", ["Input.DescriptionEn"] = "Signing in to the portal.",
        });

        var service = await portal.WithDbAsync(db => db.StatusServices.AsNoTracking().SingleAsync(s => s.NameEn == serviceName));
        (service.GroupId, service.NamePl, service.DescriptionEn, service.State, service.CreatedAt).ShouldBe(
            (groupId, "Logowanie", "Signing in to the portal.", ServiceState.Operational, Now));
        var interval = (await IntervalsAsync(service.Id)).ShouldHaveSingleItem();
        (interval.State, interval.From, interval.To).ShouldBe((ServiceState.Operational, Now, (DateTime?)null));
        saved.Path.ShouldBe("/StatusEditor");
        saved.Text.ShouldContain($"Service \"{serviceName}\" added");
        var row = saved.Find($"[data-group='{groupId}'] [data-service='{service.Id}']")!;
        row.QuerySelector("[data-state]")!.TextContent.ShouldBe("Operational");
        row.QuerySelector("[data-since]")!.GetAttribute("datetime").ShouldStartWith(Now.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        (await AuditedAsync("group added: " + groupName)).ShouldHaveSingleItem();
        (await AuditedAsync("service added: " + serviceName)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Changing_a_state_closes_the_open_interval_at_that_instant_opens_a_new_one_and_is_audited()
    {
        var (_, id) = await CreateServiceAsync($"Chat {Guid.NewGuid():N}");
        var editor = await portal.AsAsync(Portal.Editor);
        portal.Clock.Advance(TimeSpan.FromMinutes(42));
        var page = await editor.GetAsync($"/StatusEditor/State/{id}");
        page.Find("input[name='State'][checked]")!.GetAttribute("value").ShouldBe("Operational");

        var saved = await editor.SubmitAsync(page.Form(), new Dictionary<string, string> { ["State"] = "MajorOutage" });

        saved.Path.ShouldBe("/StatusEditor");
        saved.Find($"[data-service='{id}'] [data-state]")!.TextContent.ShouldBe("Major outage");
        (await ServiceAsync(id))!.State.ShouldBe(ServiceState.MajorOutage);
        (await IntervalsAsync(id)).Select(i => (i.State, i.From, i.To)).ShouldBe([
            (ServiceState.Operational, Now.AddMinutes(-42), Now), (ServiceState.MajorOutage, Now, (DateTime?)null)]);
        (await AuditedAsync($"service {id} ")).ShouldBe([$"service {id} state MajorOutage: {(await ServiceAsync(id))!.NameEn}"]);
    }

    [Fact]
    public async Task Saving_the_current_state_changes_nothing_and_says_so()
    {
        var (_, id) = await CreateServiceAsync($"Mail {Guid.NewGuid():N}");
        var editor = await portal.AsAsync(Portal.Editor);
        portal.Clock.Advance(TimeSpan.FromMinutes(5));

        var saved = await editor.SubmitAsync((await editor.GetAsync($"/StatusEditor/State/{id}")).Form());

        saved.Text.ShouldContain("Nothing changed");
        (await IntervalsAsync(id)).ShouldHaveSingleItem().To.ShouldBeNull();
        (await AuditedAsync($"service {id} ")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Invalid_input_is_shown_next_to_its_field_kept_and_changes_nothing()
    {
        var (groupId, id) = await CreateServiceAsync($"Phone {Guid.NewGuid():N}");
        var editor = await portal.AsAsync(Portal.Editor);
        var services = await portal.WithDbAsync(db => db.StatusServices.CountAsync());

        var added = await editor.SubmitAsync((await editor.GetAsync($"/StatusEditor/Service?group={groupId}")).Form("form[data-service-form]"),
            new Dictionary<string, string> { ["Input.NameEn"] = "", ["Input.NamePl"] = "Zachowane", ["Input.DescriptionEn"] = new string('d', StatusService.DescriptionLength + 1) });
        var edited = await editor.SubmitAsync((await editor.GetAsync($"/StatusEditor/Service/{id}")).Form("form[data-service-form]"),
            new Dictionary<string, string> { ["Input.NameEn"] = "Renamed", ["Input.GroupId"] = "0" });
        var state = await editor.SubmitAsync((await editor.GetAsync($"/StatusEditor/State/{id}")).Form(), new Dictionary<string, string> { ["State"] = "Exploded" });

        added.Status.ShouldBe(HttpStatusCode.OK);
        added.FieldError("Input.NameEn").ShouldNotBeEmpty();
        added.FieldError("Input.DescriptionEn").ShouldNotBeEmpty();
        added.Find("input[name='Input.NamePl']")!.GetAttribute("value").ShouldBe("Zachowane");
        edited.FieldError("Input.GroupId").ShouldNotBeEmpty();
        edited.Find("input[name='Input.NameEn']")!.GetAttribute("value").ShouldBe("Renamed");
        state.Status.ShouldBe(HttpStatusCode.OK);
        state.FieldError("State").ShouldNotBeEmpty();
        (await portal.WithDbAsync(db => db.StatusServices.CountAsync())).ShouldBe(services);
        var service = (await ServiceAsync(id))!;
        service.NameEn.ShouldStartWith("Phone ");
        (service.GroupId, service.State).ShouldBe((groupId, ServiceState.Operational));
        (await IntervalsAsync(id)).ShouldHaveSingleItem();
        (await AuditedAsync($"service {id} ")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_group_with_services_cannot_be_deleted_but_an_empty_one_can()
    {
        var editor = await portal.AsAsync(Portal.Editor);
        var names = (Full: $"Full {Guid.NewGuid():N}", Empty: $"Empty {Guid.NewGuid():N}");
        var form = (await editor.GetAsync("/StatusEditor")).Form("form[data-group-form]");
        await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.NameEn"] = names.Full });
        var index = await editor.SubmitAsync(form, new Dictionary<string, string> { ["Input.NameEn"] = names.Empty });
        var (full, empty) = await portal.WithDbAsync(async db => (
            await db.StatusGroups.Where(g => g.NameEn == names.Full).Select(g => g.Id).SingleAsync(),
            await db.StatusGroups.Where(g => g.NameEn == names.Empty).Select(g => g.Id).SingleAsync()));
        // The delete button was on the page while the group was empty; a service added since must still stop it.
        var staleDelete = index.Form($"[data-group='{full}'] form[action*='handler=Delete']");
        var added = await editor.SubmitAsync((await editor.GetAsync($"/StatusEditor/Service?group={full}")).Form("form[data-service-form]"),
            new Dictionary<string, string> { ["Input.NameEn"] = $"Kept {Guid.NewGuid():N}" });
        added.Find($"[data-group='{full}'] form[action*='handler=Delete']").ShouldBeNull();

        var refused = await editor.SubmitAsync(staleDelete);
        var deleted = await editor.SubmitAsync(refused.Form($"[data-group='{empty}'] form[action*='handler=Delete']"));

        refused.Text.ShouldContain("still has services");
        deleted.Text.ShouldContain($"Group \"{names.Empty}\" deleted");
        (await portal.WithDbAsync(db => db.StatusGroups.Where(g => g.Id == full || g.Id == empty).Select(g => g.Id).ToListAsync())).ShouldBe([full]);
        (await AuditedAsync($"group {full} deleted")).ShouldBeEmpty();
        (await AuditedAsync($"group {empty} deleted")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_editor_deletes_a_service_after_confirming_and_its_history_goes_with_it()
    {
        var name = $"Retired {Guid.NewGuid():N}";
        var (_, id) = await CreateServiceAsync(name);
        var editor = await portal.AsAsync(Portal.Editor);
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await editor.SubmitAsync((await editor.GetAsync($"/StatusEditor/State/{id}")).Form(), new Dictionary<string, string> { ["State"] = "PartialOutage" });

        var confirm = await editor.GetAsync($"/StatusEditor/ServiceDelete/{id}");
        confirm.Text.ShouldContain(name);
        (await ServiceAsync(id)).ShouldNotBeNull();
        var deleted = await editor.SubmitAsync(confirm.Form());

        deleted.Path.ShouldBe("/StatusEditor");
        deleted.Text.ShouldContain($"Service \"{name}\" deleted");
        (await ServiceAsync(id)).ShouldBeNull();
        (await IntervalsAsync(id)).ShouldBeEmpty();
        (await AuditedAsync($"service {id} deleted")).ShouldBe([$"service {id} deleted: {name}"]);
    }

    [Fact]
    public async Task Only_status_editors_and_admins_reach_the_status_editor()
    {
        var (_, id) = await CreateServiceAsync($"Guarded {Guid.NewGuid():N}");
        var urls = new[] { "/StatusEditor", "/StatusEditor/Index", "/StatusEditor/Service", $"/StatusEditor/Service/{id}",
            $"/StatusEditor/State/{id}", $"/StatusEditor/ServiceDelete/{id}" };
        var customer = await portal.AsAsync("customer@example.com");
        var agent = await portal.AsAsync("agent@example.com");
        var admin = await portal.AsAsync("admin@example.com");
        var editor = await portal.AsAsync(Portal.Editor);
        using var visitor = portal.CreatePortalClient();

        foreach (var url in urls)
        {
            (await customer.GetAsync(url)).Status.ShouldBe(HttpStatusCode.Forbidden, url);
            (await agent.GetAsync(url)).Status.ShouldBe(HttpStatusCode.Forbidden, url);
            (await visitor.GetAsync(url)).Path.ShouldBe("/Account/Login", url);
            (await admin.GetAsync(url)).Status.ShouldBe(HttpStatusCode.OK, url);
        }
        // A form posted without the role changes nothing, whatever it carries.
        var form = (await editor.GetAsync($"/StatusEditor/State/{id}")).Form();
        (await agent.SubmitAsync(form, new Dictionary<string, string> { ["State"] = "MajorOutage" })).Status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await ServiceAsync(id))!.State.ShouldBe(ServiceState.Operational);
        (await editor.GetAsync("/StatusEditor")).FindAll("#sidebar .nav-link").Select(a => a.GetAttribute("href")).ShouldContain("/StatusEditor");
        (await agent.GetAsync("/Dashboard")).FindAll("#sidebar .nav-link").Select(a => a.GetAttribute("href")).ShouldNotContain("/StatusEditor");
    }
}
