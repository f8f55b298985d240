using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Tickets;
using static Supportal.Tests.KnowledgeBase.EditorData;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>Pictures in articles (safe image types only, read with the article) and articles started from solved requests.</summary>
public sealed class ArticleImageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static async Task<Page> UploadAsync(PortalClient client, Page editor, string name, byte[] content, string into = "en")
    {
        var form = editor.Form("form[data-editor]");
        form.SetAttribute("action", editor.Find("[data-upload]")!.GetAttribute("formaction")!);
        return await client.UploadFilesAsync(form, new Dictionary<string, string> { ["into"] = into }, (name, content));
    }

    [Fact]
    public async Task A_picture_goes_into_the_text_and_is_served_only_to_those_who_may_read_the_article()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Pictures");
        using var editor = await EditorAsync(portal);
        var (draft, id) = await WriteAsync(editor, section.Id, "draft", new() { ["Input.TitleEn"] = "With a picture", ["Input.BodyEn"] = "Look:" });

        var uploaded = await UploadAsync(editor, draft, "screen (1).png", FollowData.Png);

        var image = await portal.WithDbAsync(db => db.KbArticleImages.SingleAsync(i => i.ArticleId == id));
        image.ContentType.ShouldBe("image/png");
        var url = $"/KnowledgeBase/Image/{image.Id}/screen%20%281%29.png";
        uploaded.Find("textarea[name='Input.BodyEn']")!.TextContent.ShouldBe($"Look:\n\n![screen (1).png]({url})");
        var preview = await SendAsync(editor, uploaded, "preview");
        preview.Find($"[data-preview] img[src='{url}']").ShouldNotBeNull();

        using var customer = await portal.SignedInAsync("customer@example.com");
        using var anonymous = portal.CreatePortalClient();
        (await customer.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var forEditor = await editor.Http.GetAsync(url);
        forEditor.StatusCode.ShouldBe(HttpStatusCode.OK);
        forEditor.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        forEditor.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        forEditor.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");

        await SendAsync(editor, preview, "publish");
        (await anonymous.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.Http.GetAsync($"/KnowledgeBase/Image/{image.Id}/other.png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.Http.GetAsync($"/KnowledgeBase/Image/{image.Id + 1000}/screen.png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pictures_that_are_not_png_jpeg_gif_or_webp_are_refused_and_nothing_is_kept()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Refused pictures");
        using var editor = await EditorAsync(portal);
        var (draft, id) = await WriteAsync(editor, section.Id, "draft", new() { ["Input.TitleEn"] = "No svg", ["Input.BodyEn"] = "Kept text." });

        var svg = await UploadAsync(editor, draft, "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray());
        svg.FieldError("Files").ShouldContain("logo.svg");
        svg.Find("textarea[name='Input.BodyEn']")!.TextContent.ShouldBe("Kept text.");
        var program = await UploadAsync(editor, draft, "setup.exe", [0x4D, 0x5A, 0x90, 0x00]);
        program.FieldError("Files").ShouldNotBeEmpty();
        (await portal.WithDbAsync(db => db.KbArticleImages.AnyAsync(i => i.ArticleId == id))).ShouldBeFalse();
    }

    [Fact]
    public async Task An_editor_starts_an_article_from_a_solved_request_with_the_staffs_public_replies_only()
    {
        var customerId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "customer@example.com").Select(u => u.Id).SingleAsync());
        var agentId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "agent@example.com").Select(u => u.Id).SingleAsync());
        var ticket = await portal.CreateAsync(customerId, "Printer shows error 42", "My printer says 42, my phone is 555-0100.");
        await portal.WithDbAsync(db =>
        {
            var at = portal.Clock.GetUtcNow().UtcDateTime;
            db.TicketComments.AddRange(
                new TicketComment { TicketId = ticket.Id, AuthorId = agentId, Body = "Turn the printer off and on.", CreatedAt = at.AddMinutes(1) },
                new TicketComment { TicketId = ticket.Id, AuthorId = agentId, Body = "Internal: customer is grumpy.", IsPublic = false, CreatedAt = at.AddMinutes(2) },
                new TicketComment { TicketId = ticket.Id, AuthorId = customerId, Body = "Still 42.", CreatedAt = at.AddMinutes(3) },
                new TicketComment { TicketId = ticket.Id, AuthorId = agentId, Body = "Then update the firmware.", CreatedAt = at.AddMinutes(4) });
            return db.SaveChangesAsync();
        });
        using var admin = await portal.SignedInAsync("admin@example.com");
        (await admin.GetAsync($"/Agent/Tickets/{ticket.Id}")).Find("[data-start-article]").ShouldBeNull();
        (await admin.GetAsync($"/Knowledge/Article?ticket={ticket.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        await portal.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, TicketStatus.Solved)));

        var agentPage = await admin.GetAsync($"/Agent/Tickets/{ticket.Id}");
        var draft = await admin.GetAsync(agentPage.Find("[data-start-article]")!.GetAttribute("href")!);

        draft.Find("input[name='Input.TitleEn']")!.GetAttribute("value").ShouldBe("Printer shows error 42");
        draft.Find("textarea[name='Input.BodyEn']")!.TextContent.ShouldBe("Turn the printer off and on.\n\nThen update the firmware.");
        using var agent = await portal.SignedInAsync("agent@example.com");
        (await agent.GetAsync($"/Agent/Tickets/{ticket.Id}")).Find("[data-start-article]").ShouldBeNull();
    }

    [Fact]
    public void Article_bodies_show_the_portals_own_pictures_only_and_comments_show_none()
    {
        var text = "![ours](/KnowledgeBase/Image/3/a.png) ![theirs](https://tracker.example/pixel.gif) ![sneaky](/KnowledgeBase/Image/3/../../x)";
        var article = Supportal.Platform.Markdown.ToArticleHtml(text).ToString()!;
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(article);
        html.QuerySelectorAll("img").Select(i => i.GetAttribute("src")).ShouldBe(["/KnowledgeBase/Image/3/a.png"]);
        html.QuerySelector("a[href='https://tracker.example/pixel.gif']").ShouldNotBeNull();
        var comment = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Supportal.Platform.Markdown.ToHtml(text).ToString()!);
        comment.QuerySelectorAll("img").ShouldBeEmpty();
    }
}
