using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;
using static Supportal.Tests.KnowledgeBase.EditorData;

namespace Supportal.Tests.KnowledgeBase;

/// <summary>
/// Followers hear of a published article, or an update with "notify followers" ticked, only when they may read it, in
/// their own language; the editor is never mailed about their own save.
/// </summary>
public sealed class FollowerMailTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<int> FollowAsync(Guid userId, int? sectionId = null, int? articleId = null) => portal.WithDbAsync(db =>
    {
        db.KbFollows.Add(new KnowledgeFollow { UserId = userId, SectionId = sectionId, ArticleId = articleId, FollowedAt = portal.Clock.GetUtcNow().UtcDateTime });
        return db.SaveChangesAsync();
    });

    /// <summary>The manufacturer and contract of the demo firewall asset, which is under an active contract.</summary>
    private Task<(int Manufacturer, int Contract)> DemoContractAsync() => portal.WithDbAsync(db => db.Assets
        .Where(a => a.SerialNumber == "SNT200F-0001").Select(a => new ValueTuple<int, int>(a.Product.ManufacturerId, a.ContractId)).SingleAsync());

    [Fact]
    public async Task Only_followers_who_may_read_the_article_are_mailed_in_their_language_and_only_when_told()
    {
        var (manufacturer, contract) = await DemoContractAsync();
        var section = await KnowledgeData.CreateSectionAsync(portal, "Firmware notes", "Noty o oprogramowaniu");
        var holder = await portal.CreateUserAsync($"holder-{Guid.NewGuid():N}@example.com", "Hanna", language: "pl");
        var stranger = await portal.CreateUserAsync($"stranger-{Guid.NewGuid():N}@example.com", "Sam");
        await portal.WithDbAsync(db =>
        {
            db.ContractRegistrations.Add(new ContractRegistration { UserId = holder.Id, ContractId = contract, RegisteredAt = portal.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        (await portal.WithDbAsync(db => new KnowledgeAccess(db, portal.Clock).ReaderAsync(holder.Id))).Manufacturers.ShouldContain(manufacturer);
        await FollowAsync(holder.Id, sectionId: section.Id);
        await FollowAsync(stranger.Id, sectionId: section.Id);
        var editorEmail = $"editor-{Guid.NewGuid():N}@example.com";
        var editorUser = await portal.CreateUserAsync(editorEmail, "Edith", role: Roles.KnowledgeEditor);
        await FollowAsync(editorUser.Id, sectionId: section.Id);
        using var editor = portal.CreatePortalClient();
        await editor.SignInAsync(editorEmail);
        var mailsBefore = (await portal.MailsToAsync(editorEmail)).Count;

        var (draft, id) = await WriteAsync(editor, section.Id, "draft", new()
        {
            ["Input.TitleEn"] = "Firmware 7.6", ["Input.BodyEn"] = "What changed.", ["Input.TitlePl"] = "Oprogramowanie 7.6", ["Input.BodyPl"] = "Co się zmieniło.",
            ["Input.Readers"] = "ContractHolders", ["Input.ManufacturerId"] = manufacturer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        (await portal.MailsToAsync(holder.Email!)).ShouldBeEmpty();

        var published = await SendAsync(editor, draft, "publish");

        var mail = (await portal.MailsToAsync(holder.Email!)).ShouldHaveSingleItem();
        mail.Subject.ShouldContain("Oprogramowanie 7.6");
        mail.TextBody.ShouldContain($"/KnowledgeBase/Article/{id}");
        mail.TextBody.ShouldContain("Noty o oprogramowaniu");
        (await portal.MailsToAsync(stranger.Email!)).ShouldBeEmpty();
        (await portal.MailsToAsync(editorEmail)).Count.ShouldBe(mailsBefore);

        var quiet = await SendAsync(editor, published, "update", new() { ["Input.BodyEn"] = "A typo fixed." });
        (await portal.MailsToAsync(holder.Email!)).Count.ShouldBe(1);

        await SendAsync(editor, quiet, "update", new() { ["Input.BodyEn"] = "A real change.", ["Input.Notify"] = "true" });
        var mails = await portal.MailsToAsync(holder.Email!);
        mails.Count.ShouldBe(2);
        mails[1].Subject.ShouldStartWith("Zaktualizowano artykuł");
        (await portal.MailsToAsync(stranger.Email!)).ShouldBeEmpty();
        (await portal.MailsToAsync(editorEmail)).Count.ShouldBe(mailsBefore);
    }

    [Fact]
    public async Task Article_followers_are_mailed_while_they_may_read_it_and_not_once_they_lost_access()
    {
        var section = await KnowledgeData.CreateSectionAsync(portal, "Accounts");
        var article = await KnowledgeData.CreateArticleAsync(portal, section.Id, "Changing your e-mail", "Open your profile.");
        var reader = await portal.CreateUserAsync($"reader-{Guid.NewGuid():N}@example.com", "Rita");
        var former = await portal.CreateUserAsync($"former-{Guid.NewGuid():N}@example.com", "Fred", language: "pl");
        await FollowAsync(reader.Id, articleId: article.Id);
        await FollowAsync(former.Id, articleId: article.Id);
        using var editor = await EditorAsync(portal);
        var page = await editor.GetAsync($"/Knowledge/Article/{article.Id}");

        // For signed-in customers both may read it; for contract holders of a manufacturer neither may, and neither hears of it.
        await SendAsync(editor, page, "update", new() { ["Input.Readers"] = "SignedIn", ["Input.Notify"] = "true" });
        (await portal.MailsToAsync(reader.Email!)).ShouldHaveSingleItem().Subject.ShouldContain("Changing your e-mail");
        (await portal.MailsToAsync(former.Email!)).ShouldHaveSingleItem();

        var maker = await portal.WithDbAsync(db => db.Manufacturers.Select(m => m.Id).FirstAsync());
        page = await editor.GetAsync($"/Knowledge/Article/{article.Id}");
        await SendAsync(editor, page, "update", new()
        {
            ["Input.Readers"] = "ContractHolders", ["Input.ManufacturerId"] = maker.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Notify"] = "true",
        });
        (await portal.MailsToAsync(reader.Email!)).Count.ShouldBe(1);
        (await portal.MailsToAsync(former.Email!)).Count.ShouldBe(1);
    }
}
