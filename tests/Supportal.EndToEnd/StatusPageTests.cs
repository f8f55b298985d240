using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Supportal.Data;
using Supportal.Status;

namespace Supportal.EndToEnd;

/// <summary>The public status page in Chromium: both languages on a desktop, and a phone in dark mode.</summary>
[Collection(SharedBrowser.Name)]
public sealed class StatusPageTests(Browser browser, LivePortal portal) : IClassFixture<LivePortal>
{
    [Fact]
    public async Task A_visitor_sees_the_banner_and_the_90_day_bars_in_english_and_polish_and_on_a_phone_in_dark_mode()
    {
        // A week-old service with a partial outage yesterday, so the bar shows more than one colour.
        var now = portal.Factory.Clock.GetUtcNow().UtcDateTime;
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var states = scope.ServiceProvider.GetRequiredService<ServiceStates>();
            var group = new ServiceGroup { NameEn = "Remote support (E2E)", NamePl = "Zdalne wsparcie (E2E)" };
            var service = new StatusService { Group = group, NameEn = "Session relay", NamePl = "Przekaźnik sesji" };
            states.Add(service, now.AddDays(-7));
            await db.SaveChangesAsync();
            await states.SetAsync(service, ServiceState.PartialOutage, now.AddDays(-1));
            await db.SaveChangesAsync();
            await states.SetAsync(service, ServiceState.Operational, now.AddHours(-20));
            await db.SaveChangesAsync();
        }

        foreach (var language in new[] { "en", "pl" })
        {
            var page = await browser.NewPageAsync(portal.Url, locale: language);
            await page.GotoAsync("/Status");
            await Assertions.Expect(page.Locator("[data-banner]")).ToBeVisibleAsync();
            (await Accessibility.SeriousViolationsAsync(page)).ShouldBeEmpty();
            await Browser.ScreenshotAsync(page, $"status-{language}-desktop");
        }

        var phone = await browser.NewPageAsync(portal.Url, 390, 844);
        await phone.GotoAsync("/Status");
        await Assertions.Expect(phone.Locator("[data-banner]")).ToBeVisibleAsync();
        (await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        // A phone shows the last 30 days of the 90.
        (await phone.Locator("[data-service] .status-day:visible").CountAsync()).ShouldBe(30 * await phone.Locator("[data-service]").CountAsync());
        await phone.Locator("[data-theme-toggle]").ClickAsync();
        (await phone.Locator("html").GetAttributeAsync("data-bs-theme")).ShouldBe("dark");
        await phone.WaitForFunctionAsync("() => document.getAnimations().length === 0");
        (await Accessibility.SeriousViolationsAsync(phone)).ShouldBeEmpty();
        await Browser.ScreenshotAsync(phone, "status-en-phone-dark");
    }
}
