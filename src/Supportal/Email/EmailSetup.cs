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
            .Validate(o => o.Connections is > 0 and <= 20, "Smtp:Connections must be between 1 and 20.")
            .Validate(o => o.MessagesPerConnection > 0, "Smtp:MessagesPerConnection must be at least 1.")
            .Validate(o => o.IsValidSecurity, "Smtp:Security must be Auto, None, StartTls or SslOnConnect.")
            // Ignoring it would quietly change how an existing installation connects, so it stops start-up instead.
            .Validate<IConfiguration>((_, config) => !config.GetSection("Smtp:EnableSsl").Exists(),
                "Smtp:EnableSsl is no longer read: remove it and set Smtp:Security instead "
                + "(StartTls for what EnableSsl true did; the default, Auto, uses STARTTLS whenever the server offers it).")
            .ValidateOnStart();
        builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        builder.Services.AddSingleton<Data.CommitWatcher, OutboxWake>();
        return builder;
    }
}
