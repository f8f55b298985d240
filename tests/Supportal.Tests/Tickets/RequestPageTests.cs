using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

public sealed class RequestPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    private Task<TicketStatus> StatusAsync(long id) => portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.Status).SingleAsync());

    private Task<int> MailCountAsync(string email) => portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email));

    [Fact]
    public async Task A_reply_is_added_reopens_a_solved_request_and_mails_everyone_but_its_author()
    {
        var requester = await portal.CreateUserAsync("reply.owner@request.test", "Rita", "Owner");
        await portal.CreateUserAsync("reply.cc@request.test", "Cezary", "Copied");
        var ticket = await portal.CreateAsync(requester.Id, "VPN drops every hour");
        await portal.AddCcAsync(ticket.Id, "reply.cc@request.test", requester.Id);
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TicketStatus.Solved).SetProperty(x => x.SolvedAt, DateTime.UtcNow)));
        using var client = await portal.SignedInAsync("reply.owner@request.test");
        var ownerMails = await MailCountAsync("reply.owner@request.test");
        var ccMails = await MailCountAsync("reply.cc@request.test");

        var page = await RequestPage.OpenAsync(client, ticket.Id);
        page.Find("[data-status]")!.GetAttribute("data-status").ShouldBe("Solved");
        page.Find("[data-solve]").ShouldBeNull();
        var after = await page.ReplyAsync("It came back after the update.");

        after.Path.ShouldBe($"/Tickets/{ticket.Id}");
        after.Find("[role=status]")!.TextContent.ShouldBe("Your reply has been added.");
        var comments = after.FindAll("[data-comment]").ToList();
        comments.Count.ShouldBe(2);
        comments[1].QuerySelector("[data-author]")!.TextContent.ShouldBe("Rita Owner");
        comments[1].QuerySelector("[data-body]")!.TextContent.ShouldContain("It came back after the update.");
        after.Find("[data-status]")!.GetAttribute("data-status").ShouldBe("Open");
        (await StatusAsync(ticket.Id)).ShouldBe(TicketStatus.Open);
        (await MailCountAsync("reply.owner@request.test")).ShouldBe(ownerMails);
        var mail = (await portal.MailsToAsync("reply.cc@request.test")).Last();
        (await MailCountAsync("reply.cc@request.test")).ShouldBe(ccMails + 1);
        mail.Subject.ShouldBe($"[#{ticket.Id}] VPN drops every hour");
        mail.TextBody.ShouldContain("It came back after the update.");
        mail.TextBody.ShouldContain($"/Tickets/{ticket.Id}");
    }

    [Fact]
    public async Task A_reply_by_a_cc_mails_the_requester_and_not_the_cc()
    {
        var requester = await portal.CreateUserAsync("cc.reply.owner@request.test", "Rita", "Owner");
        await portal.CreateUserAsync("cc.reply.cc@request.test", "Cezary", "Copied");
        var ticket = await portal.CreateAsync(requester.Id, "Label printer offline");
        await portal.AddCcAsync(ticket.Id, "cc.reply.cc@request.test", requester.Id);
        using var client = await portal.SignedInAsync("cc.reply.cc@request.test");
        var ownerMails = await MailCountAsync("cc.reply.owner@request.test");
        var ccMails = await MailCountAsync("cc.reply.cc@request.test");

        var page = await RequestPage.OpenAsync(client, ticket.Id);
        await page.ReplyAsync("Same here on floor 2.");

        (await MailCountAsync("cc.reply.cc@request.test")).ShouldBe(ccMails);
        (await MailCountAsync("cc.reply.owner@request.test")).ShouldBe(ownerMails + 1);
        (await portal.MailsToAsync("cc.reply.owner@request.test")).Last().TextBody.ShouldContain("Cezary Copied");
    }

    [Fact]
    public async Task An_empty_reply_or_a_program_is_refused_next_to_its_field_and_nothing_is_stored()
    {
        var requester = await portal.CreateUserAsync("reply.invalid@request.test");
        var ticket = await portal.CreateAsync(requester.Id, "Invalid replies");
        using var client = await portal.SignedInAsync("reply.invalid@request.test");
        var page = await RequestPage.OpenAsync(client, ticket.Id);

        var empty = await page.ReplyAsync("   ");
        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.FieldError("Reply.Body").ShouldBe("Write a reply.");

        var program = await page.ReplyAsync("Here is the installer", "setup.exe", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0]);
        program.Status.ShouldBe(HttpStatusCode.OK);
        program.FieldError("Files").ShouldContain("setup.exe");
        program.Find("textarea[name='Reply.Body']")!.TextContent.ShouldContain("Here is the installer");

        (await portal.WithDbAsync(db => db.TicketComments.CountAsync(c => c.TicketId == ticket.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Mark_as_solved_with_a_last_word_solves_the_request_and_hides_the_button()
    {
        var requester = await portal.CreateUserAsync("solve.owner@request.test");
        var ticket = await portal.CreateAsync(requester.Id, "Password expired");
        using var client = await portal.SignedInAsync("solve.owner@request.test");
        var page = await RequestPage.OpenAsync(client, ticket.Id);

        var solved = await page.SolveAsync("Reset it myself, thanks.");

        solved.Find("[role=status]")!.TextContent.ShouldBe("The request has been marked as solved.");
        solved.Find("[data-status]")!.GetAttribute("data-status").ShouldBe("Solved");
        solved.Find("[data-solve]").ShouldBeNull();
        solved.FindAll("[data-comment]").Last().TextContent.ShouldContain("Reset it myself, thanks.");
        (await StatusAsync(ticket.Id)).ShouldBe(TicketStatus.Solved);
        var change = await portal.WithDbAsync(db => db.TicketEvents.SingleAsync(e => e.TicketId == ticket.Id && e.Field == "Status"));
        (change.ActorId, change.OldValue, change.NewValue).ShouldBe((requester.Id, "New", "Solved"));
    }

    [Fact]
    public async Task A_reply_to_a_closed_request_starts_a_follow_up_request_linked_to_it_and_leaves_the_closed_one_alone()
    {
        var requester = await portal.CreateUserAsync("closed.owner@request.test", "Rita", "Owner");
        await portal.CreateUserAsync("closed.cc@request.test");
        var ticket = await portal.CreateAsync(requester.Id, "Old problem");
        await portal.AddCcAsync(ticket.Id, "closed.cc@request.test", requester.Id);
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TicketStatus.Closed)));
        using var client = await portal.SignedInAsync("closed.owner@request.test");
        var ccMails = await MailCountAsync("closed.cc@request.test");

        var closed = await RequestPage.OpenAsync(client, ticket.Id);
        closed.Find("[data-closed]")!.TextContent.ShouldContain("A reply starts a new follow-up request");
        closed.Find("[data-solve]").ShouldBeNull();
        var empty = await closed.ReplyAsync(" ");
        empty.FieldError("Reply.Body").ShouldNotBeEmpty();
        var followUp = await closed.ReplyAsync("It is back again.");

        var id = long.Parse(followUp.Path.Split('/').Last(), CultureInfo.InvariantCulture);
        id.ShouldNotBe(ticket.Id);
        followUp.Find("[role=status]")!.TextContent.ShouldBe($"Your reply started follow-up request #{id}.");
        followUp.Find("[data-ticket-title]")!.TextContent.ShouldContain("Old problem");
        followUp.Find($"[data-follow-up-of='{ticket.Id}'] a")!.GetAttribute("href").ShouldBe($"/Tickets/{ticket.Id}");
        followUp.FindAll("[data-comment] [data-body]").ShouldHaveSingleItem().TextContent.ShouldContain("It is back again.");
        var created = await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == id)
            .Select(t => new { t.FollowUpOfId, t.RequesterId, t.Kind, t.Status, Ccs = t.Ccs.Count }).SingleAsync());
        created.ShouldBe(new { FollowUpOfId = (long?)ticket.Id, RequesterId = requester.Id, Kind = TicketKind.Administrative, Status = TicketStatus.New, Ccs = 1 });
        (await MailCountAsync("closed.cc@request.test")).ShouldBe(ccMails + 1);
        (await StatusAsync(ticket.Id)).ShouldBe(TicketStatus.Closed);
        (await portal.WithDbAsync(db => db.TicketComments.CountAsync(c => c.TicketId == ticket.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Adding_an_unknown_address_as_cc_creates_an_account_without_password_and_mails_a_set_password_link()
    {
        var requester = await portal.CreateUserAsync("cc.owner@request.test", "Rita", "Owner");
        var ticket = await portal.CreateAsync(requester.Id, "Need a colleague in the loop");
        using var client = await portal.SignedInAsync("cc.owner@request.test");
        var page = await RequestPage.OpenAsync(client, ticket.Id);

        var invalid = await page.AddCcAsync("not-an-address");
        invalid.FieldError("Cc.Email").ShouldBe("Enter a valid e-mail address.");
        invalid.Find("input[name='Cc.Email']")!.GetAttribute("value").ShouldBe("not-an-address");
        var self = await page.AddCcAsync("CC.OWNER@request.test");
        self.FieldError("Cc.Email").ShouldContain("already follows");

        var added = await page.AddCcAsync("new.colleague@request.test");

        added.Find("[role=status]")!.TextContent.ShouldContain("new.colleague@request.test");
        added.Find("[data-cc='new.colleague@request.test']").ShouldNotBeNull();
        var account = await portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "new.colleague@request.test"));
        account.PasswordHash.ShouldBeNull();
        account.EmailConfirmed.ShouldBeFalse();
        var mail = (await portal.MailsToAsync("new.colleague@request.test")).Single();
        mail.Subject.ShouldBe($"[#{ticket.Id}] Need a colleague in the loop");
        mail.TextBody.ShouldContain("Rita Owner");
        (await portal.LinkInLatestMailAsync("new.colleague@request.test", "/Account/ResetPassword")).ShouldContain(account.Id.ToString());
    }

    [Fact]
    public async Task Copying_new_addresses_is_limited_so_the_portal_cannot_be_used_to_mail_strangers()
    {
        var requester = await portal.CreateUserAsync("cc.spammer@request.test");
        await portal.CreateUserAsync("cc.known@request.test");
        var ticket = await portal.CreateAsync(requester.Id, "Copy the world");
        using var client = await portal.SignedInAsync("cc.spammer@request.test");
        for (var i = 0; i < 5; i++)
        {
            var page = await RequestPage.OpenAsync(client, ticket.Id);
            (await page.AddCcAsync($"stranger{i}@request.test")).FieldError("Cc.Email").ShouldBeEmpty();
        }

        var request = await RequestPage.OpenAsync(client, ticket.Id);
        var refused = await request.AddCcAsync("stranger5@request.test");
        var known = await request.AddCcAsync("cc.known@request.test");

        refused.FieldError("Cc.Email").ShouldBe("You have copied several new addresses in a short time. Please try again in 15 minutes.");
        (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "stranger5@request.test"))).ShouldBeFalse();
        known.FieldError("Cc.Email").ShouldBeEmpty();
        (await portal.WithDbAsync(db => db.TicketCcs.CountAsync(c => c.TicketId == ticket.Id))).ShouldBe(6);
    }

    [Fact]
    public async Task The_requester_removes_a_cc_and_a_cc_may_take_themselves_off()
    {
        var requester = await portal.CreateUserAsync("remove.owner@request.test");
        var first = await portal.CreateUserAsync("remove.first@request.test", "First", "Colleague");
        var second = await portal.CreateUserAsync("remove.second@request.test", "Second", "Colleague");
        var ticket = await portal.CreateAsync(requester.Id, "Too many people");
        await portal.AddCcAsync(ticket.Id, "remove.first@request.test", requester.Id);
        await portal.AddCcAsync(ticket.Id, "remove.second@request.test", requester.Id);

        using (var cc = await portal.SignedInAsync("remove.second@request.test"))
        {
            var asCc = await cc.GetAsync($"/Tickets/{ticket.Id}");
            // A CC may only take themselves off, not others.
            asCc.Find("[data-cc='remove.first@request.test'] form").ShouldBeNull();
            var forged = await cc.PostToAsync(asCc, "[data-cc='remove.second@request.test'] form", $"/Tickets/{ticket.Id}?handler=RemoveCc",
                Values(("userId", first.Id.ToString())));
            forged.Status.ShouldBe(HttpStatusCode.NotFound);
            var left = await cc.SubmitAsync(asCc.Form("[data-cc='remove.second@request.test'] form"));
            left.Path.ShouldBe("/Tickets");
        }

        using var owner = await portal.SignedInAsync("remove.owner@request.test");
        var page = await owner.GetAsync($"/Tickets/{ticket.Id}");
        page.Find("[data-cc='remove.second@request.test']").ShouldBeNull();
        page.Find("[data-cc='remove.first@request.test'] form")!.GetAttribute("data-confirm").ShouldBe("Remove First Colleague from this request?");
        var removed = await owner.SubmitAsync(page.Form("[data-cc='remove.first@request.test'] form"));

        removed.Find("[role=status]")!.TextContent.ShouldBe("First Colleague is no longer copied on this request.");
        removed.Find("[data-ccs] [data-empty]").ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.TicketCcs.CountAsync(c => c.TicketId == ticket.Id))).ShouldBe(0);
        second.Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public async Task A_reply_with_files_lists_them_and_they_download_with_safe_headers()
    {
        var requester = await portal.CreateUserAsync("files.owner@request.test");
        var ticket = await portal.CreateAsync(requester.Id, "Screenshots", "First one attached.", FollowData.File("screen shot ą.png", FollowData.Png));
        using var client = await portal.SignedInAsync("files.owner@request.test");
        var page = await RequestPage.OpenAsync(client, ticket.Id);

        var after = await page.ReplyAsync("And the log.", "log.txt", "line one\nline two"u8.ToArray());

        var comments = after.FindAll("[data-comment]").ToList();
        comments[1].QuerySelector("[data-files] [data-download]")!.TextContent.Trim().ShouldBe("log.txt");
        after.FindAll("[data-attachments-panel] [data-file]").Count().ShouldBe(2);
        var png = comments[0].QuerySelector("[data-files] li")!;
        var thumb = png.QuerySelector("img")!.GetAttribute("src")!;
        var download = png.QuerySelector("[data-download]")!.GetAttribute("href")!;
        comments[1].QuerySelector("img").ShouldBeNull();

        var file = await client.Http.GetAsync(download);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        file.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        file.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("screen shot ą.png");
        file.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(FollowData.Png);

        var preview = await client.Http.GetAsync(thumb);
        preview.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        preview.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        preview.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");

        var log = comments[1].QuerySelector("[data-download]")!.GetAttribute("href")!;
        (await client.Http.GetAsync(log + "/Preview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var text = await client.Http.GetAsync(log);
        text.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        (await text.Content.ReadAsStringAsync()).ShouldBe("line one\nline two");
    }

    [Fact]
    public async Task The_side_panel_shows_the_asset_its_answers_and_the_service_request_details()
    {
        var requester = await portal.CreateUserAsync("panel.owner@request.test", "Rita", "Owner", "pl");
        var support = await portal.CreateAsync(requester.Id, "Firewall drops packets");
        var service = await portal.CreateAsync(requester.Id, "E-mail is slow");
        await portal.WithDbAsync(async db =>
        {
            var asset = await db.Assets.Where(a => a.SerialNumber == "SNT200F-0001").Select(a => new { a.Id, a.Contract.OrganizationId }).SingleAsync();
            await db.Tickets.Where(t => t.Id == support.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Kind, TicketKind.Support)
                .SetProperty(x => x.AssetId, asset.Id).SetProperty(x => x.OrganizationId, asset.OrganizationId));
            db.TicketFieldValues.Add(new TicketFieldValue
            {
                TicketId = support.Id, LabelEn = "Firmware version", LabelPl = "Wersja oprogramowania", ValueEn = "7.2.1", ValuePl = "7.2.1", Order = 1,
            });
            var mail = new Service { NameEn = "Hosted e-mail", NamePl = "Poczta w chmurze", Order = 1 };
            db.Services.Add(mail);
            await db.SaveChangesAsync();
            return await db.Tickets.Where(t => t.Id == service.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Kind, TicketKind.Service)
                .SetProperty(x => x.ServiceId, mail.Id).SetProperty(x => x.Impact, BusinessImpact.ManyUsers)
                .SetProperty(x => x.Process, "Month-end closing").SetProperty(x => x.MoreInformation, "Only **large** attachments"));
        });
        using var client = await portal.SignedInAsync("panel.owner@request.test");

        var supportPage = await client.GetAsync($"/Tickets/{support.Id}");
        var asset = supportPage.Find("[data-asset]")!.TextContent;
        asset.ShouldContain("SNT200F-0001");
        asset.ShouldContain("DEMO-0001");
        supportPage.Find("[data-fields]")!.TextContent.ShouldContain("Wersja oprogramowania");
        supportPage.Find("[data-fields]")!.TextContent.ShouldContain("7.2.1");
        supportPage.Find("[data-kind]")!.TextContent.ShouldBe("Zgłoszenie techniczne");
        supportPage.Find("[data-service]").ShouldBeNull();

        var servicePage = await client.GetAsync($"/Tickets/{service.Id}");
        var details = servicePage.Find("[data-service]")!;
        details.TextContent.ShouldContain("Poczta w chmurze");
        details.TextContent.ShouldContain("Month-end closing");
        details.QuerySelector("strong")!.TextContent.ShouldBe("large");
        servicePage.Find("[data-asset]").ShouldBeNull();
        servicePage.Find("[data-fields]").ShouldBeNull();
    }

    [Fact]
    public async Task An_address_the_account_rules_cannot_take_is_refused_as_cc()
    {
        var requester = await portal.CreateUserAsync("cc.chars@request.test");
        var ticket = await portal.CreateAsync(requester.Id, "Odd address");
        using var client = await portal.SignedInAsync("cc.chars@request.test");
        var page = await RequestPage.OpenAsync(client, ticket.Id);

        var refused = await page.AddCcAsync("o'brien@request.test");

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.FieldError("Cc.Email").ShouldBe("Enter a valid e-mail address.");
        (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "o'brien@request.test"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_colleague_who_copies_themselves_follows_the_request_without_an_email_about_it()
    {
        var requester = await portal.CreateUserAsync("self.owner@request.test");
        var colleague = await portal.CreateUserAsync("self.colleague@request.test");
        var organization = await portal.OrganizationAsync("Self Copy Ltd", requester.Id, colleague.Id);
        await portal.ShareRequestsAsync(organization, true);
        var ticket = await portal.CreateAsync(requester.Id, "Shared scanner");
        using var client = await portal.SignedInAsync("self.colleague@request.test");
        var mails = await MailCountAsync("self.colleague@request.test");
        var page = await RequestPage.OpenAsync(client, ticket.Id);

        var added = await page.AddCcAsync("self.colleague@request.test");

        added.Find("[data-cc='self.colleague@request.test']").ShouldNotBeNull();
        (await MailCountAsync("self.colleague@request.test")).ShouldBe(mails);
        (await client.GetAsync("/Tickets?tab=Copied")).Find($"tr[data-ticket='{ticket.Id}']").ShouldNotBeNull();
    }
}
