using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Supportal.Sla;

namespace Supportal.Tests.Sla;

/// <summary>Wrong SLA settings stop the start with a message naming the setting, instead of a loop that never runs.</summary>
public sealed class SlaSettingsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddSla();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void Invalid_settings_are_refused_with_the_settings_name()
    {
        using var badPoll = Services(("Sla:PollSeconds", "0"));
        Should.Throw<OptionsValidationException>(() => badPoll.GetRequiredService<IOptions<SlaOptions>>().Value)
            .Failures.ShouldContain("Sla:PollSeconds must be between 1 and 3600.");
        using var badDays = Services(("Tickets:AutoCloseDays", "0"));
        Should.Throw<OptionsValidationException>(() => badDays.GetRequiredService<IOptions<AutoCloseOptions>>().Value)
            .Failures.ShouldContain("Tickets:AutoCloseDays must be between 1 and 365.");
    }

    [Fact]
    public void Defaults_poll_every_minute_and_close_after_four_days_and_settings_override_them()
    {
        using var defaults = Services();
        defaults.GetRequiredService<IOptions<SlaOptions>>().Value.PollSeconds.ShouldBe(60);
        defaults.GetRequiredService<IOptions<AutoCloseOptions>>().Value.AutoCloseDays.ShouldBe(4);
        using var set = Services(("Sla:PollSeconds", "15"), ("Tickets:AutoCloseDays", "7"));
        set.GetRequiredService<IOptions<SlaOptions>>().Value.PollSeconds.ShouldBe(15);
        set.GetRequiredService<IOptions<AutoCloseOptions>>().Value.AutoCloseDays.ShouldBe(7);
    }
}
