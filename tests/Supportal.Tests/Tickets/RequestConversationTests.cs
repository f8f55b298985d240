using Microsoft.EntityFrameworkCore;
using Supportal.Pages.Tickets;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Pages;
using Supportal.Tests.Workspace;
using Supportal.Tickets;

namespace Supportal.Tests.Tickets;

/// <summary>The public conversation on the request page: how comments read, who is marked as support, long ones.</summary>
public sealed class RequestConversationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Comments_are_markdown_with_raw_html_shown_as_text_and_staff_replies_are_marked()
    {
        var requester = await portal.CreateUserAsync("markdown.owner@request.test");
        var ticket = await portal.CreateAsync(requester.Id, "Formatting", "Steps:\n\n1. **Open** the app\n2. Click <script>alert('x')</script>");
        using (var agent = await portal.SignedInAsync("agent@example.com"))
        {
            await (await RequestPage.OpenAsync(agent, ticket.Id)).ReplyAsync("We are on it.");
        }
        using var client = await portal.SignedInAsync("markdown.owner@request.test");

        var page = await client.GetAsync($"/Tickets/{ticket.Id}");

        var first = page.Find("[data-comment] [data-body]")!;
        first.QuerySelector("ol li strong")!.TextContent.ShouldBe("Open");
        first.QuerySelector("script").ShouldBeNull();
        first.TextContent.ShouldContain("<script>alert('x')</script>");
        page.Document.DocumentElement.OuterHtml.ShouldNotContain("<script>alert");
        var comments = page.FindAll("[data-comment]").ToList();
        comments[0].QuerySelector("[data-staff]").ShouldBeNull();
        comments[1].QuerySelector("[data-staff]")!.TextContent.ShouldBe("Support");
        (await portal.TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.New);
    }

    [Fact]
    public async Task A_long_conversation_opens_at_its_newest_public_comments_and_shows_them_all_on_request()
    {
        var requester = await portal.CreateUserAsync("long.owner@request.test", "Lena", "Long");
        var ticket = await portal.CreateAsync(requester.Id, "A long story", "Comment 0");
        var agent = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "agent@example.com").Select(u => u.Id).SingleAsync());
        var start = DateTime.UtcNow;
        var total = ConversationPart.Shown + 3;
        // Internal notes between the replies: they are neither shown nor counted as left out.
        await portal.WithDbAsync(db =>
        {
            db.TicketComments.AddRange(Enumerable.Range(1, total - 1).SelectMany(i => new[]
            {
                new TicketComment { TicketId = ticket.Id, AuthorId = i % 2 == 0 ? agent : requester.Id, Body = $"Comment {i}", CreatedAt = start.AddMinutes(2 * i) },
                new TicketComment { TicketId = ticket.Id, AuthorId = agent, Body = $"Note {i}", IsPublic = false, CreatedAt = start.AddMinutes(2 * i + 1) },
            }));
            return db.SaveChangesAsync();
        });
        using var client = await portal.SignedInAsync("long.owner@request.test");

        static string[] Bodies(Page page) => page.FindAll("[data-comment] [data-body]").Select(b => b.TextContent.Trim()).ToArray();
        var page = await client.GetAsync($"/Tickets/{ticket.Id}");
        Bodies(page).ShouldBe(Enumerable.Range(3, ConversationPart.Shown).Select(i => $"Comment {i}").ToArray());
        page.Find("[data-earlier-comments]")!.TextContent.ShouldContain("Earlier comments not shown: 3.");
        page.FindAll("[data-comment]").First().QuerySelector("[data-staff]").ShouldBeNull();
        page.FindAll("[data-comment]").ElementAt(1).QuerySelector("[data-staff]")!.TextContent.ShouldBe("Support");

        var link = page.Find("[data-all-comments]")!.GetAttribute("href")!;
        link.ShouldBe($"/Tickets/{ticket.Id}?all=true");
        var all = await client.GetAsync(link);
        Bodies(all).ShouldBe(Enumerable.Range(0, total).Select(i => $"Comment {i}").ToArray());
        all.Find("[data-earlier-comments]").ShouldBeNull();
    }
}
