using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using Supportal.Tests.Tickets;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>Applying a macro on the agent's ticket screen (AGT-5): fills the form, previews the changes, saves nothing.</summary>
public sealed class MacroApplyTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<int> MacroAsync(string name, string body, Guid? owner = null, TicketStatus? status = null, TicketPriority? priority = null,
        string tags = "", int? group = null) => portal.WithDbAsync(async db =>
        {
            var macro = new Macro { Name = name, Body = body, OwnerId = owner, SetStatus = status, SetPriority = priority, AddTags = tags, SetGroupId = group };
            db.Macros.Add(macro);
            await db.SaveChangesAsync();
            return macro.Id;
        });

    private Task<(int Version, int Comments)> StateAsync(long id) => portal.WithDbAsync(async db =>
        (await db.Tickets.Where(t => t.Id == id).Select(t => t.Version).SingleAsync(), await db.TicketComments.CountAsync(c => c.TicketId == id)));

    [Fact]
    public async Task Applying_fills_the_reply_and_fields_without_saving_and_submitting_then_saves_through_the_workflow()
    {
        var requester = await portal.CreateUserAsync("macro.apply.owner@agent.test", "Ewa", "Marzec", "pl");
        var ticket = await portal.CreateAsync(requester.Id, "Invoice is wrong");
        var agent = await portal.AgentAsync("macro.apply.agent@agent.test", "Adam", "Agent");
        var macroId = await MacroAsync("Billing: waiting", "Hello {{requester.name}}, we are checking #{{ticket.number}}. {{agent.name}}",
            agent.Id, TicketStatus.Pending, TicketPriority.High, "billing");
        using var client = await portal.SignedInAsync("macro.apply.agent@agent.test");
        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);
        page.Find("[data-manage-macros]")!.GetAttribute("href").ShouldBe("/Agent/Macros");
        page.Find($"select[name='Input.MacroId'] option[value='{macroId}']").ShouldNotBeNull();
        page.Find("[data-macro-preview]")!.ClassList.ShouldContain("d-none");
        var before = await StateAsync(ticket.Id);

        var applied = await page.SubmitAsync("[data-macro-apply]", ("Input.MacroId", macroId.ToString(CultureInfo.InvariantCulture)), ("Input.Tags", "invoice"));

        applied.Status.ShouldBe(HttpStatusCode.OK);
        applied.Find("textarea[name='Input.Body']")!.TextContent.ShouldBe($"Hello Ewa Marzec, we are checking #{ticket.Id}. Adam Agent");
        applied.Find("select[name='Input.Priority'] option[selected]")!.GetAttribute("value").ShouldBe("High");
        applied.Find("input[name='Input.Tags']")!.GetAttribute("value").ShouldBe("invoice billing");
        applied.Find("[data-submit-as='Pending']")!.GetAttribute("data-suggested").ShouldBe("true");
        applied.Find("[data-submit-as='Open']")!.ClassList.ShouldContain("btn-outline-primary");
        var preview = applied.Find("[data-macro-preview]")!;
        preview.ClassList.ShouldNotContain("d-none");
        preview.QuerySelector("[data-macro-changes]")!.TextContent.ShouldBe("Status → Pending, Priority → High, Tags + billing");
        (await StateAsync(ticket.Id)).ShouldBe(before);
        (await portal.TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.New);

        var submitted = await applied.SubmitAsync("[data-submit-as='Pending']");

        submitted.Find("[role=status]")!.TextContent.ShouldBe("The reply has been sent.");
        var saved = await portal.TicketAsync(ticket.Id);
        saved.Status.ShouldBe(TicketStatus.Pending);
        saved.Priority.ShouldBe(TicketPriority.High);
        saved.Tags.Select(t => t.Tag).ShouldBe(["billing", "invoice"], ignoreOrder: true);
        var reply = await portal.WithDbAsync(db => db.TicketComments.Where(c => c.TicketId == ticket.Id).OrderBy(c => c.Id)
            .Select(c => new { c.Body, c.IsPublic }).ToListAsync());
        reply.Last().Body.ShouldBe($"Hello Ewa Marzec, we are checking #{ticket.Id}. Adam Agent");
        reply.Last().IsPublic.ShouldBeTrue();
        (await portal.EventsAsync(ticket.Id)).Select(e => e.Field).ShouldContain("Priority");
    }

    [Fact]
    public async Task The_script_gets_the_filled_form_as_json_and_nothing_is_saved()
    {
        var requester = await portal.CreateUserAsync("macro.json.owner@agent.test", "Jan", "Nowak", "pl");
        var ticket = await portal.CreateAsync(requester.Id, "Login fails");
        await portal.AgentAsync("macro.json.agent@agent.test");
        var macroId = await MacroAsync("Shared: on hold", "Dear {{requester.name}} (#{{ticket.number}})", status: TicketStatus.OnHold, tags: "vendor");
        using var client = await portal.SignedInAsync("macro.json.agent@agent.test");
        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);
        page.Find($"select[name='Input.MacroId'] option[value='{macroId}']").ShouldNotBeNull();
        var before = await StateAsync(ticket.Id);

        using var response = await PostJsonAsync(client, page, ticket.Id, macroId, "First line");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("body").GetString().ShouldBe($"First line\n\nDear Jan Nowak (#{ticket.Id})");
        json.RootElement.GetProperty("status").GetString().ShouldBe("OnHold");
        json.RootElement.GetProperty("tags").GetString().ShouldBe("vendor");
        json.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["Status → On-hold", "Tags + vendor"]);
        (await StateAsync(ticket.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task A_macro_moving_the_ticket_to_another_group_fills_the_group_and_saving_moves_it_there()
    {
        var requester = await portal.CreateUserAsync("macro.group.owner@agent.test");
        var ticket = await portal.CreateAsync(requester.Id, "Faktura jest błędna");
        await portal.AgentAsync("macro.group.agent@agent.test");
        var polish = await portal.WithDbAsync(db => db.Groups.Where(g => g.Name == "Polish team").Select(g => g.Id).SingleAsync());
        (await portal.TicketAsync(ticket.Id)).GroupId.ShouldNotBe(polish);
        var macroId = await MacroAsync("To the Polish team", "", group: polish);
        using var client = await portal.SignedInAsync("macro.group.agent@agent.test");
        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);
        var before = await StateAsync(ticket.Id);

        var applied = await page.SubmitAsync("[data-macro-apply]", ("Input.MacroId", macroId.ToString(CultureInfo.InvariantCulture)));

        applied.Find("select[name='Input.GroupId'] option[selected]")!.GetAttribute("value").ShouldBe(polish.ToString(CultureInfo.InvariantCulture));
        applied.Find("[data-macro-changes]")!.TextContent.ShouldBe("Group → Polish team");
        using var response = await PostJsonAsync(client, page, ticket.Id, macroId, "");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("groupId").GetString().ShouldBe(polish.ToString(CultureInfo.InvariantCulture));
        (await StateAsync(ticket.Id)).ShouldBe(before);

        var saved = await applied.SubmitAsync("[data-save]");

        saved.Find("[role=status]")!.TextContent.ShouldBe("The ticket has been saved.");
        saved.Find("select[name='Input.GroupId'] option[selected]")!.GetAttribute("value").ShouldBe(polish.ToString(CultureInfo.InvariantCulture));
        (await portal.TicketAsync(ticket.Id)).GroupId.ShouldBe(polish);
        (await portal.EventsAsync(ticket.Id)).Single(e => e.Field == "Group").NewValue.ShouldBe("Polish team");
    }

    [Fact]
    public async Task Another_agents_personal_macro_is_not_offered_and_applying_it_is_refused_with_the_form_kept()
    {
        var requester = await portal.CreateUserAsync("macro.other.owner@agent.test");
        var ticket = await portal.CreateAsync(requester.Id, "Printer jam");
        var owner = await portal.AgentAsync("macro.other.owner.agent@agent.test");
        await portal.AgentAsync("macro.other.agent@agent.test");
        var shared = await MacroAsync("Shared: thanks", "Thanks!");
        var foreign = await MacroAsync("Owner's secret", "Secret {{requester.name}}", owner.Id, TicketStatus.Solved, TicketPriority.Urgent, "secret");
        using var client = await portal.SignedInAsync("macro.other.agent@agent.test");
        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);
        page.Find($"select[name='Input.MacroId'] option[value='{shared}']").ShouldNotBeNull();
        page.Find($"select[name='Input.MacroId'] option[value='{foreign}']").ShouldBeNull();
        var before = await StateAsync(ticket.Id);

        var refused = await page.SubmitAsync("[data-macro-apply]",
            ("Input.Body", "My own words"), ("Input.Priority", "Low"), ("Input.MacroId", foreign.ToString(CultureInfo.InvariantCulture)));

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.FieldError("Input.MacroId").ShouldBe("This macro is not available to you.");
        refused.Find("textarea[name='Input.Body']")!.TextContent.ShouldBe("My own words");
        refused.Find("select[name='Input.Priority'] option[selected]")!.GetAttribute("value").ShouldBe("Low");
        refused.Find("[data-submit-as][data-suggested='true']").ShouldBeNull();
        using var json = await PostJsonAsync(client, page, ticket.Id, foreign, "");
        json.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await json.Content.ReadAsStringAsync()).ShouldContain("not available");
        (await StateAsync(ticket.Id)).ShouldBe(before);
    }

    private static Task<HttpResponseMessage> PostJsonAsync(PortalClient client, AgentTicketPage page, long ticketId, int macroId, string body)
    {
        var token = page.AntiforgeryToken;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Agent/Tickets/{ticketId}?handler=Macro")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.MacroId"] = macroId.ToString(CultureInfo.InvariantCulture), ["Input.Body"] = body, ["Input.Priority"] = "Normal",
            }),
        };
        request.Headers.Add("X-Macro", "1");
        return client.Http.SendAsync(request);
    }
}
