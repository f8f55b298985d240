using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>Driving the article editor as an editor does: its form, filled in, sent with one of its buttons.</summary>
public static class EditorData
{
    public static async Task<PortalClient> EditorAsync(PortalFactory portal, string language = "en")
    {
        var email = $"editor-{Guid.NewGuid():N}@example.com";
        await portal.CreateUserAsync(email, "Edith", "Editor", language, Roles.KnowledgeEditor);
        var client = portal.CreatePortalClient();
        (await client.SignInAsync(email)).Path.ShouldNotStartWith("/Account/Login");
        return client;
    }

    /// <summary>Sends the editor's form with the button of that action (draft, publish, update, unpublish, preview).</summary>
    public static Task<Page> SendAsync(PortalClient client, Page editor, string action, Dictionary<string, string>? values = null) =>
        client.SubmitAsync(editor.Form("form[data-editor]"), values, (IHtmlElement)editor.Find($"[data-action='{action}']")!);

    /// <summary>A new article written in the editor and sent with the action; returns the page after it and the article's id.</summary>
    public static async Task<(Page Page, int Id)> WriteAsync(PortalClient client, int sectionId, string action, Dictionary<string, string> values)
    {
        var editor = await client.GetAsync($"/Knowledge/Article?section={sectionId}");
        var page = await SendAsync(client, editor, action, values);
        var id = int.Parse(page.Path.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        return (page, id);
    }

    public static Task<Article> ArticleAsync(PortalFactory portal, int id) =>
        portal.WithDbAsync(db => db.KbArticles.AsNoTracking().SingleAsync(a => a.Id == id));
}
