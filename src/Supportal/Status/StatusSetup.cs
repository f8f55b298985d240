namespace Supportal.Status;

public static class StatusSetup
{
    public static IHostApplicationBuilder AddStatus(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ServiceStates>();
        return builder;
    }
}
