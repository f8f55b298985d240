using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

public sealed class MacroTextTests
{
    [Theory]
    [InlineData("Hello {{requester.name}}, about #{{ticket.number}}. {{agent.name}}", "Hello Ewa Marzec, about #10042. Adam Agent")]
    [InlineData("Hi {{ Requester.Name }}!", "Hi Ewa Marzec!")]
    [InlineData("{{ticket.number}}{{ticket.number}}", "1004210042")]
    [InlineData("Dear {{requester.first}} {{customer}} {{ticket.number", "Dear {{requester.first}} {{customer}} {{ticket.number")]
    [InlineData("", "")]
    [InlineData("No placeholders here.", "No placeholders here.")]
    public void Known_placeholders_are_filled_in_and_unknown_ones_stay_as_typed(string body, string expected) =>
        MacroText.Render(body, "Ewa Marzec", 10042, "Adam Agent").ShouldBe(expected);

    [Fact]
    public void Values_are_inserted_literally_and_not_read_as_placeholders_again() =>
        MacroText.Render("{{requester.name}} / {{agent.name}}", "{{agent.name}} $1", 1, "A").ShouldBe("{{agent.name}} $1 / A");

    [Theory]
    [InlineData("billing  VIP,#urgent billing", new[] { "billing", "vip", "urgent" })]
    [InlineData("", new string[0])]
    [InlineData("zażółć v1.2 a_b-c", new[] { "zażółć", "v1.2", "a_b-c" })]
    public void Tags_are_split_lower_cased_and_each_kept_once(string text, string[] expected) =>
        MacroText.Tags(text).ShouldBe(expected);

    [Theory]
    [InlineData("no/slash")]
    [InlineData("quote\"d")]
    public void Tags_with_other_characters_are_refused(string text) => MacroText.Tags(text).ShouldBeNull();

    [Fact]
    public void A_tag_longer_than_a_ticket_tag_is_refused() => MacroText.Tags(new string('a', TicketTag.Length + 1)).ShouldBeNull();
}

/// <summary>Macros (AGT-5): personal and shared, the form's validation and preview, and what the ticket screen gets.</summary>
public sealed class MacroTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_agent_creates_edits_and_deletes_a_personal_macro_that_other_agents_never_see()
    {
        var agent = await portal.CreateUserAsync("macro.agent@example.com", "Marta", "Makro", role: Supportal.Accounts.Roles.Agent);
        await portal.CreateUserAsync("other.agent@example.com", "Olek", "Inny", role: Supportal.Accounts.Roles.Agent);
        using var client = await portal.SignedInAsync("macro.agent@example.com");
        var page = await client.GetAsync("/Agent/Macros");
        page.Find("[data-empty='mine']").ShouldNotBeNull();
        page.Find("#Input_Shared").ShouldBeNull();
        page.FindAll("[data-placeholders] code").Select(c => c.TextContent).ShouldBe(["{{requester.name}}", "{{ticket.number}}", "{{agent.name}}"]);
        var englishTeam = await portal.WithDbAsync(db => db.Groups.Where(g => g.Name == "English team").Select(g => g.Id).SingleAsync());

        var saved = await client.SubmitAsync(page.Form("form[data-macro-form]"), new Dictionary<string, string>
        {
            ["Input.Name"] = " Waiting for logs ", ["Input.Body"] = "Hello {{requester.name}}, please send the logs.",
            ["Input.SetStatus"] = "Pending", ["Input.SetPriority"] = "", ["Input.SetGroupId"] = englishTeam.ToString(CultureInfo.InvariantCulture), ["Input.AddTags"] = "Logs  waiting logs",
        });

        saved.Find("[role=status]")!.TextContent.ShouldBe("The macro Waiting for logs has been saved.");
        saved.FindAll("[data-macros='mine'] [data-macro]").Select(m => m.GetAttribute("data-macro")).ShouldBe(["Waiting for logs"]);
        var macro = await portal.WithDbAsync(db => db.Macros.AsNoTracking().SingleAsync(m => m.OwnerId == agent.Id));
        (macro.Name, macro.Body, macro.SetStatus, macro.SetPriority, macro.SetGroupId, macro.AddTags).ShouldBe(
            ("Waiting for logs", "Hello {{requester.name}}, please send the logs.", TicketStatus.Pending, (TicketPriority?)null, (int?)englishTeam, "logs waiting"));

        var edit = await client.GetAsync(saved.Find($"[data-macro='Waiting for logs'] a")!.GetAttribute("href")!);
        edit.Find("#Input_Name")!.GetAttribute("value").ShouldBe("Waiting for logs");
        await client.SubmitAsync(edit.Form("form[data-macro-form]"), new Dictionary<string, string> { ["Input.Name"] = "Logs please", ["Input.SetStatus"] = "OnHold" });
        var changed = await portal.WithDbAsync(db => db.Macros.AsNoTracking().SingleAsync(m => m.Id == macro.Id));
        (changed.Name, changed.SetStatus).ShouldBe(("Logs please", TicketStatus.OnHold));

        using var other = await portal.SignedInAsync("other.agent@example.com");
        var theirs = await other.GetAsync("/Agent/Macros");
        theirs.Find("[data-macro='Logs please']").ShouldBeNull();
        (await other.GetAsync($"/Agent/Macros?edit={macro.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var list = await client.GetAsync("/Agent/Macros");
        var delete = list.Form("[data-macro='Logs please'] form");
        delete.GetAttribute("data-confirm").ShouldBe("Delete the macro Logs please?");
        var deleted = await client.SubmitAsync(delete);
        deleted.Find("[role=status]")!.TextContent.ShouldBe("The macro Logs please has been deleted.");
        (await portal.WithDbAsync(db => db.Macros.AnyAsync(m => m.Id == macro.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_form_keeps_the_input_and_explains_each_refusal()
    {
        using var client = await portal.SignedInAsync("agent@example.com");
        var page = await client.GetAsync("/Agent/Macros");
        var count = await portal.WithDbAsync(db => db.Macros.CountAsync());

        var nothing = await client.SubmitAsync(page.Form("form[data-macro-form]"), new Dictionary<string, string> { ["Input.Name"] = "Empty one" });
        nothing.FieldError("Input.Body").ShouldBe("Enter a reply text or choose at least one field change.");
        nothing.Find("#Input_Name")!.GetAttribute("value").ShouldBe("Empty one");

        var bad = await client.SubmitAsync(page.Form("form[data-macro-form]"), new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Body"] = "Text", ["Input.SetStatus"] = "Deleted", ["Input.SetPriority"] = "Panic",
            ["Input.SetGroupId"] = "999", ["Input.AddTags"] = "ok no/slash", ["Input.Shared"] = "true",
        });
        bad.FieldError("Input.Name").ShouldBe("Name is required.");
        bad.FieldError("Input.SetStatus").ShouldBe("Set status is required.");
        bad.FieldError("Input.SetPriority").ShouldBe("Set priority is required.");
        bad.FieldError("Input.SetGroupId").ShouldBe("Set group is required.");
        bad.FieldError("Input.AddTags").ShouldStartWith("Tags may contain letters");
        bad.FieldError("Input.Shared").ShouldBe("Only admins share macros.");
        bad.Find("#Input_Body")!.TextContent.ShouldBe("Text");
        (await portal.WithDbAsync(db => db.Macros.CountAsync())).ShouldBe(count);
    }

    [Fact]
    public async Task Admins_share_macros_that_every_agent_sees_but_only_admins_change()
    {
        using var admin = await portal.SignedInAsync("admin@example.com");
        var page = await admin.GetAsync("/Agent/Macros");
        await admin.SubmitAsync(page.Form("form[data-macro-form]"), new Dictionary<string, string>
        {
            ["Input.Name"] = "Dziękujemy", ["Input.Body"] = "Dzień dobry {{requester.name}}", ["Input.Shared"] = "true",
        });
        var id = await portal.WithDbAsync(db => db.Macros.Where(m => m.Name == "Dziękujemy").Select(m => new { m.Id, m.OwnerId }).SingleAsync());
        id.OwnerId.ShouldBeNull();
        var again = await admin.SubmitAsync(page.Form("form[data-macro-form]"), new Dictionary<string, string>
        {
            ["Input.Name"] = "Dziękujemy", ["Input.Body"] = "Inna", ["Input.Shared"] = "true",
        });
        again.FieldError("Input.Name").ShouldBe("Istnieje już wspólne makro o nazwie Dziękujemy.");

        using var agent = await portal.SignedInAsync("agent@example.com");
        var seen = await agent.GetAsync("/Agent/Macros");
        var row = seen.Find("[data-macros='shared'] [data-macro='Dziękujemy']")!;
        row.QuerySelector("form").ShouldBeNull();
        row.QuerySelector("a").ShouldBeNull();
        (await agent.GetAsync($"/Agent/Macros?edit={id.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var token = seen.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var delete = await agent.Http.PostAsync($"/Agent/Macros?handler=Delete&id={id.Id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await portal.WithDbAsync(db => db.Macros.AnyAsync(m => m.Id == id.Id))).ShouldBeTrue();
    }

    [Fact]
    public async Task The_preview_fills_in_sample_values_renders_Markdown_and_lists_the_changes()
    {
        using var client = await portal.SignedInAsync("agent@example.com");
        var page = await client.GetAsync("/Agent/Macros");
        var form = page.Form("form[data-macro-form]");
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Body"] = "Hello **{{requester.name}}**, #{{ticket.number}} is solved. {{agent.name}} {{oops}}",
            ["Input.SetStatus"] = "Solved", ["Input.AddTags"] = "done",
        };

        var full = await client.SubmitAsync(form, values, (AngleSharp.Html.Dom.IHtmlElement)page.Find("[data-preview-button]")!);

        full.Find("[data-preview-body] strong")!.TextContent.ShouldBe("Anna Smith");
        full.Find("[data-preview-body]")!.TextContent.Trim().ShouldBe("Hello Anna Smith, #10042 is solved. Piotr Kowalski {{oops}}");
        full.Find("[data-preview-changes]")!.TextContent.ShouldContain("Set status: Solved");
        full.Find("[data-preview-changes] .badge")!.TextContent.ShouldBe("done");
        full.FieldError("Input.Name").ShouldBeEmpty();
        full.Find("#Input_Body")!.TextContent.ShouldBe(values["Input.Body"]);

        // The page's script asks for the preview alone.
        var token = page.Find("form[data-macro-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Agent/Macros?handler=Preview")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(values) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("X-Preview", "1");
        var partial = await client.Http.SendAsync(request);
        var html = await partial.Content.ReadAsStringAsync();
        html.ShouldContain("<strong>Anna Smith</strong>");
        html.ShouldNotContain("<html");
    }

    [Fact]
    public async Task The_ticket_screen_gets_shared_and_own_macros_filled_in_for_a_ticket_but_never_another_agents()
    {
        var me = await portal.CreateUserAsync("api.agent@example.com", "Ada", "Api", role: Supportal.Accounts.Roles.Agent);
        var someone = await portal.CreateUserAsync("api.other@example.com", "Bo", "Other", role: Supportal.Accounts.Roles.Agent);
        var (shared, mine, theirs) = await portal.WithDbAsync(async db =>
        {
            var s = new Macro { Name = "A shared", Body = "Hi {{requester.name}} #{{ticket.number}} – {{agent.name}}", SetStatus = TicketStatus.Solved, AddTags = "x y" };
            var m = new Macro { Name = "B mine", OwnerId = me.Id, SetPriority = TicketPriority.High };
            var t = new Macro { Name = "C theirs", OwnerId = someone.Id };
            db.Macros.AddRange(s, m, t);
            await db.SaveChangesAsync();
            return (s.Id, m.Id, t.Id);
        });

        var choices = await portal.WithDbAsync(db => Macros.AvailableToAsync(db, me.Id));
        choices.Where(c => c.Id == shared || c.Id == mine || c.Id == theirs).ShouldBe([new MacroChoice(shared, "A shared", true), new MacroChoice(mine, "B mine", false)]);

        var applied = await portal.WithDbAsync(db => Macros.PrepareAsync(db, shared, me.Id, "Chris Taylor", 10001, "Ada Api"));
        applied.ShouldNotBeNull();
        (applied.Reply, applied.Status, applied.Priority, applied.GroupId).ShouldBe(("Hi Chris Taylor #10001 – Ada Api", TicketStatus.Solved, (TicketPriority?)null, (int?)null));
        applied.AddTags.ShouldBe(["x", "y"]);
        (await portal.WithDbAsync(db => Macros.PrepareAsync(db, theirs, me.Id, "C", 1, "A"))).ShouldBeNull();
    }

    [Theory]
    [InlineData("orders@example.com")]
    [InlineData("customer@example.com")]
    public async Task Customers_and_the_orders_team_get_the_403_page(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        (await client.GetAsync("/Agent/Macros")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
