using System.Net;
using Microsoft.EntityFrameworkCore;
using Supportal.Contracts;
using Supportal.Sla;
using Supportal.Tests.Infrastructure;
using Supportal.Tests.Sla;
using static Supportal.Tests.Admin.WorkspaceAdminData;

namespace Supportal.Tests.Admin;

/// <summary>Admins set first-reply and resolution targets per service level and priority, in hours and minutes.</summary>
public sealed class SlaPoliciesPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int Standard = 1, Premium = 2;

    private Task<List<string>> PoliciesAsync(int level) => portal.WithDbAsync(db => db.SlaPolicies.Where(p => p.ServiceLevelId == level)
        .OrderBy(p => p.Id).Select(p => $"{p.Priority} {p.FirstReplyMinutes}/{p.ResolutionMinutes} {p.BusinessHoursOnly}").ToListAsync());

    [Fact]
    public async Task An_admin_changes_the_targets_of_a_level_and_new_requests_get_them()
    {
        using var client = await portal.AdminAsync();
        var admin = await client.GetAsync("/Admin");
        var page = await client.GetAsync(admin.Find("main a[href='/Admin/SlaPolicies']")!.GetAttribute("href")!);
        page.Find("[data-applies-note]")!.TextContent.ShouldContain("Nowe wartości obowiązują w nowych zgłoszeniach.");
        var urgent = page.Find($"[data-level='{Standard}'] tr[data-policy='Urgent']")!;
        urgent.QuerySelector("[data-first-reply]")!.TextContent.ShouldBe("1 godz.");
        urgent.QuerySelector("[data-resolution]")!.TextContent.ShouldBe("8 godz.");
        page.Find($"[data-level='{Premium}'] tr[data-policy='Urgent'] [data-first-reply]")!.TextContent.ShouldBe("30 min.");
        page.Find("form[data-policy-form]").ShouldBeNull();

        var edit = await client.GetAsync(page.Find($"[data-level='{Standard}'] a[href*='edit=']")!.GetAttribute("href")!);
        edit.FindAll("form[data-policy-form] fieldset legend").Select(l => l.TextContent).ShouldBe(["Pilny", "Wysoki", "Normalny", "Niski"]);
        edit.Find("input[name='Input.Rows[2].FirstReplyHours']")!.GetAttribute("value").ShouldBe("8");
        edit.Find("input[name='Input.Rows[2].FirstReplyMinutes']")!.GetAttribute("value").ShouldBe("0");

        var saved = await client.SubmitAsync(edit.Form("form[data-policy-form]"), Values(
            ("Input.Rows[2].FirstReplyHours", "6"), ("Input.Rows[2].FirstReplyMinutes", "30"),
            ("Input.Rows[2].ResolutionHours", "30"), ("Input.Rows[2].ResolutionMinutes", ""), ("Input.Rows[2].BusinessHoursOnly", "false")));

        saved.Find("[role=status]")!.TextContent.ShouldBe("Zapisano terminy poziomu Standard 8×5.");
        saved.Find($"[data-level='{Standard}'] tr[data-policy='Normal'] [data-first-reply]")!.TextContent.ShouldBe("6 godz. 30 min.");
        (await PoliciesAsync(Standard)).ShouldBe(["Urgent 60/480 True", "High 240/960 True", "Normal 390/1800 False", "Low 960/4800 True"]);
        (await portal.WorkspaceAuditsAsync()).ShouldContain(a => a.Contains("Normal 390/1800 min calendar"));

        var ticket = await portal.RequestAsync("new.targets@policies.test", "pl");
        var targets = await portal.TargetsAsync(ticket.Id);
        targets[SlaMetric.FirstReply].TargetSeconds.ShouldBe(390 * 60);
        targets[SlaMetric.Resolution].TargetSeconds.ShouldBe(1800 * 60);
    }

    [Fact]
    public async Task Each_refused_target_shows_by_its_box_keeps_the_input_and_changes_nothing()
    {
        using var client = await portal.AdminAsync();
        var edit = await client.GetAsync($"/Admin/SlaPolicies?edit={Premium}");
        var before = await PoliciesAsync(Premium);

        var refused = await client.SubmitAsync(edit.Form("form[data-policy-form]"), Values(
            ("Input.Rows[0].FirstReplyHours", "abc"),
            ("Input.Rows[0].ResolutionMinutes", "60"),
            ("Input.Rows[1].FirstReplyHours", "0"), ("Input.Rows[1].FirstReplyMinutes", ""),
            ("Input.Rows[2].ResolutionHours", "2160"), ("Input.Rows[2].ResolutionMinutes", "30"),
            ("Input.Rows[3].FirstReplyHours", "10"), ("Input.Rows[3].ResolutionHours", "9"), ("Input.Rows[3].ResolutionMinutes", "59")));

        refused.FieldError("Input.Rows[0].FirstReplyHours").ShouldBe("Podaj pełne godziny od 0 do 2160.");
        refused.FieldError("Input.Rows[0].ResolutionMinutes").ShouldBe("Podaj minuty od 0 do 59.");
        refused.FieldError("Input.Rows[1].FirstReplyHours").ShouldBe("Podaj czas dłuższy niż zero.");
        refused.FieldError("Input.Rows[2].ResolutionHours").ShouldBe("Najwyżej 2160 godzin.");
        refused.FieldError("Input.Rows[3].ResolutionHours").ShouldBe("Czas rozwiązania nie może być krótszy niż czas pierwszej odpowiedzi.");
        refused.FieldError("Input.Rows[2].FirstReplyHours").ShouldBe("");
        refused.Find("input[name='Input.Rows[0].FirstReplyHours']")!.GetAttribute("value").ShouldBe("abc");
        refused.Find("input[name='Input.Rows[0].FirstReplyHours']")!.ClassList.ShouldContain("is-invalid");
        refused.Find("input[name='Input.Rows[3].ResolutionMinutes']")!.GetAttribute("value").ShouldBe("59");
        (await PoliciesAsync(Premium)).ShouldBe(before);
    }

    [Fact]
    public async Task A_level_without_targets_of_its_own_says_so_and_gets_them_when_saved()
    {
        var level = await portal.WithDbAsync(async db =>
        {
            var added = new ServiceLevel { Code = "gold", Name = "Gold 12×6" };
            db.ServiceLevels.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        using var client = await portal.AdminAsync();
        var page = await client.GetAsync("/Admin/SlaPolicies");
        page.Find($"[data-level='{level}'] [data-empty]")!.TextContent.ShouldBe("Brak własnych terminów: zgłoszenia na tym poziomie podlegają terminom poziomu Standard 8×5.");

        var edit = await client.GetAsync($"/Admin/SlaPolicies?edit={level}");
        edit.Find("input[name='Input.Rows[0].FirstReplyHours']")!.GetAttribute("value").ShouldBeNullOrEmpty();
        var values = new Dictionary<string, string>();
        for (var i = 0; i < 4; i++)
        {
            values[$"Input.Rows[{i}].FirstReplyHours"] = $"{i + 1}";
            values[$"Input.Rows[{i}].ResolutionHours"] = $"{(i + 1) * 10}";
        }
        await client.SubmitAsync(edit.Form("form[data-policy-form]"), values);

        (await PoliciesAsync(level)).ShouldBe(["Urgent 60/600 True", "High 120/1200 True", "Normal 180/1800 True", "Low 240/2400 True"]);
    }

    [Theory]
    [InlineData("customer@example.com")]
    [InlineData("agent@example.com")]
    public async Task Only_admins_reach_the_targets(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.SignInAsync(email);

        (await client.GetAsync("/Admin/SlaPolicies")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
