using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Tickets;
using Supportal.Workspace;
using static Supportal.Tests.Admin.WorkspaceAdminData;

namespace Supportal.Tests.Admin;

/// <summary>Admins order routing rules; the screen's order is the order Routing tries them in.</summary>
public sealed class RoutingPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int PolishTeam = 1, EnglishTeam = 2, Standard = 1, Premium = 2;

    private static readonly string[] RuleCells = ["td:nth-child(1)", "td:nth-child(2) > span", "td:nth-child(3)", "td:nth-child(4) > span"];

    private static List<string> Rows(Page page) => page.FindAll("tr[data-rule]")
        .Select(r => string.Join(" | ", RuleCells.Select(cell => r.QuerySelector(cell)!.TextContent.Trim()))).ToList();

    private async Task<int?> RoutedAsync(string language, int level)
    {
        using var scope = portal.RequestScope();
        return await scope.ServiceProvider.GetRequiredService<Routing>().DefaultGroupAsync(language, level);
    }

    private Task<List<string>> RulesAsync() => portal.WithDbAsync(db => db.RoutingRules.OrderBy(r => r.Order).ThenBy(r => r.Id)
        .Select(r => $"{r.Order} {r.Language} {r.ServiceLevelId} {r.GroupId}").ToListAsync());

    [Fact]
    public async Task An_admin_adds_a_rule_moves_it_up_edits_it_and_routing_follows_the_screen()
    {
        using var client = await portal.AdminAsync();
        var admin = await client.GetAsync("/Admin");
        var page = await client.GetAsync(admin.Find("main a[href='/Admin/Routing']")!.GetAttribute("href")!);
        Rows(page).ShouldBe(["1 | Polski | Dowolny poziom usług | Polish team", "2 | English | Dowolny poziom usług | English team"]);

        var added = await client.SubmitAsync(page.Form("form[data-rule-form]"),
            Values(("Input.Language", "en"), ("Input.ServiceLevelId", $"{Premium}"), ("Input.GroupId", $"{PolishTeam}")));

        added.Find("[role=status]")!.TextContent.ShouldBe("Dodano regułę przydziału na końcu listy.");
        Rows(added)[2].ShouldStartWith("3 | English | Premium 24×7 | Polish team");
        var id = await portal.WithDbAsync(db => db.RoutingRules.Where(r => r.ServiceLevelId == Premium).Select(r => r.Id).SingleAsync());
        // Below "English, any level" it can never match, and the screen says so; routing agrees.
        added.Find($"tr[data-rule='{id}'] [data-shadowed]")!.TextContent.ShouldBe("Nigdy nieużywana: reguła wyżej obejmuje wszystkie te zgłoszenia.");
        (await RoutedAsync("en", Premium)).ShouldBe(EnglishTeam);

        var moved = await client.SubmitAsync(added.Form($"tr[data-rule='{id}'] form[action*='up=true']"));

        Rows(moved).ShouldBe(["1 | Polski | Dowolny poziom usług | Polish team", "2 | English | Premium 24×7 | Polish team", "3 | English | Dowolny poziom usług | English team"]);
        moved.Find("[data-shadowed]").ShouldBeNull();
        (await RulesAsync()).ShouldBe(["1 pl  1", $"2 en {Premium} 1", "3 en  2"]);
        (await RoutedAsync("en", Premium)).ShouldBe(PolishTeam);
        (await RoutedAsync("en", Standard)).ShouldBe(EnglishTeam);

        var edit = await client.GetAsync(moved.Find($"tr[data-rule='{id}'] a[href*='edit=']")!.GetAttribute("href")!);
        edit.Find("select[name='Input.GroupId'] option[selected]")!.TextContent.ShouldBe("Polish team");
        var saved = await client.SubmitAsync(edit.Form("form[data-rule-form]"), Values(("Input.GroupId", $"{EnglishTeam}"), ("Input.ServiceLevelId", $"{Standard}")));

        saved.Find("[role=status]")!.TextContent.ShouldBe("Zapisano regułę przydziału.");
        (await RulesAsync()).ShouldBe(["1 pl  1", $"2 en {Standard} 2", "3 en  2"]);
        (await portal.WorkspaceAuditsAsync()).ShouldContain($"routing rule {id} moved up");
    }

    [Fact]
    public async Task A_refused_rule_shows_its_error_by_the_field_keeps_the_input_and_changes_nothing()
    {
        using var client = await portal.AdminAsync();
        var page = await client.GetAsync("/Admin/Routing");
        var before = await RulesAsync();

        var noLanguage = await client.SubmitAsync(page.Form("form[data-rule-form]"), Values(("Input.Language", ""), ("Input.GroupId", $"{PolishTeam}")));
        noLanguage.FieldError("Input.Language").ShouldBe("Pole Język zgłoszenia jest wymagane.");
        noLanguage.Find("select[name='Input.GroupId'] option[selected]")!.TextContent.ShouldBe("Polish team");
        var german = await client.SubmitAsync(page.Form("form[data-rule-form]"), Values(("Input.Language", "de"), ("Input.GroupId", $"{PolishTeam}")));
        german.FieldError("Input.Language").ShouldBe("Wybierz jeden z podanych języków.");
        var noGroup = await client.SubmitAsync(page.Form("form[data-rule-form]"), Values(("Input.Language", "pl"), ("Input.ServiceLevelId", $"{Premium}"), ("Input.GroupId", "")));
        noGroup.FieldError("Input.GroupId").ShouldBe("Pole Grupa jest wymagane.");
        noGroup.Find("select[name='Input.ServiceLevelId'] option[selected]")!.TextContent.ShouldBe("Premium 24×7");
        var unknownGroup = await client.SubmitAsync(page.Form("form[data-rule-form]"), Values(("Input.Language", "pl"), ("Input.GroupId", "999")));
        unknownGroup.FieldError("Input.GroupId").ShouldBe("Pole Grupa jest wymagane.");
        var twice = await client.SubmitAsync(page.Form("form[data-rule-form]"), Values(("Input.Language", "pl"), ("Input.ServiceLevelId", ""), ("Input.GroupId", $"{EnglishTeam}")));
        twice.FieldError("Input.ServiceLevelId").ShouldBe("Reguła dla tego języka i poziomu usług już istnieje.");

        (await RulesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Deleting_a_rule_asks_first()
    {
        var id = await portal.WithDbAsync(async db =>
        {
            var rule = new RoutingRule { Order = 50, Language = "pl", ServiceLevelId = Premium, GroupId = EnglishTeam };
            db.RoutingRules.Add(rule);
            await db.SaveChangesAsync();
            return rule.Id;
        });
        using var client = await portal.AdminAsync();
        var page = await client.GetAsync("/Admin/Routing");

        var confirm = await client.GetAsync(page.Find($"tr[data-rule='{id}'] a[href*='delete=']")!.GetAttribute("href")!);

        confirm.Find("[data-delete-rule]")!.TextContent.ShouldContain("Usunąć regułę „Polski, Premium 24×7 → English team”?");
        (await portal.WithDbAsync(db => db.RoutingRules.AnyAsync(r => r.Id == id))).ShouldBeTrue();
        var deleted = await client.SubmitAsync(confirm.Form("[data-delete-rule] form"));
        deleted.Find("[role=status]")!.TextContent.ShouldBe("Usunięto regułę przydziału.");
        (await portal.WithDbAsync(db => db.RoutingRules.AnyAsync(r => r.Id == id))).ShouldBeFalse();
        (await portal.WorkspaceAuditsAsync()).ShouldContain($"routing rule {id} deleted: pl level {Premium} to group {EnglishTeam}");
    }

    [Theory]
    [InlineData("customer@example.com")]
    [InlineData("agent@example.com")]
    public async Task Only_admins_reach_the_routing_rules(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);

        (await client.GetAsync("/Admin/Routing")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
