using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Accounts;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Admin;

/// <summary>The admin-managed platforms and services of service requests.</summary>
public sealed class ServicesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<PortalClient> AdminAsync()
    {
        var client = portal.CreatePortalClient();
        await client.SignInAsync("admin@example.com");
        return client;
    }

    private static List<string> Names(Page page) => page.FindAll("tr[data-service] td:first-child").Select(c => c.TextContent.Trim()).ToList();

    private async Task<List<string>> ChoicesForVisitorsAsync()
    {
        using var visitor = portal.CreatePortalClient();
        var form = await visitor.GetAsync("/Requests/Submit");
        return form.FindAll("select[name='Input.ServiceId'] option").Skip(1).Select(o => o.TextContent.Trim()).ToList();
    }

    private Task<List<string>> AuditsAsync() => portal.WithDbAsync(db =>
        db.AuditEvents.Where(a => a.Action == AuditActions.CatalogChanged).Select(a => a.Detail!).ToListAsync());

    [Fact]
    public async Task Admin_adds_renames_and_reorders_a_service_and_visitors_see_the_order()
    {
        using var client = await AdminAsync();
        var admin = await client.GetAsync("/Admin");
        var page = await client.GetAsync(admin.Find("main a[href='/Admin/Services']")!.GetAttribute("href")!);
        Names(page).Take(4).ShouldBe(["Customer portal", "E-invoicing", "Order management", "Integrations API"]);

        var added = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.NameEn"] = " Field service ", ["Input.NamePl"] = "Serwis w terenie" });

        added.Find("[role=status]")!.TextContent.ShouldBe("Dodano usługę Serwis w terenie.");
        Names(added).Last().ShouldBe("Field service");
        var id = await portal.WithDbAsync(db => db.Services.Where(s => s.NameEn == "Field service").Select(s => s.Id).SingleAsync());
        (await AuditsAsync()).ShouldContain("service added: Field service / Serwis w terenie");

        var edit = await client.GetAsync(added.Find($"tr[data-service='{id}'] a[href*='edit=']")!.GetAttribute("href")!);
        edit.Find("input[name='Input.NameEn']")!.GetAttribute("value").ShouldBe("Field service");
        var renamed = await client.SubmitAsync(edit.Form(), new Dictionary<string, string> { ["Input.NameEn"] = "On-site service", ["Input.NamePl"] = "Serwis na miejscu" });
        renamed.Find("[role=status]")!.TextContent.ShouldBe("Zmieniono nazwę usługi Serwis na miejscu.");
        Names(renamed).ShouldContain("On-site service");
        Names(renamed).ShouldNotContain("Field service");

        var moved = await client.SubmitAsync(renamed.Form($"tr[data-service='{id}'] form[action*='handler=Move']"));
        var names = Names(moved);
        names.IndexOf("On-site service").ShouldBe(names.Count - 2);
        moved.Find("tr[data-service] form[action*='handler=Move'] button")!.HasAttribute("disabled").ShouldBeTrue();

        var visitorChoices = await ChoicesForVisitorsAsync();
        visitorChoices.IndexOf("On-site service").ShouldBe(visitorChoices.Count - 2);
    }

    [Fact]
    public async Task A_retired_service_is_kept_but_no_longer_offered_and_can_be_restored()
    {
        using var client = await AdminAsync();
        var page = await client.GetAsync("/Admin/Services");
        var id = await portal.WithDbAsync(db => db.Services.Where(s => s.NameEn == "Order management").Select(s => s.Id).SingleAsync());

        var retired = await client.SubmitAsync(page.Form($"tr[data-service='{id}'] form[action*='handler=Active']"));

        retired.Find("[role=status]")!.TextContent.ShouldBe("Usługa Zarządzanie zamówieniami została wycofana; klienci już jej nie widzą.");
        retired.Find($"tr[data-service='{id}'] .badge")!.TextContent.ShouldBe("Wycofana");
        (await portal.WithDbAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.Active).SingleAsync())).ShouldBeFalse();
        (await ChoicesForVisitorsAsync()).ShouldNotContain("Order management");

        var restored = await client.SubmitAsync(retired.Form($"tr[data-service='{id}'] form[action*='handler=Active']"));

        restored.Find($"tr[data-service='{id}'] .badge")!.TextContent.ShouldBe("Aktywna");
        (await portal.WithDbAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.Active).SingleAsync())).ShouldBeTrue();
        (await ChoicesForVisitorsAsync()).ShouldContain("Order management");
        (await AuditsAsync()).ShouldContain($"service {id} retired: Order management");
    }

    [Fact]
    public async Task Names_in_both_languages_are_required_short_enough_and_unique()
    {
        using var client = await AdminAsync();
        var page = await client.GetAsync("/Admin/Services");
        var count = await portal.WithDbAsync(db => db.Services.CountAsync());

        var empty = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.NameEn"] = "Data warehouse", ["Input.NamePl"] = "" });
        empty.FieldError("Input.NamePl").ShouldBe("Pole Nazwa po polsku jest wymagane.");
        empty.Find("input[name='Input.NameEn']")!.GetAttribute("value").ShouldBe("Data warehouse");

        var tooLong = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.NameEn"] = new string('x', 201), ["Input.NamePl"] = "Hurtownia" });
        tooLong.FieldError("Input.NameEn").ShouldBe("Pole Nazwa po angielsku jest za długie.");

        var duplicate = await client.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.NameEn"] = "e-invoicing", ["Input.NamePl"] = "Coś" });
        duplicate.FieldError("Input.NameEn").ShouldBe("Usługa o nazwie e-invoicing już istnieje.");

        (await portal.WithDbAsync(db => db.Services.CountAsync())).ShouldBe(count);
    }

    [Theory]
    [InlineData("customer@example.com")]
    [InlineData("agent@example.com")]
    public async Task Only_admins_may_manage_services(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);

        (await client.GetAsync("/Admin/Services")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
