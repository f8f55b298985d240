using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Accounts;
using Supportal.Data;
using Supportal.KnowledgeBase;
using Supportal.Tests.Infrastructure;
using Supportal.Tickets;

namespace Supportal.Tests.Data;

public sealed partial class DemoDataTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Demo_people_exist_once_with_their_roles_and_a_confirmed_address()
    {
        _ = portal.Server;
        await portal.Services.SeedDemoDataAsync(); // a second start adds nothing

        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.Users.CountAsync()).ShouldBe(4);
        foreach (var (email, _, _, role, _) in DemoData.Users)
        {
            var user = (await users.FindByEmailAsync(email)).ShouldNotBeNull();
            user.EmailConfirmed.ShouldBeTrue();
            (await users.GetRolesAsync(user)).ShouldBe(role is null ? [] : [role]);
        }
    }

    [Fact]
    public async Task Services_are_seeded_once_in_both_languages_and_in_order()
    {
        _ = portal.Server;
        await portal.Services.SeedDemoDataAsync();

        var services = await portal.WithDbAsync(db => db.Services.OrderBy(s => s.Order).Select(s => new { s.NameEn, s.NamePl, s.Active }).ToListAsync());
        services.Select(s => (s.NameEn, s.NamePl)).ShouldBe([
            ("Customer portal", "Portal klienta"), ("E-invoicing", "E-fakturowanie"),
            ("Order management", "Zarządzanie zamówieniami"), ("Integrations API", "API integracyjne"),
        ]);
        services.ShouldAllBe(s => s.Active);
    }

    [Fact]
    public async Task The_status_page_is_seeded_once_with_five_operational_services_and_a_history_of_closed_intervals()
    {
        _ = portal.Server;
        await portal.Services.SeedDemoDataAsync();

        var groups = await portal.WithDbAsync(db => db.StatusGroups.OrderBy(g => g.Order)
            .Select(g => new { g.NameEn, Services = g.Services.OrderBy(s => s.Order).Select(s => s.NameEn).ToList() }).ToListAsync());
        groups.Select(g => g.NameEn).ShouldBe(["Portal", "Integrations"]);
        groups.SelectMany(g => g.Services).Count().ShouldBe(5);
        (await portal.WithDbAsync(db => db.StatusServices.AllAsync(s => s.State == Supportal.Status.ServiceState.Operational))).ShouldBeTrue();
        var intervals = await portal.WithDbAsync(db => db.StatusIntervals.OrderBy(i => i.From).ToListAsync());
        intervals.GroupBy(i => i.ServiceId).ShouldAllBe(history => history.Count(i => i.To == null) == 1
            && history.Where(i => i.To != null).All(i => history.Any(next => next.From == i.To)));
        var invoicing = await portal.WithDbAsync(db => db.StatusServices.Where(s => s.NameEn == "E-invoicing").Select(s => s.Id).SingleAsync());
        intervals.Where(i => i.ServiceId == invoicing).Select(i => i.State).ShouldContain(Supportal.Status.ServiceState.MajorOutage);
    }

    [Fact]
    public async Task The_demo_customer_has_one_request_of_each_kind_once_one_answered_and_nobody_was_mailed()
    {
        _ = portal.Server;
        await portal.Services.SeedDemoDataAsync();

        var tickets = await portal.WithDbAsync(db => db.Tickets.AsNoTracking()
            .Where(t => t.Requester.Email == "customer@example.com").OrderBy(t => t.Id)
            .Select(t => new
            {
                t.Id, t.Kind, t.Status, t.Subject, Asset = t.Asset!.SerialNumber, Service = t.Service!.NameEn, t.OrganizationId,
                Fields = t.Fields.OrderBy(f => f.Order).Select(f => f.LabelEn + "=" + f.ValueEn).ToList(),
                Comments = t.Comments.OrderBy(c => c.Id).Select(c => new { c.Author.Email, c.IsPublic }).ToList(),
            }).ToListAsync());

        tickets.Select(t => t.Kind).ShouldBe([TicketKind.Administrative, TicketKind.Support, TicketKind.Service]);
        tickets[0].Id.ShouldBeGreaterThanOrEqualTo(Ticket.FirstNumber);
        var support = tickets[1];
        support.Subject.ShouldBe(DemoData.DemoSupportSubject);
        support.Asset.ShouldBe("SNT200F-0001");
        support.Fields.ShouldBe(["Serial number=SNT200F-0001", "Firmware version=7.4.2"]);
        support.Status.ShouldBe(TicketStatus.Pending);
        support.Comments.Select(c => (c.Email, c.IsPublic)).ShouldBe([("customer@example.com", true), ("agent@example.com", true)]);
        support.OrganizationId.ShouldNotBeNull();
        tickets[2].Service.ShouldBe("E-invoicing");
        tickets.Where(t => t.Kind != TicketKind.Support).ShouldAllBe(t => t.Status == TicketStatus.New && t.Comments.Count == 1);
        (await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Subject.StartsWith("[#")))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_help_center_is_seeded_once_published_in_both_languages_with_a_first_version_and_working_links()
    {
        _ = portal.Server;
        await portal.Services.SeedDemoDataAsync(); // a second start adds nothing

        var categories = await portal.WithDbAsync(db => db.KbCategories.OrderBy(c => c.Order).Select(c => c.NameEn + " / " + c.NamePl).ToListAsync());
        categories.ShouldBe(["Getting started / Pierwsze kroki", "Your products / Twoje produkty", "Account and portal / Konto i portal"]);
        var articles = await portal.WithDbAsync(db => db.KbArticles.AsNoTracking().Select(a => new
        {
            a.Id, a.TitleEn, a.TitlePl, a.BodyEn, a.BodyPl, a.LabelsEn, a.LabelsPl, a.PublishedAt, a.Promoted,
            Versions = db.KbArticleVersions.Where(v => v.ArticleId == a.Id).Select(v => v.Number).ToList(),
        }).ToListAsync());
        articles.Count.ShouldBeInRange(12, 16);
        articles.Count(a => a.Promoted).ShouldBeGreaterThanOrEqualTo(4);
        foreach (var article in articles)
        {
            article.PublishedAt.ShouldNotBeNull();
            new[] { article.TitleEn, article.TitlePl, article.LabelsEn, article.LabelsPl }.ShouldAllBe(text => text.Length > 0);
            article.BodyEn.ShouldContain("## ");
            article.BodyPl.ShouldContain("## ");
            article.Versions.ShouldBe([1]);
        }
        var ids = articles.Select(a => a.Id).ToHashSet();
        var links = articles.SelectMany(a => ArticleLinks().Matches(a.BodyEn + a.BodyPl)).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        links.Count.ShouldBeGreaterThan(20);
        links.ShouldAllBe(id => ids.Contains(id));
        articles.ShouldAllBe(a => !a.BodyEn.Contains("](article:") && !a.BodyPl.Contains("](article:"));
        articles.ShouldContain(a => a.BodyEn.Contains("```") && a.BodyEn.Contains("|---|"));
    }

    [Fact]
    public async Task A_polish_word_typed_without_marks_finds_the_password_article_for_anyone()
    {
        _ = portal.Server;
        var hits = await FindAsync(KnowledgeReader.Anonymous, "haslo");

        hits.ShouldContain(("Jak zresetować zapomniane hasło", "pl"));
        (await FindAsync(KnowledgeReader.Anonymous, "password reset")).ShouldContain(("Reset a forgotten password", "en"));
    }

    [Fact]
    public async Task The_firmware_guide_is_found_by_holders_of_a_firewall_contract_only()
    {
        _ = portal.Server;
        var maker = await portal.WithDbAsync(db => db.Manufacturers.Where(m => m.Name == DemoData.FirewallMaker).Select(m => m.Id).SingleAsync());
        var holder = await portal.WithDbAsync(async db =>
        {
            var customer = await db.Users.SingleAsync(u => u.Email == "customer@example.com");
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, customer.Id.ToString())], "test"));
            return await new KnowledgeAccess(db, portal.Clock).ReaderAsync(principal);
        });
        holder.Manufacturers.ShouldContain(maker);

        (await FindAsync(holder, "aktualizacja firmware")).ShouldContain(("Aktualizacja firmware zapory Sentinel", "pl"));
        (await FindAsync(holder, "firmware upgrade")).ShouldContain(("Upgrade the firmware of a Sentinel firewall", "en"));
        (await FindAsync(KnowledgeReader.Anonymous, "firmware upgrade")).ShouldNotContain(h => h.Title.Contains("Sentinel"));
        (await FindAsync(new KnowledgeReader(true, false, []), "sentinel")).ShouldNotContain(h => h.Title.Contains("Sentinel"));
    }

    /// <summary>The titles of the hits the reader may read, as the help center's search joins the index with the reading rules.</summary>
    private Task<List<(string Title, string Language)>> FindAsync(KnowledgeReader reader, string query) => portal.WithDbAsync(async db =>
    {
        var readable = new KnowledgeAccess(db, portal.Clock).Articles(reader);
        var hits = await new ArticleIndex(db).Find(query).Join(readable, h => h.ArticleId, a => a.Id,
            (h, a) => new { h.Language, a.TitleEn, a.TitlePl }).ToListAsync();
        return hits.Select(h => (h.Language == "pl" ? h.TitlePl : h.TitleEn, h.Language)).ToList();
    });

    [GeneratedRegex(@"\]\(/KnowledgeBase/Article/(\d+)\)")]
    private static partial Regex ArticleLinks();
}
