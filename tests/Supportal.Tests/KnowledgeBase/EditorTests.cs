using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using static Supportal.Tests.KnowledgeBase.EditorData;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>Writing the help center: who may, drafts and publishing, validation, conflicts and the version history.</summary>
public sealed class EditorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<List<int>> FoundAsync(string query) => portal.WithDbAsync(async db =>
    {
        var access = new KnowledgeAccess(db, portal.Clock);
        var hits = new ArticleIndex(db).Find(query).Select(h => h.ArticleId);
        return await access.Articles(KnowledgeReader.Anonymous).Where(a => hits.Contains(a.Id)).Select(a => a.Id).ToListAsync();
    });

    [Fact]
    public async Task Only_knowledge_editors_and_admins_reach_the_editing_pages()
    {
        using var agent = await portal.SignedInAsync("agent@example.com");
        (await agent.GetAsync("/Knowledge")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/Knowledge/Article")).Status.ShouldBe(HttpStatusCode.Forbidden);
        using var customer = await portal.SignedInAsync("customer@example.com");
        (await customer.GetAsync("/Knowledge")).Status.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = portal.CreatePortalClient();
        (await anonymous.GetAsync("/Knowledge/Article")).Path.ShouldBe("/Account/Login");

        using var admin = await portal.SignedInAsync("admin@example.com");
        (await admin.GetAsync("/Knowledge")).Status.ShouldBe(HttpStatusCode.OK);
        using var editor = await EditorAsync(portal);
        var index = await editor.GetAsync("/Knowledge");
        index.Status.ShouldBe(HttpStatusCode.OK);
        index.Find("nav a[href='/Knowledge/Index'], nav a[href='/Knowledge']").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_editor_adds_a_category_and_a_section_orders_them_and_deletes_an_empty_one_only_when_confirmed()
    {
        using var editor = await EditorAsync(portal);
        var form = await editor.GetAsync("/Knowledge/Category");
        var saved = await editor.SubmitAsync(form.Form("form[data-names]"), new Dictionary<string, string> { ["Input.NameEn"] = "Getting around", ["Input.NamePl"] = "Pierwsze kroki" });
        saved.Path.ShouldBe("/Knowledge");
        var categoryId = await portal.WithDbAsync(db => db.KbCategories.Where(c => c.NameEn == "Getting around").Select(c => c.Id).SingleAsync());

        foreach (var name in new[] { "First steps", "Second steps" })
        {
            var sectionForm = await editor.GetAsync($"/Knowledge/Section?category={categoryId}");
            await editor.SubmitAsync(sectionForm.Form("form[data-names]"), new Dictionary<string, string> { ["Input.NameEn"] = name, ["Place.Readers"] = "Public" });
        }
        var index = await editor.GetAsync("/Knowledge");
        var sections = index.FindAll($"[data-category='{categoryId}'] [data-section] a.fw-semibold").Select(a => a.TextContent).ToList();
        sections.ShouldBe(["First steps", "Second steps"]);
        var second = await portal.WithDbAsync(db => db.KbSections.Where(s => s.NameEn == "Second steps").Select(s => s.Id).SingleAsync());
        var moved = await editor.SubmitAsync(index.Form($"[data-section='{second}'] form[action*='MoveSection'][action*='up=true']"));
        moved.FindAll($"[data-category='{categoryId}'] [data-section] a.fw-semibold").Select(a => a.TextContent).ShouldBe(["Second steps", "First steps"]);

        var category = await editor.GetAsync($"/Knowledge/Category/{categoryId}");
        category.Find("form[data-delete]").ShouldBeNull();
        var section = await editor.GetAsync($"/Knowledge/Section/{second}");
        var unconfirmed = await editor.SubmitAsync(section.Form("form[data-delete]"));
        unconfirmed.Find("[data-errors]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        (await portal.WithDbAsync(db => db.KbSections.AnyAsync(s => s.Id == second))).ShouldBeTrue();
        await editor.SubmitAsync(section.Form("form[data-delete]"), new Dictionary<string, string> { ["confirm"] = "true" });
        (await portal.WithDbAsync(db => db.KbSections.AnyAsync(s => s.Id == second))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_draft_is_found_by_no_reader_until_published_and_unpublishing_hides_it_again()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Publishing");
        using var editor = await EditorAsync(portal);
        var (draft, id) = await WriteAsync(editor, section.Id, "draft", new()
        {
            ["Input.TitleEn"] = "Quokka setup", ["Input.BodyEn"] = "Install the quokka agent.",
            ["Input.TitlePl"] = "Konfiguracja quokki", ["Input.BodyPl"] = "Zainstaluj agenta.", ["Input.LabelsEn"] = "setup, agent, setup",
        });
        draft.Find("[data-state]")!.TextContent.ShouldBe("Draft");
        (await ArticleAsync(portal, id)).IsPublished.ShouldBeFalse();
        (await ArticleAsync(portal, id)).LabelsEn.ShouldBe("setup,agent");
        (await FoundAsync("quokka")).ShouldNotContain(id);

        var published = await SendAsync(editor, draft, "publish");
        published.Find("[data-state]")!.TextContent.ShouldBe("Published");
        (await FoundAsync("quokka")).ShouldContain(id);
        (await FoundAsync("konfiguracja")).ShouldContain(id);

        await SendAsync(editor, published, "unpublish");
        (await ArticleAsync(portal, id)).IsPublished.ShouldBeFalse();
        (await FoundAsync("quokka")).ShouldNotContain(id);
        var notes = await portal.WithDbAsync(db => db.KbArticleVersions.Where(v => v.ArticleId == id).OrderBy(v => v.Number).Select(v => v.Note).ToListAsync());
        notes.ShouldBe(["draft saved", "published", "unpublished"]);
        (await portal.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.KnowledgeChanged && e.Detail!.StartsWith($"article {id} ")))).ShouldBe(3);
    }

    [Fact]
    public async Task The_preview_renders_the_body_without_saving_and_invalid_input_is_kept_with_errors_by_the_fields()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Validation");
        using var editor = await EditorAsync(portal);
        var form = await editor.GetAsync($"/Knowledge/Article?section={section.Id}");

        var preview = await SendAsync(editor, form, "preview", new() { ["Input.TitleEn"] = "Shown", ["Input.BodyEn"] = "# Heading\n\nSee [the other](/KnowledgeBase/Article/12)." });
        preview.Find("[data-preview] h1")!.TextContent.ShouldBe("Heading");
        preview.Find("[data-preview] a[href='/KnowledgeBase/Article/12']").ShouldNotBeNull();

        var refused = await SendAsync(editor, form, "publish", new()
        {
            ["Input.TitleEn"] = "Only a title", ["Input.BodyEn"] = "", ["Input.Readers"] = "ContractHolders", ["Input.ManufacturerId"] = "",
        });
        refused.FieldError("Input.BodyEn").ShouldNotBeEmpty();
        refused.FieldError("Input.ManufacturerId").ShouldNotBeEmpty();
        refused.Find("input[name='Input.TitleEn']")!.GetAttribute("value").ShouldBe("Only a title");
        var empty = await SendAsync(editor, form, "draft", new() { ["Input.TitleEn"] = "", ["Input.BodyEn"] = "" });
        empty.FieldError("Input.TitleEn").ShouldNotBeEmpty();
        var tooLong = await SendAsync(editor, form, "draft", new() { ["Input.TitleEn"] = "Long", ["Input.BodyEn"] = new string('x', Article.BodyLength + 1) });
        tooLong.FieldError("Input.BodyEn").ShouldNotBeEmpty();
        (await portal.WithDbAsync(db => db.KbArticles.AnyAsync(a => a.SectionId == section.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task Saving_over_someone_elses_newer_edit_is_refused_and_keeps_the_editors_text()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Conflicts");
        using var editor = await EditorAsync(portal);
        var (_, id) = await WriteAsync(editor, section.Id, "draft", new() { ["Input.TitleEn"] = "Shared", ["Input.BodyEn"] = "First text." });
        var mine = await editor.GetAsync($"/Knowledge/Article/{id}");
        using var admin = await portal.SignedInAsync("admin@example.com");
        var theirs = await admin.GetAsync($"/Knowledge/Article/{id}");
        await SendAsync(admin, theirs, "draft", new() { ["Input.BodyEn"] = "Their text." });

        var conflict = await SendAsync(editor, mine, "draft", new() { ["Input.BodyEn"] = "My text." });

        conflict.Find("[data-errors]")!.TextContent.ShouldContain("Anna Nowak");
        conflict.Find("textarea[name='Input.BodyEn']")!.TextContent.ShouldBe("My text.");
        (await ArticleAsync(portal, id)).BodyEn.ShouldBe("Their text.");
        await SendAsync(editor, conflict, "draft");
        (await ArticleAsync(portal, id)).BodyEn.ShouldBe("My text.");
    }

    [Fact]
    public async Task Restoring_an_old_version_saves_it_as_a_new_one_keeps_the_published_state_and_reindexes()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Restoring");
        using var editor = await EditorAsync(portal);
        var (published, id) = await WriteAsync(editor, section.Id, "publish", new() { ["Input.TitleEn"] = "Wombat guide", ["Input.BodyEn"] = "Burrow one." });
        await SendAsync(editor, published, "update", new() { ["Input.TitleEn"] = "Numbat guide", ["Input.BodyEn"] = "Burrow two." });
        (await FoundAsync("wombat")).ShouldNotContain(id);

        var history = await editor.GetAsync($"/Knowledge/History/{id}");
        history.FindAll("[data-version-row]").Count().ShouldBe(2);
        var old = await editor.GetAsync(history.Find("[data-version-row='1'] a")!.GetAttribute("href")!);
        old.Find("[data-version-language='en'] h2")!.TextContent.ShouldBe("Wombat guide");
        await editor.SubmitAsync(old.Form("[data-version] form"));

        var article = await ArticleAsync(portal, id);
        (article.TitleEn, article.BodyEn, article.IsPublished).ShouldBe(("Wombat guide", "Burrow one.", true));
        (await FoundAsync("wombat")).ShouldContain(id);
        var last = await portal.WithDbAsync(db => db.KbArticleVersions.Where(v => v.ArticleId == id).OrderByDescending(v => v.Number).FirstAsync());
        (last.Number, last.Note).ShouldBe((3, "restored 1"));
        (await editor.GetAsync($"/Knowledge/History/{id}?version=99")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Renaming_a_section_reindexes_its_articles_under_the_new_name()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Old shelf");
        var article = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Shelved", "Nothing special.");
        using var editor = await EditorAsync(portal);
        var form = await editor.GetAsync($"/Knowledge/Section/{section.Id}");
        form.Find($"[data-article='{article.Id}']").ShouldNotBeNull();

        await editor.SubmitAsync(form.Form("form[data-names]"), new Dictionary<string, string> { ["Input.NameEn"] = "Platypus shelf" });

        (await FoundAsync("platypus")).ShouldContain(article.Id);
    }
}
