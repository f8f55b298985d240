namespace Supportal.Tickets;

public static class TicketsSetup
{
    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TicketOptions>().BindConfiguration(TicketOptions.Section)
            .Validate(o => o.MaxAttachmentMegabytes is > 0 and <= 1024, "Tickets:MaxAttachmentMegabytes must be between 1 and 1024.")
            .Validate(o => o.MaxAttachmentsPerMessage is > 0 and <= 50, "Tickets:MaxAttachmentsPerMessage must be between 1 and 50.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AttachmentStore>();
        builder.Services.AddScoped<TicketMails>();
        builder.Services.AddScoped<TicketDesk>();
        return builder;
    }
}
