using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

public sealed class TicketAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(Ticket Ticket, long FileId, Guid RequesterId)> RequestWithFileAsync(string requester)
    {
        var user = await portal.CreateUserAsync(requester, "Rita", "Owner");
        var ticket = await portal.CreateAsync(user.Id, "Printer is on fire", "See the picture.", FollowData.File("fire.png", FollowData.Png));
        var fileId = await portal.WithDbAsync(db => db.TicketAttachments.Where(a => a.TicketId == ticket.Id).Select(a => a.Id).SingleAsync());
        return (ticket, fileId, user.Id);
    }

    [Fact]
    public async Task Another_customer_gets_not_found_for_the_request_its_files_and_every_change()
    {
        var (ticket, fileId, _) = await RequestWithFileAsync("owner.one@access.test");
        var stranger = await portal.CreateUserAsync("stranger@access.test");
        var strangers = await portal.CreateAsync(stranger.Id, "My own request");
        using var client = await portal.SignedInAsync("stranger@access.test");

        (await client.GetAsync($"/Tickets/{ticket.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.Http.GetAsync($"/Tickets/{ticket.Id}/files/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.Http.GetAsync($"/Tickets/{ticket.Id}/files/{fileId}/Preview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The file's id under the stranger's own request is no way round either.
        (await client.Http.GetAsync($"/Tickets/{strangers.Id}/files/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var own = await client.GetAsync($"/Tickets/{strangers.Id}");
        own.Status.ShouldBe(HttpStatusCode.OK);
        (await client.PostToAsync(own, RequestPage.ReplyForm, $"/Tickets/{ticket.Id}?handler=Reply",
            new() { ["Reply.Body"] = "Let me in" })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostToAsync(own, RequestPage.AddCcForm, $"/Tickets/{ticket.Id}?handler=AddCc",
            new() { ["Cc.Email"] = "stranger@access.test" })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostToAsync(own, RequestPage.SolveForm, $"/Tickets/{ticket.Id}?handler=Solve",
            [])).Status.ShouldBe(HttpStatusCode.NotFound);

        var after = await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id)
            .Select(t => new { t.Status, Comments = t.Comments.Count, Ccs = t.Ccs.Count }).SingleAsync());
        after.ShouldBe(new { Status = TicketStatus.New, Comments = 1, Ccs = 0 });
    }

    [Fact]
    public async Task An_internal_note_and_its_file_stay_hidden_even_from_the_requester()
    {
        var (ticket, _, requesterId) = await RequestWithFileAsync("owner.two@access.test");
        var agentId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "agent@example.com").Select(u => u.Id).SingleAsync());
        long noteFileId;
        using (var scope = portal.Services.CreateScope())
        {
            using var upload = await scope.ServiceProvider.GetRequiredService<AttachmentStore>()
                .WriteAsync([FollowData.File("secret.png", [.. FollowData.Png, 1, 2, 3])]);
            upload.Place();
            var stored = upload.Files.Single();
            var db = scope.ServiceProvider.GetRequiredService<Supportal.Data.AppDbContext>();
            var note = new TicketComment { TicketId = ticket.Id, AuthorId = agentId, Body = "Internal: customer is on the watch list", IsPublic = false, CreatedAt = DateTime.UtcNow };
            var file = new TicketAttachment
            {
                TicketId = ticket.Id, FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256,
                UploadedById = agentId, CreatedAt = DateTime.UtcNow,
            };
            note.Attachments.Add(file);
            db.TicketComments.Add(note);
            await db.SaveChangesAsync();
            noteFileId = file.Id;
        }
        using var client = await portal.SignedInAsync("owner.two@access.test");

        var page = await client.GetAsync($"/Tickets/{ticket.Id}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.FindAll("[data-comment]").Count().ShouldBe(1);
        page.Text.ShouldNotContain("watch list");
        page.Text.ShouldNotContain("secret.png");
        (await client.Http.GetAsync($"/Tickets/{ticket.Id}/files/{noteFileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.Http.GetAsync($"/Tickets/{ticket.Id}/files/{noteFileId}/Preview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        requesterId.ShouldNotBe(agentId);
    }

    [Fact]
    public async Task A_person_copied_on_the_request_sees_it_and_its_files()
    {
        var (ticket, fileId, requesterId) = await RequestWithFileAsync("owner.three@access.test");
        await portal.CreateUserAsync("copied@access.test");
        await portal.AddCcAsync(ticket.Id, "copied@access.test", requesterId);
        using var client = await portal.SignedInAsync("copied@access.test");

        (await client.GetAsync($"/Tickets/{ticket.Id}")).Find("[data-ticket-title]")!.TextContent.ShouldContain("Printer is on fire");
        (await client.Http.GetAsync($"/Tickets/{ticket.Id}/files/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_organization_member_sees_its_requests_only_once_the_organization_shares_them()
    {
        var owner = await portal.CreateUserAsync("owner.four@access.test");
        var colleague = await portal.CreateUserAsync("colleague@access.test");
        var organization = await portal.OrganizationAsync("Sharing Test Ltd", owner.Id, colleague.Id);
        var ticket = await portal.CreateAsync(owner.Id, "Shared printer jam");
        using var client = await portal.SignedInAsync("colleague@access.test");

        (await client.GetAsync($"/Tickets/{ticket.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);

        await portal.ShareRequestsAsync(organization, true);
        (await client.GetAsync($"/Tickets/{ticket.Id}")).Status.ShouldBe(HttpStatusCode.OK);

        await portal.ShareRequestsAsync(organization, false);
        (await client.GetAsync($"/Tickets/{ticket.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Support_staff_see_any_request_and_unknown_numbers_are_not_found()
    {
        var (ticket, fileId, _) = await RequestWithFileAsync("owner.five@access.test");
        using var agent = await portal.SignedInAsync("agent@example.com");

        (await agent.GetAsync($"/Tickets/{ticket.Id}")).Status.ShouldBe(HttpStatusCode.OK);
        (await agent.Http.GetAsync($"/Tickets/{ticket.Id}/files/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.GetAsync("/Tickets/999999")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await agent.Http.GetAsync($"/Tickets/{ticket.Id}/files/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var (ticket, fileId, _) = await RequestWithFileAsync("owner.six@access.test");
        using var client = portal.CreatePortalClient();

        foreach (var url in new[] { $"/Tickets/{ticket.Id}", $"/Tickets/{ticket.Id}/files/{fileId}", "/Tickets" })
        {
            var response = await client.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("/Account/Login");
        }
    }
}
