using System.Threading.RateLimiting;

namespace Supportal.Tickets;

public static class TicketsSetup
{
    /// <summary>Per address, on the anonymous "Submit a request" form: stops scripted floods of requests and accounts.</summary>
    public const string SubmitRateLimit = "submit-request";

    /// <summary>A person sends a handful; an office behind one address still fits.</summary>
    public const int SubmitsPerWindowPerAddress = 10;

    public static readonly TimeSpan SubmitWindow = TimeSpan.FromMinutes(10);

    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TicketOptions>().BindConfiguration(TicketOptions.Section)
            .Validate(o => o.MaxAttachmentMegabytes is > 0 and <= 1024, "Tickets:MaxAttachmentMegabytes must be between 1 and 1024.")
            .Validate(o => o.MaxAttachmentsPerMessage is > 0 and <= 50, "Tickets:MaxAttachmentsPerMessage must be between 1 and 50.")
            .Validate(o => o.AllowedFileTypes.All(TicketOptions.IsType),
                "Tickets:AllowedFileTypes must list file extensions such as .iso (letters, digits, - and _).")
            .ValidateOnStart();
        builder.Services.AddSingleton<AttachmentStore>();
        builder.Services.AddScoped<TicketMails>();
        builder.Services.AddScoped<CcChanges>();
        builder.Services.AddScoped<TicketDesk>();
        builder.Services.AddScoped<Workspace.TicketWorkflow>();
        builder.Services.AddSingleton<Workspace.ViewCounts>();
        builder.Services.AddScoped<Workspace.TicketMerge>();
        // Adds to the rate limiter options the accounts feature set up (rejection status 429 included).
        // Only sending counts: reading the form is free.
        builder.Services.AddRateLimiter(o => o.AddPolicy(SubmitRateLimit, http => HttpMethods.IsGet(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = SubmitsPerWindowPerAddress, Window = SubmitWindow })));
        return builder;
    }
}
