namespace Supportal.Email;

public static class EmailSetup
{
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => EmailOptions.IsAddress(o.From), "Email:From must be an e-mail address.")
            .Validate(o => o.MaxAttempts > 0, "Email:MaxAttempts must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => o.Port is > 0 and < 65536, "Smtp:Port must be between 1 and 65535.")
            .Validate(o => o.TimeoutSeconds > 0, "Smtp:TimeoutSeconds must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return builder;
    }
}
