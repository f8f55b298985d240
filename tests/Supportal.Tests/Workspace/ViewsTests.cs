using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Sla;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Tests.Workspace;

public sealed class ViewsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<PortalClient> SignInAsync(string email)
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        return client;
    }

    private static int Count(Page page, TicketView view) =>
        int.Parse(page.Find($"[data-count='{view}']")!.TextContent.Trim(), System.Globalization.NumberStyles.AllowThousands,
            System.Globalization.CultureInfo.GetCultureInfo("en-US"));

    [Fact]
    public async Task Counts_are_kept_a_few_seconds_then_shown_while_recounted_but_the_list_is_fresh_and_the_agents_own_changes_count_at_once()
    {
        var data = await new ViewsData(portal).StartAsync("Kept");
        var me = await data.AgentAsync();
        var counts = portal.Services.GetRequiredService<ViewCounts>();
        using var client = await SignInAsync(me.Email!);
        var first = await client.GetAsync("/Agent");
        var (unassigned, mine) = (Count(first, TicketView.Unassigned), Count(first, TicketView.Mine));

        var raised = await data.TicketAsync("Raised meanwhile", TicketStatus.New);
        var page = await client.GetAsync($"/Agent?view=Unassigned&org={data.OrganizationId}");
        ViewsData.Numbers(page).ShouldContain(raised);
        Count(page, TicketView.Unassigned).ShouldBe(unassigned);

        portal.Clock.Advance(ViewCounts.KeepFor);
        Count(await client.GetAsync("/Agent"), TicketView.Unassigned).ShouldBe(unassigned);
        await counts.RecountOf(me.Id);
        Count(await client.GetAsync("/Agent"), TicketView.Unassigned).ShouldBe(unassigned + 1);

        (await portal.ApplyAsync(raised, me.Id, new TicketChanges { Assignee = new(me.Id) })).Saved.ShouldBeTrue();
        page = await client.GetAsync("/Agent");
        (Count(page, TicketView.Unassigned), Count(page, TicketView.Mine)).ShouldBe((unassigned, mine + 1));
    }

    [Fact]
    public async Task Counts_older_than_the_stale_limit_are_counted_before_the_page_is_shown()
    {
        var data = await new ViewsData(portal).StartAsync("Break");
        var me = await data.AgentAsync();
        using var client = await SignInAsync(me.Email!);
        var unassigned = Count(await client.GetAsync("/Agent"), TicketView.Unassigned);

        await data.TicketAsync("Raised during the break", TicketStatus.New);
        portal.Clock.Advance(ViewCounts.ShowStaleFor);
        Count(await client.GetAsync("/Agent"), TicketView.Unassigned).ShouldBe(unassigned + 1);
    }

    [Fact]
    public async Task Each_view_lists_exactly_its_tickets_and_counts_them()
    {
        var data = await new ViewsData(portal).StartAsync("Spread");
        var me = await data.AgentAsync();
        var other = await data.AgentAsync();
        var mine = await data.GroupAsync(me.Id);
        var theirs = await data.GroupAsync(other.Id);
        using var client = await SignInAsync(me.Email!);
        var before = await client.GetAsync("/Agent");

        var newInMyGroup = await data.TicketAsync("New in my group", TicketStatus.New, group: mine);
        var openMine = await data.TicketAsync("Open, mine", TicketStatus.Open, me.Id, theirs);
        var pendingInMyGroup = await data.TicketAsync("Pending in my group", TicketStatus.Pending, other.Id, mine);
        var onHoldMine = await data.TicketAsync("On hold, mine", TicketStatus.OnHold, me.Id);
        var solvedRecently = await data.TicketAsync("Solved two days ago", TicketStatus.Solved, me.Id, mine, solved: TimeSpan.FromDays(2));
        await data.TicketAsync("Solved ten days ago", TicketStatus.Solved, other.Id, solved: TimeSpan.FromDays(10));
        var closedRecently = await data.TicketAsync("Closed, unassigned", TicketStatus.Closed, group: mine, solved: TimeSpan.FromDays(1));
        var atRisk = await data.TicketAsync("At risk", TicketStatus.Open, other.Id);
        var breached = await data.TicketAsync("Breached", TicketStatus.Open, other.Id);
        var fulfilled = await data.TicketAsync("Breached but fulfilled, another not yet at risk", TicketStatus.Open, other.Id);
        var newNowhere = await data.TicketAsync("New without group", TicketStatus.New);
        await data.SlaAsync(atRisk, dueIn: TimeSpan.FromMinutes(90), atRiskIn: TimeSpan.FromMinutes(-30));
        await data.SlaAsync(breached, dueIn: TimeSpan.FromMinutes(-75), atRiskIn: TimeSpan.FromHours(-3), breached: true);
        await data.SlaAsync(fulfilled, dueIn: TimeSpan.FromHours(-1), atRiskIn: TimeSpan.FromHours(-2), breached: true, fulfilled: true, metric: SlaMetric.FirstReply);
        await data.SlaAsync(fulfilled, dueIn: TimeSpan.FromHours(5), atRiskIn: TimeSpan.FromHours(3));

        var expected = new Dictionary<TicketView, long[]>
        {
            [TicketView.Unassigned] = [newInMyGroup, newNowhere],
            [TicketView.Mine] = [openMine, onHoldMine],
            [TicketView.MyGroups] = [newInMyGroup, pendingInMyGroup],
            [TicketView.AllOpen] = [newInMyGroup, openMine, atRisk, breached, fulfilled, newNowhere],
            [TicketView.Pending] = [pendingInMyGroup],
            [TicketView.OnHold] = [onHoldMine],
            [TicketView.RecentlySolved] = [solvedRecently, closedRecently],
            [TicketView.SlaAtRisk] = [atRisk, breached],
        };
        // Counts are kept a few seconds (see the test above): count afresh, without moving the SLA clock.
        portal.Services.GetRequiredService<ViewCounts>().Forget(me.Id);
        var after = await client.GetAsync("/Agent");
        foreach (var (view, numbers) in expected)
        {
            var page = await client.GetAsync($"/Agent?view={view}&org={data.OrganizationId}");
            ViewsData.Numbers(page).ShouldBe(numbers, ignoreOrder: true, customMessage: view.ToString());
            page.Find("[data-view-list]")!.GetAttribute("data-view-list").ShouldBe(view.ToString());
            // Counts ignore filters: what this test added is the difference.
            (Count(after, view) - Count(before, view)).ShouldBe(numbers.Length, view.ToString());
        }
        Count(after, TicketView.Mine).ShouldBe(2);
        Count(after, TicketView.MyGroups).ShouldBe(2);

        var sla = await client.GetAsync($"/Agent?view=SlaAtRisk&org={data.OrganizationId}");
        sla.Find($"tr[data-ticket='{atRisk}'] [data-sla]")!.TextContent.Trim().ShouldStartWith("1 h 30 min left");
        sla.Find($"tr[data-ticket='{atRisk}'] [data-sla]")!.GetAttribute("data-sla").ShouldBe("AtRisk");
        // Every view shows the column, not the SLA view alone.
        (await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}")).Find($"tr[data-ticket='{breached}'] [data-sla]")!.TextContent.Trim()
            .ShouldBe("1 h 15 min overdue");
        sla.Find($"tr[data-ticket='{breached}'] [data-sla]")!.TextContent.Trim().ShouldBe("1 h 15 min overdue");
        sla.Find($"tr[data-ticket='{atRisk}'] a")!.GetAttribute("href").ShouldBe($"/Agent/Tickets/{atRisk}");
        (await client.GetAsync($"/Agent?view=Pending&org={data.OrganizationId}&priority=Urgent")).Find("[data-empty]")!.TextContent
            .ShouldContain("No tickets in this view match");
    }

    [Fact]
    public async Task A_request_its_customer_solved_unassigned_leaves_every_view_of_work_for_recently_solved()
    {
        var customer = await portal.CreateUserAsync($"self-solved-{Guid.NewGuid():N}@example.com", "Sam", "Solver");
        var organization = await portal.OrganizationAsync($"Self-solved {Guid.NewGuid():N}"[..30], customer.Id);
        var ticket = await portal.CreateAsync(customer.Id, "Found the answer myself");
        var agent = await portal.AgentAsync($"agent-{Guid.NewGuid():N}@example.com");
        using var client = await SignInAsync(agent.Email!);
        async Task<long[]> ListAsync(TicketView view) => ViewsData.Numbers(await client.GetAsync($"/Agent?view={view}&org={organization}"));
        (await ListAsync(TicketView.Unassigned)).ShouldBe([ticket.Id]);
        var counts = portal.Services.GetRequiredService<ViewCounts>();
        counts.Forget(agent.Id);
        var before = await client.GetAsync("/Agent");

        using (var asCustomer = await portal.SignedInAsync(customer.Email!))
        {
            var request = await asCustomer.GetAsync($"/Tickets/{ticket.Id}");
            await asCustomer.SubmitAsync(request.Form("form[data-solve-form]"));
        }

        var solved = await portal.TicketAsync(ticket.Id);
        (solved.Status, solved.AssigneeId).ShouldBe((TicketStatus.Solved, (Guid?)null));
        foreach (var view in Enum.GetValues<TicketView>())
            (await ListAsync(view)).ShouldBe(view == TicketView.RecentlySolved ? [ticket.Id] : [], view.ToString());
        counts.Forget(agent.Id);
        var after = await client.GetAsync("/Agent");
        (Count(after, TicketView.Unassigned) - Count(before, TicketView.Unassigned)).ShouldBe(-1);
        (Count(after, TicketView.RecentlySolved) - Count(before, TicketView.RecentlySolved)).ShouldBe(1);
    }

    /// <summary>
    /// An agent's view is read in parts (each status in each of their groups and in none, their own tickets elsewhere)
    /// merged by last update: across pages, forwards and back, each ticket they may see comes once and in order.
    /// </summary>
    [Fact]
    public async Task An_agents_view_merges_their_groups_unrouted_and_own_tickets_in_order_once_each()
    {
        var data = await new ViewsData(portal).StartAsync("Parts");
        var me = await data.AgentAsync();
        var other = await data.AgentAsync();
        var (first, second, theirs) = (await data.GroupAsync(me.Id), await data.GroupAsync(me.Id, other.Id), await data.GroupAsync(other.Id));
        // What makes a ticket visible, one kind after another in time so every page mixes them.
        (TicketStatus Status, int? Group, Guid? Assignee, Guid? Requester)[] kinds =
        [
            (TicketStatus.New, first, null, null), (TicketStatus.Open, second, other.Id, null), (TicketStatus.Open, null, null, null),
            (TicketStatus.Open, theirs, me.Id, null), (TicketStatus.New, theirs, null, me.Id), (TicketStatus.Open, theirs, me.Id, me.Id),
            (TicketStatus.New, first, me.Id, me.Id),
        ];
        var visible = new List<long>();
        for (var i = 0; i < 35; i++)
        {
            var (status, group, assignee, requester) = kinds[i % kinds.Length];
            visible.Add(await data.TicketAsync($"Visible {i}", status, assignee, group, updated: TimeSpan.FromMinutes(10 + i / 2), requester: requester));
            // Neither theirs nor in a view of open work: never listed.
            await data.TicketAsync($"Hidden {i}", TicketStatus.Open, other.Id, theirs, updated: TimeSpan.FromMinutes(10 + i / 2));
            if (i % 7 == 0)
                await data.TicketAsync($"Pending {i}", TicketStatus.Pending, me.Id, first, updated: TimeSpan.FromMinutes(10 + i / 2));
        }
        using var client = await SignInAsync(me.Email!);

        var page1 = await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}");
        var page2 = await client.GetAsync(page1.Find("a[rel=next]")!.GetAttribute("href")!);
        page2.Find("a[rel=next]").ShouldBeNull();

        // Exactly what the one rule of who sees a ticket lets the agent see.
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, me.Id.ToString()), new Claim(ClaimTypes.Role, Roles.Agent)], "test"));
        (await portal.WithDbAsync(db => db.Tickets.VisibleTo(db, principal)
            .Where(t => t.OrganizationId == data.OrganizationId && TicketStatuses.NewOrOpen.Contains(t.Status)).Select(t => t.Id).ToListAsync()))
            .ShouldBe(visible, ignoreOrder: true);
        // Newest first; tickets made one after another share their update time in pairs, so the number breaks the tie.
        var expected = visible.OrderBy(id => visible.IndexOf(id) / 2).ThenByDescending(id => id).ToArray();
        ViewsData.Numbers(page1).Concat(ViewsData.Numbers(page2)).ShouldBe(expected);
        var back = await client.GetAsync(page2.Find("a[rel=prev]")!.GetAttribute("href")!);
        ViewsData.Numbers(back).ShouldBe(ViewsData.Numbers(page1));
        back.Find("a[rel=prev]").ShouldBeNull();

        // The counts, made over the same parts, are those of the one rule too (over every organization: counts ignore filters);
        // the SLA view's count is split by group as well, so a third of both kinds are put at risk.
        var atRisk = visible.Where((_, i) => i % 3 == 0).ToList();
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.OrganizationId == data.OrganizationId && (atRisk.Contains(t.Id) || t.Id % 3 == 0))
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.SlaAtRiskAt, data.Now.AddHours(-1))));
        portal.Services.GetRequiredService<ViewCounts>().Forget(me.Id);
        page1 = await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}");
        foreach (var view in new[] { TicketView.AllOpen, TicketView.Unassigned, TicketView.MyGroups, TicketView.Pending, TicketView.OnHold, TicketView.SlaAtRisk })
        {
            var seen = await portal.WithDbAsync(db => TicketViews.Of(db, db.Tickets, view, me.Id, data.Now).VisibleTo(db, principal).CountAsync());
            page1.Find($"[data-count='{view}']")!.TextContent.Trim().ShouldBe(seen > TicketViews.CountCap ? "1,000+" : seen.ToString("N0",
                System.Globalization.CultureInfo.GetCultureInfo("en-US")), view.ToString());
        }
    }

    [Theory]
    [InlineData("Updated")]
    [InlineData("CreatedOldest")]
    [InlineData("Priority")]
    [InlineData("AtRisk")]
    public async Task Keyset_paging_walks_sixty_tickets_forwards_and_back(string sort)
    {
        // Time at risk is the SLA view's own order, and the one it opens in.
        var atRisk = sort == "AtRisk";
        var data = await new ViewsData(portal).StartAsync("Paging");
        var me = await data.AgentAsync();
        var all = new List<long>();
        for (var i = 0; i < 60; i++)
        {
            // Pairs share their update time, so the number has to break the tie.
            all.Add(await data.TicketAsync($"Ticket {i}", priority: (TicketPriority)(i % 4), created: TimeSpan.FromMinutes(600 - i),
                updated: TimeSpan.FromMinutes(100 - i / 2)));
            if (atRisk)
                await data.SlaAsync(all[^1], dueIn: TimeSpan.FromHours(1), atRiskIn: TimeSpan.FromMinutes(i / 2 - 100));
        }
        using var client = await SignInAsync(me.Email!);

        var first = await client.GetAsync(atRisk ? $"/Agent?view=SlaAtRisk&org={data.OrganizationId}"
            : $"/Agent?view=AllOpen&org={data.OrganizationId}&sort={sort}");
        first.Find("#sort option[selected]")!.GetAttribute("value").ShouldBe(sort);
        var firstRows = ViewsData.Numbers(first);
        firstRows.Length.ShouldBe(25);
        first.Find("a[rel=prev]").ShouldBeNull();
        var second = await client.GetAsync(first.Find("a[rel=next]")!.GetAttribute("href")!);
        var secondRows = ViewsData.Numbers(second);
        secondRows.Length.ShouldBe(25);
        var third = await client.GetAsync(second.Find("a[rel=next]")!.GetAttribute("href")!);
        var thirdRows = ViewsData.Numbers(third);
        thirdRows.Length.ShouldBe(10);
        third.Find("a[rel=next]").ShouldBeNull();

        var walked = firstRows.Concat(secondRows).Concat(thirdRows).ToArray();
        walked.ShouldBe(all, ignoreOrder: true);
        walked.Distinct().Count().ShouldBe(60);
        var expected = sort switch
        {
            "Updated" => all.OrderByDescending(id => all.IndexOf(id) / 2).ThenByDescending(id => id),
            "CreatedOldest" or "AtRisk" => all.OrderBy(id => id),
            _ => all.OrderByDescending(id => (all.IndexOf(id) % 4)).ThenByDescending(id => id),
        };
        walked.ShouldBe(expected.ToArray());

        var back = await client.GetAsync(third.Find("a[rel=prev]")!.GetAttribute("href")!);
        ViewsData.Numbers(back).ShouldBe(secondRows);
        var backAgain = await client.GetAsync(back.Find("a[rel=prev]")!.GetAttribute("href")!);
        ViewsData.Numbers(backAgain).ShouldBe(firstRows);
        backAgain.Find("a[rel=prev]").ShouldBeNull();
        backAgain.Find("a[rel=next]")!.GetAttribute("href")!.ShouldContain($"org={data.OrganizationId}");
    }

    [Fact]
    public async Task The_list_handler_returns_only_the_list_and_with_htmx_the_counts_too()
    {
        var data = await new ViewsData(portal).StartAsync("Partial");
        var me = await data.AgentAsync();
        var ticket = await data.TicketAsync("Partial one", TicketStatus.New, priority: TicketPriority.High);
        using var client = await SignInAsync(me.Email!);
        var url = $"/Agent?handler=List&view=AllOpen&org={data.OrganizationId}&priority=High";

        var plain = await client.Http.GetAsync(url);
        plain.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await plain.Content.ReadAsStringAsync();
        html.ShouldNotContain("<html");
        html.ShouldNotContain("views-filter");
        html.ShouldNotContain("views-nav");
        html.TrimStart().ShouldStartWith("<div id=\"views-list\"");
        html.ShouldContain($"data-ticket=\"{ticket}\"");

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        var htmx = await client.Http.SendAsync(request);
        var swapped = await htmx.Content.ReadAsStringAsync();
        swapped.ShouldNotContain("<html");
        swapped.ShouldContain($"data-ticket=\"{ticket}\"");
        var fragment = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(swapped);
        fragment.QuerySelector("#views-nav")!.GetAttribute("hx-swap-oob").ShouldBe("true");
        fragment.QuerySelector("#views-nav [data-count='AllOpen']").ShouldNotBeNull();
        htmx.Headers.GetValues("HX-Replace-Url").Single().ShouldBe($"/Agent?priority=High&org={data.OrganizationId}&view=AllOpen");

        // The full page polls the same list every 30 seconds and offers the same request as a button.
        var page = await client.GetAsync($"/Agent?view=AllOpen&org={data.OrganizationId}&priority=High");
        var list = page.Find("#views-list")!;
        list.GetAttribute("hx-trigger").ShouldBe("every 30s");
        list.GetAttribute("hx-get").ShouldBe(page.Find("[data-refresh]")!.GetAttribute("hx-get"));
        list.GetAttribute("hx-get")!.ShouldContain("handler=List");
        page.Find("form#views-filter")!.GetAttribute("hx-get").ShouldBe("/Agent?handler=List");
        page.Find("script[src^='/lib/htmx/htmx.min.js']").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("customer@example.com")]
    [InlineData("orders@example.com")]
    public async Task Customers_and_the_orders_team_are_refused(string email)
    {
        using var client = await SignInAsync(email);
        (await client.GetAsync("/Agent")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/Agent?handler=List&view=AllOpen")).Status.ShouldBe(HttpStatusCode.Forbidden);
        // The organization field's suggestions would list other customers' organizations.
        var suggestions = await client.GetAsync("/Agent?handler=Organizations&orgName=a");
        suggestions.Status.ShouldBe(HttpStatusCode.Forbidden);
        suggestions.FindAll("option").ShouldBeEmpty();
    }

    [Fact]
    public async Task Admins_see_the_views_in_polish()
    {
        using var client = await SignInAsync("admin@example.com");
        var page = await client.GetAsync("/Agent?view=RecentlySolved&q=nothing-matches-this");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find("[data-view='RecentlySolved']")!.TextContent.ShouldContain("Ostatnio rozwiązane");
        page.Find("[data-empty]")!.TextContent.Trim().ShouldBe("Żadne zgłoszenie w tym widoku nie pasuje do tych filtrów.");
    }
}

/// <summary>On its own database: a thousand tickets would crowd every other test's views.</summary>
public sealed class ViewsCountCapTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Counts_stop_at_a_thousand_and_say_so()
    {
        var data = await new ViewsData(portal).StartAsync("Cap");
        var me = await data.AgentAsync();
        await portal.WithDbAsync(async db =>
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Tickets.AddRange(Enumerable.Range(0, TicketViews.CountCap + 1).Select(i => new Ticket
            {
                Subject = $"On hold {i}", Status = TicketStatus.OnHold, RequesterId = data.RequesterId, CreatedAt = data.Now, UpdatedAt = data.Now,
            }));
            return await db.SaveChangesAsync();
        });
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(me.Email!);

        var page = await client.GetAsync("/Agent?view=OnHold");
        page.Find("[data-count='OnHold']")!.TextContent.Trim().ShouldBe("1,000+");
        page.Find("[data-count='Pending']")!.TextContent.Trim().ShouldNotEndWith("+");
        ViewsData.Numbers(page).Length.ShouldBe(25);
    }
}
