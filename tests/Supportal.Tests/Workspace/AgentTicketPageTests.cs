using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Contracts;
using Supportal.Pages.Tickets;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using Supportal.Tests.Tickets;
using Supportal.Tickets;

namespace Supportal.Tests.Workspace;

/// <summary>The agent's ticket screen at /Agent/Tickets/{id}, through HTTP as a browser without scripts uses it.</summary>
public sealed class AgentTicketPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task An_agent_takes_a_ticket_adds_a_note_and_replies_and_the_customer_sees_and_gets_only_the_reply()
    {
        var requester = await portal.CreateUserAsync("page.owner@agent.test", "Rita", "Owner", "pl");
        var older = await portal.CreateAsync(requester.Id, "An older problem");
        var ticket = await portal.CreateAsync(requester.Id, "Screen flickers", "The **screen** flickers.");
        var agent = await portal.AgentAsync("page.agent@agent.test", "Adam", "Agent");
        using var client = await portal.SignedInAsync("page.agent@agent.test");

        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find(".breadcrumb a")!.GetAttribute("href").ShouldBe("/Agent");
        page.Find("[data-agent-status]")!.GetAttribute("data-agent-status").ShouldBe("New");
        page.Find("[data-comment] [data-body] strong")!.TextContent.ShouldBe("screen");
        page.Find("[data-requester]")!.TextContent.ShouldContain("page.owner@agent.test");
        page.Find("[data-requester] [data-language]")!.TextContent.ShouldBe("pl");
        page.Find($"[data-other-tickets] [data-other='{older.Id}'] a")!.GetAttribute("href").ShouldBe($"/Agent/Tickets/{older.Id}");
        page.Find("[data-history] [data-empty]").ShouldNotBeNull();

        var taken = await page.SubmitAsync("[data-take-it]");
        taken.Path.ShouldBe($"/Agent/Tickets/{ticket.Id}");
        taken.Find("select[name='Input.AssigneeId'] option[selected]")!.GetAttribute("value").ShouldBe(agent.Id.ToString());
        taken.Find("[data-agent-status]")!.GetAttribute("data-agent-status").ShouldBe("Open");
        taken.Find("[data-take-it]").ShouldBeNull();
        taken.FindAll("[data-history] [data-event]").Select(e => e.GetAttribute("data-event")).ShouldBe(["Assignee", "Status"], ignoreOrder: true);
        var mailsBefore = await portal.MailCountAsync(requester.Email!);

        var noted = await taken.SubmitAsync("[data-save]", ("Input.Body", "Internal: she called twice about this"), ("Input.Mode", "Note"));
        noted.Find("[role=status]")!.TextContent.ShouldBe("The internal note has been added.");
        var note = noted.FindAll("[data-comment]").Last();
        note.GetAttribute("data-public").ShouldBe("false");
        note.QuerySelector("[data-note]")!.TextContent.ShouldContain("Internal note");
        note.ClassList.ShouldContain("bg-warning-subtle");

        var replied = await noted.SubmitAsync("[data-submit-as='Pending']", ("Input.Body", "Please update the driver."));
        replied.Find("[role=status]")!.TextContent.ShouldBe("The reply has been sent.");
        replied.Find("[data-agent-status]")!.GetAttribute("data-agent-status").ShouldBe("Pending");
        replied.FindAll("[data-comment]").Last().GetAttribute("data-public").ShouldBe("true");

        var mails = (await portal.MailsToAsync(requester.Email!)).Skip(mailsBefore).ToList();
        mails.ShouldHaveSingleItem().TextBody.ShouldContain("Please update the driver.");
        mails.ShouldAllBe(m => !m.TextBody.Contains("called twice"));
        using var customer = await portal.SignedInAsync("page.owner@agent.test");
        var request = await customer.GetAsync($"/Tickets/{ticket.Id}");
        request.Text.ShouldContain("Please update the driver.");
        request.Text.ShouldNotContain("called twice");
        request.FindAll("[data-comment]").Count().ShouldBe(2);
    }

    [Fact]
    public async Task Support_staff_are_offered_by_name_or_by_address_when_nameless_on_the_ticket_and_in_the_view_filters()
    {
        var requester = await portal.CreateUserAsync("staff.owner@agent.test", "Sara", "Owner");
        var ticket = await portal.CreateAsync(requester.Id, "Who can take this?");
        var named = await portal.AgentAsync("staff.named@agent.test", "Nina", "Named");
        var nameless = await portal.AgentAsync("staff.nameless@agent.test", "", "");
        using var client = await portal.SignedInAsync("staff.named@agent.test");

        string Offered(Page page, string select, Guid id) => page.Find($"select[name='{select}'] option[value='{id}']")!.TextContent.Trim();
        var screen = await client.GetAsync($"/Agent/Tickets/{ticket.Id}");
        Offered(screen, "Input.AssigneeId", named.Id).ShouldBe("Nina Named");
        Offered(screen, "Input.AssigneeId", nameless.Id).ShouldBe("staff.nameless@agent.test");
        screen.FindAll("select[name='Input.AssigneeId'] option").ShouldNotContain(o => o.GetAttribute("value") == requester.Id.ToString());

        var views = await client.GetAsync("/Agent");
        Offered(views, "assignee", named.Id).ShouldBe("Nina Named");
        Offered(views, "assignee", nameless.Id).ShouldBe("staff.nameless@agent.test");
        Offered(views, "Bulk.Assignee", nameless.Id).ShouldBe("staff.nameless@agent.test");
    }

    [Fact]
    public async Task A_long_conversation_opens_at_its_newest_comments_and_shows_them_all_on_request_and_replying_still_works()
    {
        var requester = await portal.CreateUserAsync("page.long@agent.test", "Lorna", "Long");
        var ticket = await portal.CreateAsync(requester.Id, "A long story", "Comment 0");
        await portal.AgentAsync("page.long.agent@agent.test", "Leo", "Agent");
        var start = portal.Clock.GetUtcNow().UtcDateTime;
        var total = ConversationPart.Shown + 5;
        await portal.WithDbAsync(db =>
        {
            db.TicketComments.AddRange(Enumerable.Range(1, total - 1).Select(i =>
                new TicketComment { TicketId = ticket.Id, AuthorId = requester.Id, Body = $"Comment {i}", CreatedAt = start.AddMinutes(i) }));
            return db.SaveChangesAsync();
        });
        using var client = await portal.SignedInAsync("page.long.agent@agent.test");

        static string[] Bodies(Page page) => page.FindAll("[data-comment] [data-body]").Select(b => b.TextContent.Trim()).ToArray();
        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);
        Bodies(page.Page).ShouldBe(Enumerable.Range(5, ConversationPart.Shown).Select(i => $"Comment {i}").ToArray());
        page.Find("[data-earlier-comments]")!.TextContent.ShouldContain("Earlier comments not shown: 5.");

        var all = await client.GetAsync(page.Find("[data-all-comments]")!.GetAttribute("href")!);
        Bodies(all).ShouldBe(Enumerable.Range(0, total).Select(i => $"Comment {i}").ToArray());
        all.Find("[data-earlier-comments]").ShouldBeNull();

        portal.Clock.Advance(TimeSpan.FromMinutes(total));
        page = await page.SubmitAsync("[data-submit-as='Open']", ("Input.Body", "The newest word"));
        Bodies(page.Page).Last().ShouldBe("The newest word");
        Bodies(page.Page).Length.ShouldBe(ConversationPart.Shown);
        page.Find("[data-earlier-comments]")!.TextContent.ShouldContain("Earlier comments not shown: 6.");
    }

    [Fact]
    public async Task The_side_panel_shows_the_contract_a_request_is_served_under_with_or_without_an_asset()
    {
        var requester = await portal.CreateUserAsync("page.panel@agent.test");
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var (product, onAsset, onOrganization, uncovered) = await portal.WithDbAsync(async db =>
        {
            var product = await db.Products.OrderBy(p => p.Id).FirstAsync();
            var freight = new Organization { Name = "Fjord Freight", CreatedAt = now };
            var bakery = new Organization { Name = "Brick Lane Bakery", CreatedAt = now };
            Contract NewContract(string number, Organization organization, int level, DateOnly endsOn) => new()
            {
                Number = number, ActivationKeyHash = "unused", KeyIssuedAt = now, Organization = organization, ServiceLevelId = level,
                StartsOn = today.AddYears(-2), EndsOn = endsOn, CreatedAt = now,
            };
            // The asset is under the standard contract although the organization also holds a premium one.
            var standard = NewContract("PANEL-STD", freight, 1, today.AddYears(1));
            var asset = new Asset { Product = product, SerialNumber = "PANEL-SN-1", CreatedAt = now };
            standard.Assets.Add(asset);
            db.Contracts.AddRange(standard, NewContract("PANEL-PRM", freight, 2, today.AddYears(1)),
                NewContract("PANEL-OLD", bakery, 2, today.AddDays(-1)));
            Ticket NewTicket(string subject, Organization organization, TicketKind kind) => new()
            {
                Subject = subject, Kind = kind, RequesterId = requester.Id, Organization = organization, CreatedAt = now, UpdatedAt = now,
            };
            var onAsset = NewTicket("Firewall reboots", freight, TicketKind.Support);
            onAsset.Asset = asset;
            onAsset.Fields.Add(new TicketFieldValue { LabelEn = "Firmware version", LabelPl = "Wersja firmware", ValueEn = "7.4.2", ValuePl = "7.4.2", Order = 1 });
            var onOrganization = NewTicket("Add a colleague", freight, TicketKind.Administrative);
            var uncovered = NewTicket("Renew our contract", bakery, TicketKind.Administrative);
            db.Tickets.AddRange(onAsset, onOrganization, uncovered);
            await db.SaveChangesAsync();
            return (product.Name, onAsset.Id, onOrganization.Id, uncovered.Id);
        });
        await portal.AgentAsync("page.panel.agent@agent.test");
        using var client = await portal.SignedInAsync("page.panel.agent@agent.test");

        var asset = await client.GetAsync($"/Agent/Tickets/{onAsset}");
        asset.Find("[data-requester] [data-organization]")!.TextContent.ShouldBe("Fjord Freight");
        asset.Find("[data-requester] [data-contract]")!.TextContent.ShouldBe("PANEL-STD");
        asset.Find("[data-requester] [data-service-level]")!.TextContent.ShouldBe("Standard 8×5");
        asset.Find("[data-asset]")!.TextContent.ShouldContain(product);
        asset.Find("[data-asset]")!.TextContent.ShouldContain("PANEL-SN-1");
        asset.Find("[data-answers] dt")!.TextContent.ShouldBe("Firmware version");
        asset.Find("[data-answers] dd")!.TextContent.ShouldBe("7.4.2");

        // Without an asset, the organization's active contract with the highest level: the one its SLA targets follow.
        var organization = await client.GetAsync($"/Agent/Tickets/{onOrganization}");
        organization.Find("[data-requester] [data-organization]")!.TextContent.ShouldBe("Fjord Freight");
        organization.Find("[data-requester] [data-contract]")!.TextContent.ShouldBe("PANEL-PRM");
        organization.Find("[data-requester] [data-service-level]")!.TextContent.ShouldBe("Premium 24×7");
        organization.Find("[data-asset]").ShouldBeNull();
        organization.Find("[data-answers]").ShouldBeNull();

        // An expired contract serves nobody: the request is held to the standard targets.
        var bare = await client.GetAsync($"/Agent/Tickets/{uncovered}");
        bare.Find("[data-requester] [data-organization]")!.TextContent.ShouldBe("Brick Lane Bakery");
        bare.Find("[data-requester] [data-contract]")!.TextContent.ShouldBe("—");
        bare.Find("[data-requester] [data-service-level]")!.TextContent.ShouldBe("Standard 8×5");
        using var scope = portal.RequestScope();
        var sla = scope.ServiceProvider.GetRequiredService<Supportal.Sla.SlaTracker>();
        var db = scope.ServiceProvider.GetRequiredService<Supportal.Data.AppDbContext>();
        (await sla.ServiceLevelAsync(await db.Tickets.SingleAsync(t => t.Id == onOrganization))).ShouldBe(2);
        (await sla.ServiceLevelAsync(await db.Tickets.SingleAsync(t => t.Id == uncovered))).ShouldBe(Supportal.Sla.SlaTracker.StandardServiceLevel);
    }

    [Fact]
    public async Task Solving_without_an_assignee_shows_the_error_at_the_status_and_keeps_the_reply()
    {
        var requester = await portal.CreateUserAsync("page.solve@agent.test");
        var ticket = await portal.CreateAsync(requester.Id, "Need help");
        await portal.AgentAsync("page.agent2@agent.test");
        using var client = await portal.SignedInAsync("page.agent2@agent.test");
        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);

        var refused = await page.SubmitAsync("[data-submit-as='Solved']", ("Input.Body", "All done."), ("Input.Tags", "done"));

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.FieldError("Input.Status").ShouldBe("Assign the ticket before solving it.");
        refused.Find("textarea[name='Input.Body']")!.TextContent.ShouldBe("All done.");
        refused.Find("input[name='Input.Tags']")!.GetAttribute("value").ShouldBe("done");
        (await portal.TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.New);
        (await portal.WithDbAsync(db => db.TicketComments.CountAsync(c => c.TicketId == ticket.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task The_preview_renders_markdown_for_the_script_and_without_scripts_re_renders_the_page()
    {
        var requester = await portal.CreateUserAsync("page.preview@agent.test");
        var ticket = await portal.CreateAsync(requester.Id, "Preview me");
        await portal.AgentAsync("page.agent3@agent.test");
        using var client = await portal.SignedInAsync("page.agent3@agent.test");
        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);

        var preview = await page.SubmitAsync("[data-preview]", ("Input.Body", "Try **this** <script>alert(1)</script>"));

        preview.Find("[data-preview-output] strong")!.TextContent.ShouldBe("this");
        preview.Find("[data-preview-output] script").ShouldBeNull();
        preview.Find("textarea[name='Input.Body']")!.TextContent.ShouldContain("Try **this**");
        (await portal.WithDbAsync(db => db.TicketComments.CountAsync(c => c.TicketId == ticket.Id))).ShouldBe(1);

        var token = page.AntiforgeryToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Agent/Tickets/{ticket.Id}?handler=Preview")
        {
            Content = new FormUrlEncodedContent(Values(("__RequestVerificationToken", token), ("Input.Body", "Just *this*"))),
        };
        request.Headers.Add("X-Preview", "1");
        var response = await client.Http.SendAsync(request);
        (await response.Content.ReadAsStringAsync()).Trim().ShouldBe("<p>Just <em>this</em></p>");
    }

    [Fact]
    public async Task Of_two_agents_saving_the_same_ticket_the_second_is_told_what_changed_and_keeps_the_input()
    {
        var requester = await portal.CreateUserAsync("page.race@agent.test");
        var ticket = await portal.CreateAsync(requester.Id, "Race condition");
        await portal.AgentAsync("page.first@agent.test", "First", "Agent");
        await portal.AgentAsync("page.second@agent.test", "Second", "Agent");
        using var first = await portal.SignedInAsync("page.first@agent.test");
        using var second = await portal.SignedInAsync("page.second@agent.test");
        var firstPage = await AgentTicketPage.OpenAsync(first, ticket.Id);
        var secondPage = await AgentTicketPage.OpenAsync(second, ticket.Id);

        (await firstPage.SubmitAsync("[data-save]", ("Input.Priority", "Urgent"))).Find("[role=status]").ShouldNotBeNull();
        var told = await secondPage.SubmitAsync("[data-save]", ("Input.Priority", "Low"), ("Input.Body", "My careful note"), ("Input.Mode", "Note"));

        told.Status.ShouldBe(HttpStatusCode.OK);
        told.Find("[data-errors]")!.TextContent.ShouldContain("Nothing was saved");
        var changed = told.Find("[data-conflict]")!;
        changed.QuerySelector("[data-changed='Priority']")!.TextContent.ShouldContain("Urgent");
        changed.QuerySelector("[data-changed='Status']").ShouldNotBeNull();
        told.Find("textarea[name='Input.Body']")!.TextContent.ShouldBe("My careful note");
        told.Find("select[name='Input.Priority'] option[selected]")!.GetAttribute("value").ShouldBe("Low");
        var saved = await portal.TicketAsync(ticket.Id);
        saved.Priority.ShouldBe(TicketPriority.Urgent);
        (await portal.WithDbAsync(db => db.TicketComments.CountAsync(c => c.TicketId == ticket.Id))).ShouldBe(1);

        // Having seen the changes, the second agent saves again: the form now carries the current version.
        var again = await told.SubmitAsync("[data-save]");
        again.Find("[role=status]")!.TextContent.ShouldBe("The internal note has been added.");
        (await portal.TicketAsync(ticket.Id)).Priority.ShouldBe(TicketPriority.Low);
    }

    [Fact]
    public async Task A_file_on_an_internal_note_is_served_to_agents_and_never_to_the_customer()
    {
        var requester = await portal.CreateUserAsync("page.file@agent.test");
        var ticket = await portal.CreateAsync(requester.Id, "Logs attached");
        await portal.AgentAsync("page.agent4@agent.test");
        using var client = await portal.SignedInAsync("page.agent4@agent.test");
        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);

        var noted = await page.UploadAsync("screen.png", FollowData.Png, ("Input.Body", "Screenshot of the admin console"), ("Input.Mode", "Note"));

        var note = noted.FindAll("[data-comment]").Last();
        note.GetAttribute("data-public").ShouldBe("false");
        var link = note.QuerySelector("[data-download]")!.GetAttribute("href")!;
        link.ShouldStartWith($"/Agent/Tickets/{ticket.Id}/files/");
        (await client.Http.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.Http.GetAsync(note.QuerySelector("img.attachment-thumb")!.GetAttribute("src"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fileId = link.Split('/').Last();
        using var customer = await portal.SignedInAsync("page.file@agent.test");
        (await customer.GetAsync(link)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await customer.Http.GetAsync($"/Tickets/{ticket.Id}/files/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await customer.GetAsync($"/Tickets/{ticket.Id}")).Text.ShouldNotContain("screen.png");
    }

    [Fact]
    public async Task An_agent_copies_a_new_address_and_takes_it_off_again_and_the_list_and_history_show_both()
    {
        var requester = await portal.CreateUserAsync("page.cc.owner@agent.test");
        var ticket = await portal.CreateAsync(requester.Id, "Shared mailbox");
        await portal.AgentAsync("page.cc.agent@agent.test", "Celina", "Agent");
        using var client = await portal.SignedInAsync("page.cc.agent@agent.test");
        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);
        page.Find("[data-ccs] [data-empty]").ShouldNotBeNull();

        // With another field changed in the same save: the account made for the new address must not spoil the save.
        var added = await page.SubmitAsync("[data-save]", ("Input.AddCc", "page.cc.new@agent.test"), ("Input.Priority", "High"));

        added.Find("[role=status]")!.TextContent.ShouldBe("The ticket has been saved.");
        var copied = await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "page.cc.new@agent.test"));
        var box = (IHtmlInputElement)added.Find("[data-ccs] [data-cc='page.cc.new@agent.test'] input[name='Input.RemoveCcs']")!;
        box.Value.ShouldBe(copied.Id.ToString());
        ((IHtmlInputElement)added.Find("input[name='Input.AddCc']")!).Value.ShouldBeEmpty();
        added.Find("select[name='Input.Priority'] option[selected]")!.GetAttribute("value").ShouldBe("High");
        var addition = added.FindAll("[data-history] [data-event='Cc']").ShouldHaveSingleItem();
        addition.TextContent.ShouldContain("Celina Agent");
        addition.QuerySelector("[data-added]")!.TextContent.ShouldContain("page.cc.new@agent.test");
        (await portal.MailsToAsync("page.cc.new@agent.test")).ShouldHaveSingleItem().Subject.ShouldBe($"[#{ticket.Id}] Shared mailbox");

        box.IsChecked = true;
        var removed = await added.SubmitAsync("[data-save]");

        removed.Find("[role=status]")!.TextContent.ShouldBe("The ticket has been saved.");
        removed.Find("[data-ccs] [data-cc]").ShouldBeNull();
        removed.Find("[data-ccs] [data-empty]").ShouldNotBeNull();
        var changes = removed.FindAll("[data-history] [data-event='Cc']").ToList();
        changes.Count.ShouldBe(2);
        changes[0].QuerySelector("[data-removed]")!.TextContent.ShouldContain("page.cc.new@agent.test");
        changes[0].QuerySelector("[data-added]").ShouldBeNull();
        changes[0].TextContent.ShouldContain("Celina Agent");
        (await portal.TicketAsync(ticket.Id)).Ccs.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_closed_ticket_is_shown_read_only_and_unknown_numbers_are_not_found()
    {
        var requester = await portal.CreateUserAsync("page.closed@agent.test");
        var ticket = await portal.CreateAsync(requester.Id, "Done and dusted");
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TicketStatus.Closed)));
        using var client = await portal.SignedInAsync("agent@example.com");

        var page = await AgentTicketPage.OpenAsync(client, ticket.Id);

        page.Find("[data-closed]").ShouldNotBeNull();
        page.Find(AgentTicketPage.TicketForm).ShouldBeNull();
        page.Find("form[data-merge-form]").ShouldBeNull();
        (await client.GetAsync("/Agent/Tickets/999999")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
