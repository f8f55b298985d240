using Supportal.Tickets;
using Supportal.Workspace;

namespace Supportal.Sla;

public static class SlaSetup
{
    public static IHostApplicationBuilder AddSla(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section)
            .Validate(o => o.PollSeconds is > 0 and <= 3600, "Sla:PollSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        builder.Services.AddOptions<AutoCloseOptions>().BindConfiguration(TicketOptions.Section)
            .Validate(o => o.AutoCloseDays is > 0 and <= 365, "Tickets:AutoCloseDays must be between 1 and 365.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CalendarCache>();
        builder.Services.AddScoped<SlaTracker>();
        builder.Services.AddScoped<Routing>();
        builder.Services.AddSingleton<AutoCloser>();
        builder.Services.AddSingleton<SlaMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlaMonitor>());
        return builder;
    }
}
