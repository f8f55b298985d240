using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Supportal.Data;
using Supportal.Platform;
using Supportal.Status;
using Supportal.Tests.Infrastructure;

namespace Supportal.Tests.Status;

/// <summary>The public status page (STS-1): banner, services in order, the 90-day bar and both languages.</summary>
public sealed class StatusPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private DateTime Now => portal.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The first instant of the local day <paramref name="daysAgo"/> before today where the portal works.</summary>
    private DateTime StartOfDay(int daysAgo) => Uptime.WindowStart(Now, daysAgo + 1, LocalTime.PortalZone);

    private sealed record Made(int GroupId, int[] ServiceIds);

    /// <summary>A group with services in the given order, added through <see cref="ServiceStates"/> as the editor does.</summary>
    private async Task<Made> CreateAsync(string group, int groupOrder, DateTime at, params string[] services)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var states = scope.ServiceProvider.GetRequiredService<ServiceStates>();
        var made = new ServiceGroup { NameEn = group, NamePl = group + " PL", Order = groupOrder };
        db.StatusGroups.Add(made);
        var added = services.Select((name, i) => new StatusService { Group = made, NameEn = name, NamePl = name + " PL", Order = i }).ToList();
        foreach (var service in added)
            states.Add(service, at);
        await db.SaveChangesAsync();
        return new(made.Id, [.. added.Select(s => s.Id)]);
    }

    private async Task SetAsync(int serviceId, ServiceState state, DateTime at)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = await db.StatusServices.SingleAsync(s => s.Id == serviceId);
        await scope.ServiceProvider.GetRequiredService<ServiceStates>().SetAsync(service, state, at);
        await db.SaveChangesAsync();
    }

    /// <summary>The banner and the empty state read every service, whatever else the database holds (demo data too).</summary>
    private async Task ClearAsync()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.StatusIntervals.ExecuteDeleteAsync();
        await db.StatusServices.ExecuteDeleteAsync();
        await db.StatusGroups.ExecuteDeleteAsync();
    }

    [Fact]
    public async Task With_no_services_the_page_says_so_and_shows_no_banner()
    {
        await ClearAsync();
        using var visitor = portal.CreatePortalClient();

        var page = await visitor.GetAsync("/Status");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Find("[data-empty]")!.TextContent.ShouldBe("No services are listed yet.");
        page.Find("[data-banner]").ShouldBeNull();
    }

    [Fact]
    public async Task The_banner_says_all_systems_operational_until_a_service_is_down_and_then_names_the_worst_state()
    {
        await ClearAsync();
        var made = await CreateAsync("Banner group", 1, Now.AddDays(-1), "Banner portal", "Banner chat", "Banner mail");
        using var visitor = portal.CreatePortalClient();

        (await visitor.GetAsync("/Status")).Find("[data-banner]")!.TextContent.Trim().ShouldBe("All systems operational");

        await SetAsync(made.ServiceIds[0], ServiceState.DegradedPerformance, Now.AddMinutes(-10));
        await SetAsync(made.ServiceIds[1], ServiceState.MajorOutage, Now.AddMinutes(-5));
        await SetAsync(made.ServiceIds[2], ServiceState.UnderMaintenance, Now.AddMinutes(-1));
        var page = await visitor.GetAsync("/Status");

        page.Find("[data-banner]")!.TextContent.Trim().ShouldBe("Major outage");
        page.Find($"[data-service='{made.ServiceIds[0]}'] [data-current]")!.TextContent.Trim().ShouldBe("Degraded performance");
        page.Find($"[data-service='{made.ServiceIds[1]}'] [data-current] i.bi")!.GetAttribute("aria-hidden").ShouldBe("true");
    }

    [Fact]
    public async Task Groups_and_their_services_are_shown_in_their_order()
    {
        var second = await CreateAsync("Second group", 1002, Now.AddDays(-1), "Second A", "Second B");
        var first = await CreateAsync("First group", 1001, Now.AddDays(-1), "First A", "First B", "First C");
        using var visitor = portal.CreatePortalClient();

        var page = await visitor.GetAsync("/Status");

        page.FindAll("[data-group]").Select(g => int.Parse(g.GetAttribute("data-group")!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(id => id == first.GroupId || id == second.GroupId).ShouldBe([first.GroupId, second.GroupId]);
        page.FindAll($"[data-group='{first.GroupId}'] [data-service] h3").Select(h => h.TextContent).ShouldBe(["First A", "First B", "First C"]);
        page.FindAll($"[data-group='{second.GroupId}'] [data-service] h3").Select(h => h.TextContent).ShouldBe(["Second A", "Second B"]);
    }

    [Fact]
    public async Task A_day_in_a_partial_outage_shows_70_percent_and_days_before_the_service_existed_show_no_data()
    {
        // Added at the start of yesterday, in a partial outage all of yesterday, operational again since midnight.
        var made = await CreateAsync("Uptime group", 1003, StartOfDay(1), "Uptime service");
        var service = made.ServiceIds[0];
        await SetAsync(service, ServiceState.PartialOutage, StartOfDay(1));
        await SetAsync(service, ServiceState.Operational, StartOfDay(0));
        portal.Clock.Advance(TimeSpan.FromSeconds(1));
        using var visitor = portal.CreatePortalClient();

        var page = await visitor.GetAsync("/Status");

        var days = page.FindAll($"[data-service='{service}'] .status-day").ToList();
        days.Count.ShouldBe(90);
        days[^2].GetAttribute("data-uptime").ShouldBe("70.00%");
        days[^2].GetAttribute("data-state").ShouldBe("PartialOutage");
        days[^2].GetAttribute("title")!.ShouldEndWith(": 70.00% uptime, Partial outage");
        days[^2].TextContent.ShouldBe(days[^2].GetAttribute("title"));
        days[^1].GetAttribute("data-uptime").ShouldBe("100.00%");
        days[^3].GetAttribute("data-state").ShouldBe("None");
        days[^3].GetAttribute("title")!.ShouldEndWith(": no data");
        page.Find($"[data-service='{service}'] [data-uptime-total]")!.TextContent.ShouldStartWith("7");
        page.Find("[data-rule]")!.TextContent.ShouldContain("30% down");
    }

    [Fact]
    public async Task Polish_readers_get_the_page_in_polish()
    {
        var made = await CreateAsync("Polish group", 1004, Now.AddDays(-1), "Polish service");
        await SetAsync(made.ServiceIds[0], ServiceState.MajorOutage, Now.AddMinutes(-1));
        using var visitor = portal.CreatePortalClient();
        visitor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pl");

        var page = await visitor.GetAsync("/Status");

        page.Find("html")!.GetAttribute("lang").ShouldBe("pl");
        page.Find("h1")!.TextContent.ShouldBe("Status usług");
        page.Find("[data-banner]")!.TextContent.Trim().ShouldBe("Poważna awaria");
        page.Find($"[data-group='{made.GroupId}'] h2")!.TextContent.ShouldBe("Polish group PL");
        page.Find($"[data-service='{made.ServiceIds[0]}'] [data-current]")!.TextContent.Trim().ShouldBe("Poważna awaria");
        page.Find("[data-updated]")!.TextContent.ShouldContain("Ostatnia aktualizacja");
    }
}
