using System.Net;
using AngleSharp.Html.Dom;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

/// <summary>Bulk actions under a view: each ticket goes through the workflow, refusals are reported per ticket.</summary>
public sealed class ViewsBulkTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<PortalClient> SignInAsync(string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    /// <summary>Posts the view's bulk form as a browser would: the rows ticked (with the version each was shown with) and one button.</summary>
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, Page page, IEnumerable<long> tick, string action,
        IReadOnlyDictionary<string, string>? values = null, bool htmx = false, IEnumerable<string>? extraPicks = null)
    {
        var form = (IHtmlFormElement)page.Find("form#views-bulk")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Bulk.Action", action),
        };
        foreach (var id in tick)
            fields.Add(new("Bulk.Tickets", page.Find($"#pick-{id}")!.GetAttribute("value")!));
        fields.AddRange((extraPicks ?? []).Select(p => new KeyValuePair<string, string>("Bulk.Tickets", p)));
        fields.AddRange((values ?? new Dictionary<string, string>()).Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(page.Document.Url), form.GetAttribute("action")).PathAndQuery)
        {
            Content = new FormUrlEncodedContent(fields),
        };
        if (htmx)
            request.Headers.Add("HX-Request", "true");
        return await client.Http.SendAsync(request);
    }

    private static string Outcome(Page page) => page.Find("[data-bulk-outcome]")?.TextContent.Trim() ?? "";

    private static string[] Refusals(Page page) => page.FindAll("[data-bulk-refusals] li").Select(li => li.TextContent.Trim()).ToArray();

    [Fact]
    public async Task Assigning_several_writes_each_tickets_history_and_returns_to_the_same_view_and_filters()
    {
        var data = await new ViewsData(portal).StartAsync("BulkAssign");
        var me = await data.AgentAsync();
        var other = await data.AgentAsync();
        var fresh = await data.TicketAsync("Fresh one", TicketStatus.New);
        var open = await data.TicketAsync("Open one", TicketStatus.Open);
        var left = await data.TicketAsync("Left alone", TicketStatus.Open);
        using var client = await SignInAsync(me.Email!);
        var url = $"/Agent?view=AllOpen&org={data.OrganizationId}&sort=CreatedOldest";
        var page = await client.GetAsync(url);
        page.Find($"label[for='pick-{fresh}']")!.TextContent.Trim().ShouldBe($"Select #{fresh}");
        page.Find("label[for='bulk-all']")!.TextContent.Trim().ShouldBe("Select all tickets on this page");

        var response = await PostAsync(client, page, [fresh, open], "Assign", new Dictionary<string, string> { ["Bulk.Assignee"] = other.Id.ToString() });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/Agent?org={data.OrganizationId}&view=AllOpen&sort=CreatedOldest");
        var after = await client.FollowAsync(response);
        Outcome(after).ShouldBe("Tickets updated: 2.");
        Refusals(after).ShouldBeEmpty();
        after.Find($"tr[data-ticket='{fresh}']")!.TextContent.ShouldContain("Vera Viewer");
        after.FindAll("input[data-bulk-pick]:checked").ShouldBeEmpty();

        foreach (var id in new[] { fresh, open })
        {
            (await portal.TicketAsync(id)).AssigneeId.ShouldBe(other.Id);
            var assigned = (await portal.EventsAsync(id)).Single(e => e.Field == "Assignee");
            (assigned.ActorId, assigned.OldValue, assigned.NewValue).ShouldBe((me.Id, null, "Vera Viewer"));
        }
        // A new ticket becomes open when an agent acts on it, as on the ticket screen.
        (await portal.TicketAsync(fresh)).Status.ShouldBe(TicketStatus.Open);
        (await portal.EventsAsync(fresh)).ShouldContain(e => e.Field == "Status" && e.OldValue == "New" && e.NewValue == "Open");
        (await portal.TicketAsync(left)).AssigneeId.ShouldBeNull();
        (await portal.EventsAsync(left)).ShouldBeEmpty();

        // "Assign to me", then "Unassigned": the same rows, the same history.
        page = await client.GetAsync(url);
        (await client.FollowAsync(await PostAsync(client, page, [left, open], "TakeIt"))).Find("[data-bulk-updated]")!.TextContent.ShouldBe("Tickets updated: 2.");
        (await portal.TicketAsync(left)).AssigneeId.ShouldBe(me.Id);
        page = await client.GetAsync(url);
        await client.FollowAsync(await PostAsync(client, page, [left], "Assign", new Dictionary<string, string> { ["Bulk.Assignee"] = "unassigned" }));
        (await portal.TicketAsync(left)).AssigneeId.ShouldBeNull();
        (await portal.EventsAsync(left)).Where(e => e.Field == "Assignee").Select(e => e.NewValue).ShouldBe(["Vera Viewer", null]);
    }

    [Fact]
    public async Task Solving_refuses_the_unassigned_ticket_and_solves_the_others()
    {
        var data = await new ViewsData(portal).StartAsync("BulkSolve");
        var me = await data.AgentAsync();
        var mine = await data.TicketAsync("Mine to solve", TicketStatus.Open, me.Id);
        var nobodys = await data.TicketAsync("Nobody's", TicketStatus.Open);
        var pending = await data.TicketAsync("Pending, mine", TicketStatus.Pending, me.Id);
        using var client = await SignInAsync(me.Email!);
        var page = await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}");
        // Pending is not in "All open"; the Mine view has it.
        var minePage = await client.GetAsync($"/Agent?view=Mine&org={data.OrganizationId}");

        var after = await client.FollowAsync(await PostAsync(client, page, [mine, nobodys], "SetStatus",
            new Dictionary<string, string> { ["Bulk.Status"] = "Solved" }));
        Outcome(after).ShouldStartWith("Tickets updated: 1.");
        Refusals(after).ShouldBe([$"#{nobodys}: Assign the ticket before solving it."]);
        after.Find("[data-bulk-outcome]")!.ClassList.ShouldContain("alert-warning");

        var solved = await portal.TicketAsync(mine);
        (solved.Status, solved.SolvedAt).ShouldBe((TicketStatus.Solved, data.Now));
        (await portal.EventsAsync(mine)).ShouldContain(e => e.Field == "Status" && e.OldValue == "Open" && e.NewValue == "Solved" && e.ActorId == me.Id);
        (await portal.TicketAsync(nobodys)).Status.ShouldBe(TicketStatus.Open);
        (await portal.EventsAsync(nobodys)).ShouldBeEmpty();

        // Priority and tags from another view; a ticket already at that value counts as unchanged.
        var mineAfter = await client.FollowAsync(await PostAsync(client, minePage, [pending], "SetPriority",
            new Dictionary<string, string> { ["Bulk.Priority"] = "Normal" }));
        mineAfter.Find("[data-bulk-unchanged]")!.TextContent.ShouldBe("Already as asked, left unchanged: 1.");
        var tagged = await client.FollowAsync(await PostAsync(client, mineAfter, [pending], "AddTag", new Dictionary<string, string> { ["Bulk.Tag"] = "VPN outage" }));
        Outcome(tagged).ShouldBe("Tickets updated: 1.");
        (await portal.TicketAsync(pending)).Tags.Select(t => t.Tag).ShouldBe(["vpn", "outage"], ignoreOrder: true);
        await client.FollowAsync(await PostAsync(client, tagged, [pending], "RemoveTag", new Dictionary<string, string> { ["Bulk.Tag"] = "vpn" }));
        (await portal.TicketAsync(pending)).Tags.Select(t => t.Tag).ShouldBe(["outage"]);
        (await portal.EventsAsync(pending)).Where(e => e.Field == "Tags").Select(e => (e.OldValue, e.NewValue))
            .ShouldBe([(null, "vpn outage"), ("vpn", null)]);
        (await portal.TicketAsync(pending)).Status.ShouldBe(TicketStatus.Pending);
    }

    [Fact]
    public async Task A_ticket_changed_after_the_page_was_shown_is_reported_and_left_as_it_is()
    {
        var data = await new ViewsData(portal).StartAsync("BulkRace");
        var me = await data.AgentAsync();
        var colleague = await data.AgentAsync();
        var quiet = await data.TicketAsync("Quiet", TicketStatus.Open);
        var busy = await data.TicketAsync("Busy", TicketStatus.Open);
        using var client = await SignInAsync(me.Email!);
        var page = await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}");

        (await portal.ApplyAsync(busy, colleague.Id, new TicketChanges { Priority = TicketPriority.High })).Saved.ShouldBeTrue();
        var after = await client.FollowAsync(await PostAsync(client, page, [quiet, busy], "SetPriority",
            new Dictionary<string, string> { ["Bulk.Priority"] = "Low" }));

        Outcome(after).ShouldStartWith("Tickets updated: 1.");
        Refusals(after).ShouldBe([$"#{busy} was changed by someone else meanwhile and was left as it is."]);
        (await portal.TicketAsync(quiet)).Priority.ShouldBe(TicketPriority.Low);
        (await portal.TicketAsync(busy)).Priority.ShouldBe(TicketPriority.High);
        (await portal.EventsAsync(busy)).Select(e => e.ActorId).ShouldAllBe(actor => actor == colleague.Id);
    }

    [Fact]
    public async Task An_invalid_request_changes_nothing_and_says_why_next_to_the_field()
    {
        var data = await new ViewsData(portal).StartAsync("BulkInvalid");
        var me = await data.AgentAsync();
        var customer = await portal.CreateUserAsync($"not-agent-{Guid.NewGuid():N}@example.com", "Carl", "Customer", "en");
        var one = await data.TicketAsync("One", TicketStatus.Open);
        var two = await data.TicketAsync("Two", TicketStatus.Open);
        using var client = await SignInAsync(me.Email!);
        var url = $"/Agent?view=AllOpen&org={data.OrganizationId}";
        var page = await client.GetAsync(url);
        var versions = (await portal.TicketAsync(one)).Version;

        async Task<Page> RefusedAsync(string action, Dictionary<string, string> values, long[]? tick = null, IEnumerable<string>? extra = null)
        {
            var response = await PostAsync(client, page, tick ?? [one, two], action, values, extraPicks: extra);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var shown = await Page.LoadAsync(response);
            // The page comes back with the ticks and choices kept, nothing saved.
            shown.Find("form#views-filter").ShouldNotBeNull();
            (await portal.TicketAsync(one)).Version.ShouldBe(versions);
            (await portal.EventsAsync(one)).ShouldBeEmpty();
            (await portal.EventsAsync(two)).ShouldBeEmpty();
            return shown;
        }

        var unknownAgent = await RefusedAsync("Assign", new() { ["Bulk.Assignee"] = Guid.NewGuid().ToString() });
        unknownAgent.FieldError("Bulk.Assignee").ShouldBe("Choose an agent from the list.");
        unknownAgent.FindAll("input[data-bulk-pick]:checked").Select(i => i.Id).ShouldBe([$"pick-{one}", $"pick-{two}"], ignoreOrder: true);
        (await RefusedAsync("Assign", new() { ["Bulk.Assignee"] = customer.Id.ToString() })).FieldError("Bulk.Assignee").ShouldBe("Choose an agent from the list.");
        var closed = await RefusedAsync("SetStatus", new() { ["Bulk.Status"] = "Closed" });
        closed.FieldError("Bulk.Status").ShouldBe("Choose a status from the list.");
        (await RefusedAsync("SetStatus", new() { ["Bulk.Status"] = "Sleeping" })).FieldError("Bulk.Status").ShouldBe("Choose a status from the list.");
        (await RefusedAsync("SetStatus", new() { ["Bulk.Status"] = "4" })).FieldError("Bulk.Status").ShouldBe("Choose a status from the list.");
        (await RefusedAsync("SetPriority", new() { ["Bulk.Priority"] = "Extreme" })).FieldError("Bulk.Priority").ShouldBe("Choose a priority from the list.");
        (await RefusedAsync("AddTag", new() { ["Bulk.Tag"] = "  " })).FieldError("Bulk.Tag").ShouldBe("Enter a tag.");
        (await RefusedAsync("AddTag", new() { ["Bulk.Tag"] = new string('x', 51) })).FieldError("Bulk.Tag").ShouldBe("A tag can have at most 50 characters.");
        (await RefusedAsync("Explode", [])).FieldError("Bulk.Action").ShouldBe("Choose what to do with the selected tickets.");
        (await RefusedAsync("TakeIt", [], tick: [])).FieldError("Bulk.Tickets").ShouldBe("Select at least one ticket.");
        var tooMany = Enumerable.Range(0, 26).Select(i => $"{900000 + i}:0");
        (await RefusedAsync("TakeIt", [], extra: tooMany)).FieldError("Bulk.Tickets").ShouldBe("Change at most 25 tickets at a time.");
        (await portal.TicketAsync(two)).AssigneeId.ShouldBeNull();

        // A number that is no ticket at all is reported, the rest applied.
        var unknown = await client.FollowAsync(await PostAsync(client, page, [one], "TakeIt", extraPicks: ["999999:0"]));
        Refusals(unknown).ShouldBe(["#999999 is not available to you."]);
        (await portal.TicketAsync(one)).AssigneeId.ShouldBe(me.Id);
    }

    [Fact]
    public async Task With_htmx_the_list_comes_back_in_place_with_the_outcome_and_counts()
    {
        var data = await new ViewsData(portal).StartAsync("BulkHtmx");
        var me = await data.AgentAsync();
        var ticket = await data.TicketAsync("Swap me", TicketStatus.New);
        var stays = await data.TicketAsync("Stay", TicketStatus.New);
        using var client = await SignInAsync(me.Email!);
        var page = await client.GetAsync($"/Agent?view=Unassigned&org={data.OrganizationId}");
        page.Find("form#views-bulk")!.GetAttribute("hx-post").ShouldBe(page.Find("form#views-bulk")!.GetAttribute("action"));
        page.Find("script[src^='/js/agent-views-bulk.js']").ShouldNotBeNull();

        var response = await PostAsync(client, page, [ticket], "TakeIt", htmx: true);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.TrimStart().ShouldStartWith("<div id=\"views-list\"");
        var fragment = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        fragment.QuerySelector("[data-bulk-outcome]")!.TextContent.Trim().ShouldBe("Tickets updated: 1.");
        fragment.QuerySelector($"tr[data-ticket='{ticket}']").ShouldBeNull();
        fragment.QuerySelector($"tr[data-ticket='{stays}']").ShouldNotBeNull();
        fragment.QuerySelector("#views-nav")!.GetAttribute("hx-swap-oob").ShouldBe("true");
        // The action bar still offers the agents after the swap.
        fragment.QuerySelectorAll("#bulk-assignee option").Length.ShouldBeGreaterThan(2);
        (await portal.TicketAsync(ticket)).AssigneeId.ShouldBe(me.Id);

        // Refused with htmx: the list with the message next to the field, the ticks kept.
        page = await client.GetAsync($"/Agent?view=Mine&org={data.OrganizationId}");
        var refused = await PostAsync(client, page, [ticket], "Assign", new Dictionary<string, string> { ["Bulk.Assignee"] = "nobody-known" }, htmx: true);
        var list = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        list.QuerySelector("[data-valmsg-for='Bulk.Assignee']")!.TextContent.Trim().ShouldBe("Choose an agent from the list.");
        list.QuerySelector($"#pick-{ticket}")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task A_customer_cannot_post_bulk_changes()
    {
        var data = await new ViewsData(portal).StartAsync("BulkCustomer");
        var ticket = await data.TicketAsync("Customer tries", TicketStatus.Open);
        using var client = await SignInAsync("customer@example.com");
        var own = await client.GetAsync("/Requests/Submit");
        var token = own.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.Http.PostAsync($"/Agent?handler=Bulk&view=AllOpen", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Bulk.Action", "SetStatus"), new("Bulk.Status", "Pending"),
            new("Bulk.Tickets", $"{ticket}:0"),
        ]));
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        (await client.FollowAsync(response)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await portal.TicketAsync(ticket)).Status.ShouldBe(TicketStatus.Open);
        (await portal.EventsAsync(ticket)).ShouldBeEmpty();
    }
}
