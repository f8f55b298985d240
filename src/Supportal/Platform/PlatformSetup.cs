using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Supportal.Accounts;

namespace Supportal.Platform;

public static class PlatformSetup
{
    public static IHostApplicationBuilder AddPlatform(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name), "Portal:Name must not be empty.")
            .Validate<IHostEnvironment>((o, env) => string.IsNullOrEmpty(o.PublicUrl) ? env.IsDevelopment() : PublicAddress.IsValid(o.PublicUrl),
                "Portal:PublicUrl must be the address people reach the portal at, such as https://support.example.com (required outside Development).")
            .Validate(o => Email.EmailOptions.IsAddress(o.MaintenanceEmail), "Portal:MaintenanceEmail must be an e-mail address.")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root), "Storage:Root must not be empty.")
            .ValidateOnStart();
        services.AddOptions<SeedOptions>().Configure<IConfiguration, IHostEnvironment>((o, config, env) =>
        {
            config.GetSection(SeedOptions.Section).Bind(o);
            o.Demo = config.GetValue<bool?>("Seed:Demo") ?? env.IsDevelopment();
        });

        // Keys live under Storage:Root so that sign-in cookies and e-mailed links survive a restart.
        services.AddDataProtection().SetApplicationName("Supportal");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((o, storage, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.Value.FullRoot, "keys")), logs));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("en").AddSupportedCultures(Languages.Codes).AddSupportedUICultures(Languages.Codes);
            // A signed-in user's own choice first, then this browser's cookie, then the browser's languages.
            o.RequestCultureProviders.Insert(0, new CustomRequestCultureProvider(ctx =>
                Task.FromResult(ctx.User.FindFirst(PortalClaims.Language)?.Value is { } lang && Languages.IsSupported(lang)
                    ? new ProviderCultureResult(lang) : null)));
            o.RequestCultureProviders.Remove(o.RequestCultureProviders.OfType<QueryStringRequestCultureProvider>().Single());
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                o.Conventions.AuthorizeFolder("/Orders", Policies.Orders);
                o.Conventions.AuthorizeFolder("/Agent", Policies.Support);
                o.Conventions.AuthorizeFolder("/Knowledge", Policies.Knowledge);
                o.Conventions.AuthorizeFolder("/StatusEditor", Policies.Status);
            })
            // Every page at once: a form that cannot be read is a 400, never a server error.
            .AddMvcOptions(o => o.Filters.Add<UnreadableForms>(UnreadableForms.FilterOrder))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddProblemDetails();
        // One rule for every cookie: HttpOnly, SameSite=Lax, and outside Development (where plain
        // http://localhost is the norm) sent only over HTTPS.
        services.AddOptions<CookiePolicyOptions>().Configure<IHostEnvironment>((o, env) =>
        {
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.Secure = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddSingleton<Navigation>();
        services.AddSingleton<PublicAddress>();
        // Browsers that reached the portal over https keep to it. The public address decides, so the usual
        // exemption of localhost (meant for development) is dropped.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear();
        });
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        // The error page runs in services of its own: the failed request's may be what failed (an authentication
        // that could not reach the database fails again when asked again), and the page must still show.
        app.UseWhen(ctx => !IsApi(ctx), ui => ui.UseExceptionHandler("/Error", createScopeForErrors: true)
            .UseStatusCodePagesWithReExecute("/Error/{0}"));
        // Behind a reverse proxy on the same host (nginx), take the client address and https from its headers.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.Use(SecurityHeaders);
        if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<PublicAddress>().RootUri.Scheme == Uri.UriSchemeHttps)
            app.UseHsts();
        app.UseCookiePolicy();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        // Unknown addresses get a real 404 page instead of the staff-only fallback policy's sign-in redirect.
        app.MapFallback("{*path}", ctx => { ctx.Response.StatusCode = StatusCodes.Status404NotFound; return Task.CompletedTask; }).AllowAnonymous();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        // Scripts and styles only from our own files: no inline code, so injected markup cannot run.
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        return next();
    }
}
