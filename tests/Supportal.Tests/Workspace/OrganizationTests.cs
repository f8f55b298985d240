using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;

namespace Supportal.Tests.Workspace;

/// <summary>Organizations in the agent workspace (AGT-4): admins and agents, and joining by e-mail domain.</summary>
public sealed class OrganizationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_creates_an_organization_and_edits_its_name_and_tax_id()
    {
        using var client = await AdminAsync();
        var admin = await client.GetAsync("/Admin");
        var page = await client.GetAsync(admin.Find("main a[href='/Agent/Organizations']")!.GetAttribute("href")!);

        var created = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Name"] = " Hanza Shipping ", ["Input.TaxId"] = "" });

        var id = await portal.WithDbAsync(db => db.Organizations.Where(o => o.Name == "Hanza Shipping").Select(o => o.Id).SingleAsync());
        created.Path.ShouldBe($"/Agent/Organizations/{id}");
        created.Find("[role=status]")!.TextContent.ShouldBe("Dodano organizację Hanza Shipping.");
        created.Text.ShouldContain("Nikt jeszcze nie dołączył do tej organizacji.");
        created.Text.ShouldContain("Ta organizacja nie ma umów.");

        var saved = await client.SubmitAsync(created.Form("form[data-details]"), new Dictionary<string, string> { ["Input.Name"] = "Hanza Shipping S.A.", ["Input.TaxId"] = "PL5860000001" });

        saved.Find("h1")!.TextContent.ShouldBe("Hanza Shipping S.A.");
        var organization = await portal.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == id));
        (organization.Name, organization.TaxId, organization.SharesRequests).ShouldBe(("Hanza Shipping S.A.", "PL5860000001", false));
        (await AuditsAsync()).ShouldContain($"organization {id} created: Hanza Shipping");
        (await AuditsAsync()).ShouldContain($"organization {id} changed from Hanza Shipping /  to Hanza Shipping S.A. / PL5860000001");
    }

    [Fact]
    public async Task A_nameless_organization_is_refused()
    {
        using var client = await AdminAsync();
        var page = await client.GetAsync("/Agent/Organizations");
        var count = await portal.WithDbAsync(db => db.Organizations.CountAsync());

        var result = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.Name"] = " " });

        result.FieldError("Input.Name").ShouldBe("Pole Nazwa organizacji jest wymagane.");
        (await portal.WithDbAsync(db => db.Organizations.CountAsync())).ShouldBe(count);
    }

    [Fact]
    public async Task Search_ignores_case_and_long_results_come_a_page_at_a_time()
    {
        await portal.WithDbAsync(async db =>
        {
            for (var i = 1; i <= OrganizationsModelPageSize + 5; i++)
                db.Organizations.Add(new Organization { Name = $"Pagetest Co {i:00}", CreatedAt = DateTime.UtcNow });
            db.Organizations.Add(new Organization { Name = "Other pagetest-free name", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var client = await AdminAsync();

        var first = await client.GetAsync("/Agent/Organizations?q=PAGETEST%20co");
        var second = await client.GetAsync(first.Find("a[data-next]")!.GetAttribute("href")!);

        Names(first).ShouldBe(Enumerable.Range(1, OrganizationsModelPageSize).Select(i => $"Pagetest Co {i:00}"));
        Names(second).ShouldBe(Enumerable.Range(OrganizationsModelPageSize + 1, 5).Select(i => $"Pagetest Co {i:00}"));
        second.Find("a[data-next]").ShouldBeNull();
        Names(await client.GetAsync("/Agent/Organizations?q=northwind")).ShouldBe(["Northwind Logistics"]);
    }

    [Fact]
    public async Task Search_ignores_the_case_of_Polish_letters_too()
    {
        await portal.WithDbAsync(async db =>
        {
            db.Organizations.Add(new Organization { Name = "ŁÓDZKIE ZAKŁADY ŚWIATŁA", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var client = await AdminAsync();

        Names(await client.GetAsync("/Agent/Organizations?q=" + Uri.EscapeDataString("łódzkie zakłady"))).ShouldBe(["ŁÓDZKIE ZAKŁADY ŚWIATŁA"]);
    }

    [Fact]
    public async Task Admin_turns_organization_requests_on_and_off_and_each_change_is_audited()
    {
        var id = await NorthwindAsync();
        using var client = await AdminAsync();
        var page = await client.GetAsync($"/Agent/Organizations/{id}");
        page.Text.ShouldContain("każdy członek organizacji widzi i może śledzić zgłoszenia pozostałych członków");
        page.Find("#sharesRequests")!.HasAttribute("checked").ShouldBeFalse();

        var on = await client.SubmitAsync(page.Form("form[data-sharing]"), new Dictionary<string, string> { ["sharesRequests"] = "true" });

        on.Find("[role=status]")!.TextContent.ShouldBe("Członkowie organizacji Northwind Logistics widzą teraz wzajemnie swoje zgłoszenia.");
        on.Find("#sharesRequests")!.HasAttribute("checked").ShouldBeTrue();
        (await portal.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == id))).SharesRequests.ShouldBeTrue();

        // A cleared switch sends only the hidden "false".
        var off = await client.SubmitAsync(on.Form("form[data-sharing]"), new Dictionary<string, string> { ["sharesRequests"] = "false" });

        off.Find("[data-sharing-state]")!.TextContent.ShouldBe("Członkowie widzą tylko własne zgłoszenia");
        (await portal.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == id))).SharesRequests.ShouldBeFalse();
        (await AuditsAsync()).Where(d => d.StartsWith($"organization {id} requests", StringComparison.Ordinal)).ShouldBe(
            [$"organization {id} requests shared: Northwind Logistics", $"organization {id} requests private: Northwind Logistics"]);
    }

    [Fact]
    public async Task The_members_and_contracts_of_an_organization_are_listed()
    {
        var id = await NorthwindAsync();
        using var client = await AdminAsync();

        var page = await client.GetAsync($"/Agent/Organizations/{id}");

        var member = page.Find("[data-members] tr[data-member='customer@example.com']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        member[0].ShouldBe("Chris Taylor");
        member[1].ShouldBe("customer@example.com");
        page.Find("[data-members] time")!.HasAttribute("datetime").ShouldBeTrue();
        page.FindAll("[data-contracts] tbody tr").Select(r => (r.Children[0].TextContent.Trim(), r.Children[1].TextContent)).ShouldBe(
            [("DEMO-0001", "Standard 8×5"), ("DEMO-0003", "Standard 8×5")]);
        var list = await client.GetAsync("/Agent/Organizations?q=northwind");
        list.Find($"tr[data-organization='{id}']")!.Children.Select(c => c.TextContent.Trim()).Skip(1).Take(3).ShouldBe(["PL5260001234", "1", "2"]);
    }

    [Theory]
    [InlineData("orders@example.com")]
    [InlineData("customer@example.com")]
    public async Task Customers_and_the_orders_team_get_the_403_page(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        var organization = await NorthwindAsync();

        foreach (var url in new[] { "/Agent/Organizations", $"/Agent/Organizations/{organization}" })
            (await client.GetAsync(url)).Status.ShouldBe(HttpStatusCode.Forbidden, url);
    }

    [Fact]
    public async Task An_agent_adds_and_removes_members_by_address_and_each_change_is_audited()
    {
        var id = await OrganizationAsync(portal, "Members Co");
        var colleague = await portal.CreateUserAsync("olga.member@members.test", "Olga", "Member");
        using var client = await portal.SignedInAsync("agent@example.com");
        var page = await client.GetAsync($"/Agent/Organizations/{id}");
        page.Text.ShouldContain("Nobody has joined this organization yet.");

        var unknown = await client.SubmitAsync(page.Form("form[data-add-member]"), new Dictionary<string, string> { ["email"] = "nobody@members.test" });
        unknown.FieldError("NewMember").ShouldBe("There is no account with the address nobody@members.test.");
        unknown.Find("#member-email")!.GetAttribute("value").ShouldBe("nobody@members.test");
        var empty = await client.SubmitAsync(page.Form("form[data-add-member]"), new Dictionary<string, string> { ["email"] = " " });
        empty.FieldError("NewMember").ShouldBe("E-mail of an existing account is required.");

        var added = await client.SubmitAsync(page.Form("form[data-add-member]"), new Dictionary<string, string> { ["email"] = " OLGA.member@members.test " });

        added.Find("[role=status]")!.TextContent.ShouldBe("olga.member@members.test is now a member of Members Co.");
        added.FindAll("[data-members] tbody tr").Select(r => r.Children[0].TextContent).ShouldBe(["Olga Member"]);
        (await MemberIdsAsync(portal, id)).ShouldBe([colleague.Id]);
        var again = await client.SubmitAsync(added.Form("form[data-add-member]"), new Dictionary<string, string> { ["email"] = "olga.member@members.test" });
        again.FieldError("NewMember").ShouldBe("olga.member@members.test is already a member of this organization.");

        var remove = again.Form("tr[data-member='olga.member@members.test'] form");
        remove.GetAttribute("data-confirm").ShouldBe("Remove olga.member@members.test from Members Co?");
        var removed = await client.SubmitAsync(remove);

        removed.Find("[role=status]")!.TextContent.ShouldBe("olga.member@members.test is no longer a member of Members Co.");
        (await MemberIdsAsync(portal, id)).ShouldBeEmpty();
        (await AuditsAsync()).Where(d => d.StartsWith($"organization {id} member", StringComparison.Ordinal)).ShouldBe(
            [$"organization {id} member added: olga.member@members.test", $"organization {id} member removed: olga.member@members.test"]);
    }

    [Fact]
    public async Task Domains_are_validated_lower_cased_and_unique_across_organizations()
    {
        var taken = await OrganizationAsync(portal, "Domain Owner", "owned.test");
        var id = await OrganizationAsync(portal, "Domain Seeker");
        using var client = await portal.SignedInAsync("agent@example.com");
        var page = await client.GetAsync($"/Agent/Organizations/{id}");
        page.Find("[data-no-domains]").ShouldNotBeNull();

        async Task<Page> AddAsync(string domain) =>
            await client.SubmitAsync(page.Form("form[data-add-domain]"), new Dictionary<string, string> { ["domain"] = domain });

        (await AddAsync("not a domain")).FieldError("NewDomain").ShouldBe("Enter a domain name such as example.com.");
        (await AddAsync("localhost")).FieldError("NewDomain").ShouldBe("Enter a domain name such as example.com.");
        (await AddAsync("-bad.test")).FieldError("NewDomain").ShouldBe("Enter a domain name such as example.com.");
        var refused = await AddAsync("Owned.TEST");
        refused.FieldError("NewDomain").ShouldBe("The domain owned.test already belongs to the organization Domain Owner.");
        refused.Find("#new-domain")!.GetAttribute("value").ShouldBe("Owned.TEST");

        var added = await AddAsync(" @Seeker.Example.COM ");

        added.Find("[role=status]")!.TextContent.ShouldBe("The domain seeker.example.com has been added.");
        added.FindAll("[data-domain]").Select(d => d.GetAttribute("data-domain")).ShouldBe(["seeker.example.com"]);
        (await DomainsAsync(id)).ShouldBe(["seeker.example.com"]);
        (await DomainsAsync(taken)).ShouldBe(["owned.test"]);

        var remove = added.Form("[data-domain='seeker.example.com'] form");
        remove.GetAttribute("data-confirm").ShouldBe("Remove the domain seeker.example.com?");
        await client.SubmitAsync(remove);
        (await DomainsAsync(id)).ShouldBeEmpty();
        (await AuditsAsync()).ShouldContain($"organization {id} domain removed: seeker.example.com");
    }

    [Fact]
    public async Task Agents_keep_staff_notes_that_customers_never_see_but_only_admins_rename_or_add_organizations()
    {
        var id = await NorthwindAsync();
        using var agent = await portal.SignedInAsync("agent@example.com");
        var page = await agent.GetAsync($"/Agent/Organizations/{id}");
        page.Find("form[data-details]").ShouldBeNull();
        page.Find("dl[data-details]")!.TextContent.ShouldContain("PL5260001234");

        var tooLong = await agent.SubmitAsync(page.Form("form[data-notes]"), new Dictionary<string, string> { ["notes"] = new string('x', 4001) });
        tooLong.FieldError("Notes").ShouldBe("Notes is too long.");
        var saved = await agent.SubmitAsync(page.Form("form[data-notes]"), new Dictionary<string, string> { ["notes"] = "Calls before 9 only; CFO is difficult." });

        saved.Find("[role=status]")!.TextContent.ShouldBe("The notes on Northwind Logistics have been saved.");
        saved.Find("#notes")!.TextContent.ShouldBe("Calls before 9 only; CFO is difficult.");
        (await portal.WithDbAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Notes).SingleAsync())).ShouldBe("Calls before 9 only; CFO is difficult.");
        (await AuditsAsync()).ShouldContain($"organization {id} notes changed: Northwind Logistics");

        // Posting the admin-only forms directly is refused.
        var token = page.Find("form[data-notes] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var rename = await agent.Http.PostAsync($"/Agent/Organizations/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Renamed", ["__RequestVerificationToken"] = token,
        }));
        (await agent.FollowAsync(rename)).Status.ShouldBe(HttpStatusCode.Forbidden);
        var list = await agent.GetAsync("/Agent/Organizations");
        list.Find("form[data-add-organization]").ShouldBeNull();
        var create = await agent.Http.PostAsync("/Agent/Organizations", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Agent-made", ["__RequestVerificationToken"] = list.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        (await agent.FollowAsync(create)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await portal.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == "Renamed" || o.Name == "Agent-made"))).ShouldBeFalse();

        using var customer = await portal.SignedInAsync("customer@example.com");
        foreach (var url in new[] { "/Dashboard", "/Contracts", "/Tickets", "/Tickets/10001" })
            (await customer.GetAsync(url)).Text.Contains("CFO is difficult", StringComparison.Ordinal).ShouldBeFalse(url);
    }

    [Fact]
    public async Task Contracts_show_their_state_and_link_to_the_orders_screen_only_for_admins_and_the_orders_team()
    {
        var id = await NorthwindAsync();
        var contract = await portal.WithDbAsync(db => db.Contracts.Where(c => c.Number == "DEMO-0001").Select(c => c.Id).SingleAsync());
        using var agent = await portal.SignedInAsync("agent@example.com");
        using var admin = await AdminAsync();

        var seenByAgent = await agent.GetAsync($"/Agent/Organizations/{id}");
        var seenByAdmin = await admin.GetAsync($"/Agent/Organizations/{id}");

        seenByAgent.Find("[data-contracts] a").ShouldBeNull();
        seenByAgent.FindAll("[data-contracts] [data-state]").Select(s => s.GetAttribute("data-state")).ShouldBe(["Active", "Expired"]);
        seenByAdmin.Find("[data-contracts] a")!.GetAttribute("href").ShouldBe($"/Orders/Contract/{contract}");
    }

    [Fact]
    public async Task An_agent_turns_joining_by_domain_on_and_off()
    {
        var id = await OrganizationAsync(portal, "Switch Co", "switch-co.test");
        using var client = await portal.SignedInAsync("agent@example.com");
        var page = await client.GetAsync($"/Agent/Organizations/{id}");
        page.Find("#joinByDomain")!.HasAttribute("checked").ShouldBeFalse();

        var on = await client.SubmitAsync(page.Form("form[data-joining]"), new Dictionary<string, string> { ["joinByDomain"] = "true" });
        on.Find("#joinByDomain")!.HasAttribute("checked").ShouldBeTrue();
        on.Find("[role=status]")!.TextContent.ShouldBe("New accounts from the domains of Switch Co now join it automatically.");
        (await portal.WithDbAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.JoinByDomain).SingleAsync())).ShouldBeTrue();

        await client.SubmitAsync(on.Form("form[data-joining]"), new Dictionary<string, string> { ["joinByDomain"] = "false" });
        (await portal.WithDbAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.JoinByDomain).SingleAsync())).ShouldBeFalse();
        (await AuditsAsync()).Where(d => d.StartsWith($"organization {id} joining", StringComparison.Ordinal)).ShouldBe(
            [$"organization {id} joining by domain on: Switch Co", $"organization {id} joining by domain off: Switch Co"]);
    }

    internal static Task<int> OrganizationAsync(PortalFactory portal, string name, string? domain = null, bool joinByDomain = false) => portal.WithDbAsync(async db =>
    {
        var organization = new Organization { Name = name, CreatedAt = DateTime.UtcNow, JoinByDomain = joinByDomain };
        if (domain is not null)
            organization.Domains.Add(new OrganizationDomain { Domain = domain });
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    });

    internal static Task<List<Guid>> MemberIdsAsync(PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.OrganizationMembers.Where(m => m.OrganizationId == id).Select(m => m.UserId).ToListAsync());

    private Task<List<string>> DomainsAsync(int id) =>
        portal.WithDbAsync(db => db.OrganizationDomains.Where(d => d.OrganizationId == id).Select(d => d.Domain).ToListAsync());

    private const int OrganizationsModelPageSize = Supportal.Pages.Agent.OrganizationsModel.PageSize;

    private static List<string> Names(Page page) => page.FindAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    private Task<int> NorthwindAsync() =>
        portal.WithDbAsync(db => db.Organizations.Where(o => o.Name == "Northwind Logistics").Select(o => o.Id).SingleAsync());

    private async Task<PortalClient> AdminAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        return client;
    }

    private Task<List<string>> AuditsAsync() => portal.WithDbAsync(db => db.AuditEvents
        .Where(a => a.Action == AuditActions.OrganizationChanged).OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync());
}

/// <summary>New accounts join organizations by their e-mail domain (a class of its own: sign-ups count against the per-address post limit).</summary>
public sealed class OrganizationJoinTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Sign_up_with_an_address_in_a_joining_domain_joins_the_organization_and_not_when_the_switch_is_off()
    {
        var joining = await OrganizationTests.OrganizationAsync(portal, "Joining Signup Co", "signup-join.test", joinByDomain: true);
        var closed = await OrganizationTests.OrganizationAsync(portal, "Closed Signup Co", "signup-closed.test", joinByDomain: false);

        await SignUpAsync("ewa@Signup-Join.test");
        await SignUpAsync("adam@signup-closed.test");

        var ewa = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "ewa@Signup-Join.test").Select(u => u.Id).SingleAsync());
        (await OrganizationTests.MemberIdsAsync(portal, joining)).ShouldBe([ewa]);
        (await OrganizationTests.MemberIdsAsync(portal, closed)).ShouldBeEmpty();
        // The contract's own organization is joined as before.
        (await portal.WithDbAsync(db => db.OrganizationMembers.CountAsync(m => m.UserId == ewa))).ShouldBe(2);
    }

    [Fact]
    public async Task A_request_from_a_new_address_in_a_joining_domain_makes_its_sender_a_member()
    {
        var id = await OrganizationTests.OrganizationAsync(portal, "Joining Request Co", "request-join.test", joinByDomain: true);
        using var client = portal.CreatePortalClient();
        var form = await client.GetAsync("/Requests/Submit");
        var service = form.FindAll("select[name='Input.ServiceId'] option").Select(o => o.GetAttribute("value")).First(v => v is { Length: > 0 })!;

        await client.UploadAsync(form.Form(), "Files", null, [], new Dictionary<string, string>
        {
            ["Input.Name"] = "Ida Nowak", ["Input.Email"] = "ida@request-join.test", ["Input.ServiceId"] = service,
            ["Input.Subject"] = "Printer offline", ["Input.Description"] = "It stopped this morning.",
        });

        var ida = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "ida@request-join.test").Select(u => u.Id).SingleAsync());
        (await OrganizationTests.MemberIdsAsync(portal, id)).ShouldBe([ida]);
    }

    [Fact]
    public async Task Imported_accounts_in_a_joining_domain_become_members_and_existing_members_are_not_doubled()
    {
        var id = await OrganizationTests.OrganizationAsync(portal, "Joining Import Co", "import-join.test", joinByDomain: true);
        using var scope = portal.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<AccountImporter>();
        await using var csv = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            "email,first_name,last_name,company,phone,language\n" +
            "jan@import-join.test,Jan,Kowal,,,pl\nola@import-join.test,Ola,Kot,,,en\nother@import-other.test,Piotr,Inny,,,pl\n"));

        (await importer.ImportAsync(csv, "people.csv", null, null, CancellationToken.None)).Created.ShouldBe(3);

        var joined = await portal.WithDbAsync(db => db.OrganizationMembers.Where(m => m.OrganizationId == id).Select(m => m.User.Email).OrderBy(e => e).ToListAsync());
        joined.ShouldBe(["jan@import-join.test", "ola@import-join.test"]);
    }

    private async Task SignUpAsync(string email)
    {
        using var client = portal.CreatePortalClient();
        var page = await client.GetAsync("/Account/Register");
        var done = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Ewa", ["Input.LastName"] = "Mazur", ["Input.Email"] = email, ["Input.Company"] = "Mazur",
            ["Input.Phone"] = "+48 600 100 200", ["Input.Password"] = "correct horse battery staple", ["Input.ConfirmPassword"] = "correct horse battery staple",
            ["Input.Language"] = "pl", ["Input.ContractNumber"] = DemoData.ContractNumber, ["Input.ActivationCode"] = DemoData.ContractKey,
        });
        done.Path.ShouldBe("/Account/CheckEmail");
    }
}
