using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

public sealed class NewTicketTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    private async Task<(PortalClient Client, Guid UserId)> CustomerAsync(string email, bool withContract = true)
    {
        var user = await portal.CreateUserAsync(email, "Marta", "Kowal");
        var client = portal.CreatePortalClient();
        await client.SignInAsync(email);
        if (withContract)
        {
            var register = await client.GetAsync("/Contracts/Register");
            (await client.SubmitAsync(register.Form(), new Dictionary<string, string> { ["Input.Number"] = "DEMO-0001", ["Input.Key"] = "DEMO-0001-KEY" }))
                .Path.ShouldBe("/Contracts");
        }
        return (client, user.Id);
    }

    private Task<int> AssetIdAsync(string serial) => portal.WithDbAsync(db => db.Assets.Where(a => a.SerialNumber == serial).Select(a => a.Id).SingleAsync());

    private Task<Dictionary<string, int>> FirewallFieldsAsync() => portal.WithDbAsync(db => db.AdditionalFields
        .Where(f => f.Manufacturer.Products.Any(p => p.Code == "SNT-200F") && f.Active).ToDictionaryAsync(f => f.LabelEn, f => f.Id));

    private Task<int> TicketCountAsync(Guid userId) => portal.WithDbAsync(db => db.Tickets.CountAsync(t => t.RequesterId == userId));

    private static long TicketIdFrom(Page page)
    {
        page.FindAll(".invalid-feedback").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ShouldBeEmpty();
        page.Status.ShouldBe(HttpStatusCode.Redirect);
        var location = page.Response.Headers.Location!.OriginalString;
        location.ShouldMatch(@"^/Tickets/\d+$");
        return long.Parse(location["/Tickets/".Length..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_administrative_request_gets_a_number_the_comment_and_a_receipt_mail()
    {
        var (client, userId) = await CustomerAsync("new.admin@customer.test", withContract: false);
        using var _ = client;

        var page = await client.GetAsync("/Tickets/New");
        page.Find("[data-notice]")!.TextContent.ShouldContain("maintenance@localhost");
        page.Find("[data-notice] a[href='mailto:maintenance@localhost']").ShouldNotBeNull();
        page.Find("a[aria-current=page][data-kind=Administrative]").ShouldNotBeNull();
        page.Find("select[name='Input.Priority'] option[selected]")!.GetAttribute("value").ShouldBe("Normal");
        var created = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Subject"] = "Cannot register contract", ["Input.Description"] = "The key is **refused**.", ["Input.Priority"] = "High",
        }, follow: false);

        var id = TicketIdFrom(created);
        id.ShouldBeGreaterThanOrEqualTo(Ticket.FirstNumber);
        var ticket = await portal.WithDbAsync(db => db.Tickets.Include(t => t.Comments).SingleAsync(t => t.Id == id));
        ticket.Kind.ShouldBe(TicketKind.Administrative);
        ticket.RequesterId.ShouldBe(userId);
        ticket.Subject.ShouldBe("Cannot register contract");
        ticket.Priority.ShouldBe(TicketPriority.High);
        ticket.AssetId.ShouldBeNull();
        ticket.Comments.ShouldHaveSingleItem().Body.ShouldBe("The key is **refused**.");
        (await portal.MailsToAsync("new.admin@customer.test")).ShouldContain(m => m.Subject.Contains($"[#{id}]"));
        // The confirmation waits for the next page the person sees.
        (await client.GetAsync("/Dashboard")).Find("[role=status]")!.TextContent.Trim().ShouldBe($"Request #{id} has been created.");
    }

    [Fact]
    public async Task A_support_request_for_a_chosen_asset_saves_the_manufacturer_answers()
    {
        var (client, userId) = await CustomerAsync("new.support@customer.test");
        using var _ = client;
        var assetId = await AssetIdAsync("SNT200F-0001");
        var fields = await FirewallFieldsAsync();

        var start = await client.GetAsync("/Tickets/New?kind=support");
        start.FindAll("[data-asset-row]").Count().ShouldBe(3);
        start.Find("main form[method=post]").ShouldBeNull();
        var choose = start.Find($"[data-asset-row='{assetId}'] a")!.GetAttribute("href")!;
        var page = await client.GetAsync(choose);
        page.Find("[data-chosen-asset]")!.TextContent.ShouldContain("DEMO-0001");
        page.Find("[data-chosen-asset]")!.TextContent.ShouldContain("Gdańsk DC");
        page.Find($"[data-field='{fields["Firmware version"]}'] label")!.TextContent.ShouldContain("*");
        var created = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Subject"] = "VPN drops", ["Input.Description"] = "Tunnels drop every hour.",
            [$"Fields[{fields["Serial number"]}]"] = "SNT200F-0001", [$"Fields[{fields["Firmware version"]}]"] = "7.4.2",
        }, follow: false);

        var id = TicketIdFrom(created);
        var ticket = await portal.WithDbAsync(db => db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == id));
        ticket.Kind.ShouldBe(TicketKind.Support);
        ticket.RequesterId.ShouldBe(userId);
        ticket.AssetId.ShouldBe(assetId);
        // The organization holding the asset's contract: the person belongs to none.
        ticket.OrganizationId.ShouldBe(await portal.WithDbAsync(db =>
            db.Assets.Where(a => a.Id == assetId).Select(a => (int?)a.Contract.OrganizationId).SingleAsync()));
        ticket.Fields.OrderBy(f => f.Order).Select(f => $"{f.LabelEn}={f.ValueEn}").ToArray().ShouldBe(["Serial number=SNT200F-0001", "Firmware version=7.4.2"]);
    }

    [Fact]
    public async Task Missing_required_answers_come_back_by_each_field_with_the_input_kept_and_nothing_saved()
    {
        var (client, userId) = await CustomerAsync("new.missing@customer.test");
        using var _ = client;
        var fields = await FirewallFieldsAsync();
        var page = await client.GetAsync($"/Tickets/New?kind=support&asset={await AssetIdAsync("SNT600F-0042")}");

        var back = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Subject"] = "", ["Input.Description"] = "Kept text", ["Input.Priority"] = "Urgent",
            [$"Fields[{fields["Serial number"]}]"] = "SNT600F-0042", [$"Fields[{fields["Firmware version"]}]"] = "",
        });

        back.Status.ShouldBe(HttpStatusCode.OK);
        back.FieldError("Input.Subject").ShouldBe("Subject is required.");
        back.Find($"#Fields-{fields["Firmware version"]}-error")!.TextContent.ShouldBe("Firmware version is required.");
        back.Find($"#Fields-{fields["Serial number"]}-error").ShouldBeNull();
        back.Find("[data-form-errors]").ShouldNotBeNull();
        back.Find("textarea[name='Input.Description']")!.TextContent.ShouldBe("Kept text");
        back.Find($"input[name='Fields[{fields["Serial number"]}]']")!.GetAttribute("value").ShouldBe("SNT600F-0042");
        back.Find("select[name='Input.Priority'] option[selected]")!.GetAttribute("value").ShouldBe("Urgent");
        back.Find("[data-chosen-asset]").ShouldNotBeNull();
        (await TicketCountAsync(userId)).ShouldBe(0);
    }

    [Fact]
    public async Task An_asset_of_another_customers_contract_is_refused_without_showing_it()
    {
        var (client, userId) = await CustomerAsync("new.guesser@customer.test");
        using var _ = client;
        var foreign = await AssetIdAsync("MSP48-10001");

        var shown = await client.GetAsync($"/Tickets/New?kind=support&asset={foreign}");
        shown.Find("[data-chosen-asset]").ShouldBeNull();
        shown.Text.ShouldNotContain("MSP48-10001");
        shown.FieldError("Input.AssetId").ShouldBe("Choose an asset from your active contracts.");

        var page = await client.GetAsync($"/Tickets/New?kind=support&asset={await AssetIdAsync("SNT200F-0001")}");
        var back = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.AssetId"] = foreign.ToString(CultureInfo.InvariantCulture), ["Input.Subject"] = "Guess", ["Input.Description"] = "Guess",
        });

        back.FieldError("Input.AssetId").ShouldBe("Choose an asset from your active contracts.");
        back.Text.ShouldNotContain("MSP48-10001");
        back.Text.ShouldNotContain("Riga");
        (await TicketCountAsync(userId)).ShouldBe(0);
    }

    [Fact]
    public async Task An_asset_of_an_expired_contract_is_neither_offered_nor_accepted()
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync("customer@example.com");
        var userId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "customer@example.com").Select(u => u.Id).SingleAsync());
        var expired = await AssetIdAsync("MSP24-55501");
        var before = await TicketCountAsync(userId);

        var start = await client.GetAsync("/Tickets/New?kind=support");
        start.FindAll("[data-asset-row]").Count().ShouldBe(3);
        start.Find($"[data-asset-row='{expired}']").ShouldBeNull();
        var page = await client.GetAsync($"/Tickets/New?kind=support&asset={await AssetIdAsync("VLT5K-77812")}");
        var back = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.AssetId"] = expired.ToString(CultureInfo.InvariantCulture), ["Input.Subject"] = "Old switch", ["Input.Description"] = "Broken",
        });

        back.FieldError("Input.AssetId").ShouldBe("Choose an asset from your active contracts.");
        (await TicketCountAsync(userId)).ShouldBe(before);
    }

    [Fact]
    public async Task The_picker_search_without_script_filters_by_product_serial_or_contract()
    {
        var (client, _) = await CustomerAsync("new.search@customer.test");
        using var __ = client;

        (await client.GetAsync("/Tickets/New?kind=support&q=vaultline")).FindAll("[data-asset-row]").Count().ShouldBe(1);
        (await client.GetAsync("/Tickets/New?kind=support&q=snt600f")).FindAll("[data-asset-row]").Count().ShouldBe(1);
        (await client.GetAsync("/Tickets/New?kind=support&q=demo-0001")).FindAll("[data-asset-row]").Count().ShouldBe(3);
        var none = await client.GetAsync("/Tickets/New?kind=support&q=nothing-like-it");
        none.FindAll("[data-asset-row]").ShouldBeEmpty();
        none.Find("[data-picker-empty]")!.HasAttribute("hidden").ShouldBeFalse();
        none.Find("[data-asset-picker]")!.GetAttribute("data-open").ShouldBe("true");
    }

    [Fact]
    public async Task Without_assets_under_an_active_contract_the_support_form_says_to_register_one()
    {
        var (client, _) = await CustomerAsync("new.noassets@customer.test", withContract: false);
        using var __ = client;

        var page = await client.GetAsync("/Tickets/New?kind=support");

        page.Find("[data-no-assets] a[href='/Contracts/Register']").ShouldNotBeNull();
        page.Find("main form[method=post]").ShouldBeNull();
    }

    private async Task<(int Crm, int Portal)> ServicesAsync() => await portal.WithDbAsync(async db =>
    {
        var existing = await db.Services.Where(s => s.NameEn == "Test CRM" || s.NameEn == "Test portal").ToDictionaryAsync(s => s.NameEn, s => s.Id);
        if (existing.Count == 2)
            return (existing["Test CRM"], existing["Test portal"]);
        var crm = new Service { NameEn = "Test CRM", NamePl = "Testowy CRM", Order = 1 };
        var web = new Service { NameEn = "Test portal", NamePl = "Testowy portal", Order = 2 };
        db.Services.AddRange(crm, web, new Service { NameEn = "Retired", NamePl = "Wycofana", Order = 3, Active = false });
        await db.SaveChangesAsync();
        return (crm.Id, web.Id);
    });

    [Fact]
    public async Task A_service_request_with_two_attachments_stores_both_files()
    {
        var (crm, _) = await ServicesAsync();
        var (client, userId) = await CustomerAsync("new.service@customer.test", withContract: false);
        using var _ = client;
        var page = await client.GetAsync("/Tickets/New?kind=service");
        page.FindAll("select[name='Input.ServiceId'] option").Select(o => o.TextContent).ShouldNotContain("Retired");
        var text = "Invoice run log"u8.ToArray();

        var created = await client.UploadFilesAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.ServiceId"] = crm.ToString(CultureInfo.InvariantCulture), ["Input.Impact"] = "ManyUsers", ["Input.OccurredAt"] = "2025-01-15T10:30",
            ["Input.Process"] = "Month-end closing", ["Input.Subject"] = "CRM is slow", ["Input.Description"] = "Reports time out.",
            ["Input.MoreInformation"] = "Since Monday.",
        }, ("screen.png", Png), ("log.txt", text));

        var id = TicketIdFrom(created);
        var ticket = await portal.WithDbAsync(db => db.Tickets.Include(t => t.Attachments).SingleAsync(t => t.Id == id));
        ticket.Kind.ShouldBe(TicketKind.Service);
        ticket.RequesterId.ShouldBe(userId);
        ticket.ServiceId.ShouldBe(crm);
        ticket.Impact.ShouldBe(BusinessImpact.ManyUsers);
        // 10:30 in Warsaw in January (UTC+1).
        ticket.OccurredAt.ShouldBe(new DateTime(2025, 1, 15, 9, 30, 0, DateTimeKind.Utc));
        ticket.Process.ShouldBe("Month-end closing");
        ticket.MoreInformation.ShouldBe("Since Monday.");
        ticket.Attachments.Select(a => a.FileName).Order().ToArray().ShouldBe(["log.txt", "screen.png"]);
        ticket.Attachments.Single(a => a.FileName == "screen.png").IsImage.ShouldBeTrue();
        ticket.Attachments.ShouldAllBe(a => a.CommentId != null);
        using var scope = portal.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
        foreach (var attachment in ticket.Attachments)
        {
            var path = store.PathOf(attachment.Sha256);
            path.ShouldStartWith(Path.GetFullPath(portal.Database.StorageRoot));
            File.Exists(path).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task A_program_renamed_to_txt_is_refused_by_its_content_and_nothing_is_saved()
    {
        var (crm, _) = await ServicesAsync();
        var (client, userId) = await CustomerAsync("new.program@customer.test", withContract: false);
        using var _ = client;
        var page = await client.GetAsync("/Tickets/New?kind=service");
        var program = new byte[512];
        program[0] = (byte)'M';
        program[1] = (byte)'Z';

        var back = await client.UploadFilesAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.ServiceId"] = crm.ToString(CultureInfo.InvariantCulture), ["Input.Subject"] = "Tool", ["Input.Description"] = "See the tool.",
        }, ("notes.txt", "fine"u8.ToArray()), ("tool.txt", program));

        back.Status.ShouldBe(HttpStatusCode.OK);
        back.FieldError("Files").ShouldContain("tool.txt");
        back.FieldError("Files").ShouldContain("program");
        back.Find("[data-files-again]").ShouldNotBeNull();
        back.Find("input[name='Input.Subject']")!.GetAttribute("value").ShouldBe("Tool");
        (await TicketCountAsync(userId)).ShouldBe(0);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(program));
        Directory.EnumerateFiles(portal.Database.StorageRoot, hash, SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_service_request_checks_the_service_the_choices_and_the_time()
    {
        await ServicesAsync();
        var (client, userId) = await CustomerAsync("new.service.checks@customer.test", withContract: false);
        using var _ = client;
        var page = await client.GetAsync("/Tickets/New?kind=service");
        var future = portal.Clock.GetUtcNow().AddDays(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        var back = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.ServiceId"] = "", ["Input.Impact"] = "Catastrophe", ["Input.OccurredAt"] = future,
            ["Input.Subject"] = new string('x', 201), ["Input.Description"] = "",
        });

        back.FieldError("Input.ServiceId").ShouldBe("Platform or service is required.");
        back.FieldError("Input.Impact").ShouldBe("Choose one of the options for Business impact.");
        back.FieldError("Input.OccurredAt").ShouldBe("The time cannot be in the future.");
        back.FieldError("Input.Subject").ShouldBe("Subject is too long.");
        back.FieldError("Input.Description").ShouldBe("Description is required.");
        back.Find("input[name='Input.OccurredAt']")!.GetAttribute("value").ShouldBe(future);

        var other = await client.SubmitAsync(back.Form(), new Dictionary<string, string>
        {
            ["Input.ServiceId"] = "999999", ["Input.Impact"] = "None", ["Input.OccurredAt"] = "", ["Input.Subject"] = "S", ["Input.Description"] = "D",
        });
        other.FieldError("Input.ServiceId").ShouldBe("Choose one of the options for Platform or service.");
        (await TicketCountAsync(userId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_tampered_priority_is_refused_with_a_message()
    {
        var (client, userId) = await CustomerAsync("new.priority@customer.test", withContract: false);
        using var _ = client;
        var page = await client.GetAsync("/Tickets/New");

        var back = await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Subject"] = "S", ["Input.Description"] = "D", ["Input.Priority"] = "3",
        });

        back.FieldError("Input.Priority").ShouldBe("Choose one of the options for Priority.");
        (await TicketCountAsync(userId)).ShouldBe(0);
    }
}
