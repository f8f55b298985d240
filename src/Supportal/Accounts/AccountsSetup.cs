using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Supportal.Data;

namespace Supportal.Accounts;

public static class AccountsSetup
{
    /// <summary>Per address, on every account form a script could hammer: sign-in, sign-up, codes, links.</summary>
    public const string AccountRateLimit = "accounts";

    /// <summary>Enough for an office behind one address; the per-account limits are the tight ones.</summary>
    public const int PostsPerMinutePerAddress = 30;

    /// <summary>Identity's schema version 3 has its passkey table.</summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(o =>
            {
                // Length over composition rules; CommonPasswordValidator refuses the usual guesses.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Tokens.EmailConfirmationTokenProvider = ConfirmationTokenProvider.ProviderName;
                o.Stores.SchemaVersion = IdentitySchema;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddSignInManager<PortalSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddTokenProvider<EmailCodeProvider>(EmailCodeProvider.Name)
            // Links expire on the portal's clock: in place of Identity's default provider, and for confirmations.
            .AddTokenProvider<DefaultLinkTokenProvider>(TokenOptions.DefaultProvider)
            .AddTokenProvider<ConfirmationTokenProvider>(ConfirmationTokenProvider.ProviderName)
            .AddTokenProvider<OncePerStepAuthenticatorProvider>(TokenOptions.DefaultAuthenticatorProvider);
        // Reset links (the default provider) last a day; confirmation links a week (their own provider).
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        builder.Services.Configure<ConfirmationTokenProviderOptions>(o =>
        {
            o.Name = ConfirmationTokenProvider.ProviderName;
            o.TokenLifespan = TimeSpan.FromDays(7);
        });
        builder.Services.Configure<IdentityPasskeyOptions>(o =>
        {
            // The relying party id (the domain a passkey is bound to) is Identity's default: the host of the request,
            // whose origin the browser must be on (behind a proxy, the Host it passes on and X-Forwarded-Proto's scheme).
            // A forged Host gets options for a domain no browser on the real site will use.
            // Passkeys sign in without a login typed first, so the authenticator must keep the account on the device.
            o.ResidentKeyRequirement = "required";
            o.UserVerificationRequirement = "required";
        });
        builder.Services.AddScoped<EmailCodeProvider>();
        builder.Services.AddScoped<AccountMails>();
        builder.Services.AddScoped<AccountLinks>();
        builder.Services.AddScoped<PasswordlessAccounts>();
        builder.Services.AddSingleton<AccountThrottle>();
        builder.Services.AddSingleton<UnknownLogins>();
        // Identity rebuilds the principal when it re-checks the security stamp; keep the session it belongs to.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = refresh =>
        {
            if (refresh.CurrentPrincipal?.FindFirst(PortalSignInManager.SessionClaim) is { } session)
                refresh.NewPrincipal?.Identities.First().AddClaim(new System.Security.Claims.Claim(session.Type, session.Value));
            return Task.CompletedTask;
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => o.ExpireTimeSpan = TimeSpan.FromDays(30));
        // Outlives the e-mailed code (10 minutes), so a late code is told "expired", not sent back to the start.
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.ExpireTimeSpan = TimeSpan.FromMinutes(20));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AccountImporter>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "supportal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers with status codes, never with a redirect to an HTML sign-in page.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
        });

        builder.Services.AddAuthorizationBuilder()
            // Secure by default: anything that does not opt out is for staff only.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(Roles.All).Build())
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Knowledge, p => p.RequireRole(Roles.KnowledgeEditor, Roles.Admin))
            .AddPolicy(Policies.Status, p => p.RequireRole(Roles.StatusEditor, Roles.Admin))
            .AddPolicy(Policies.Support, p => p.RequireRole(Roles.Agent, Roles.Admin));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Says when to come back: every limiter here is a fixed window, which knows when it reopens.
            o.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // Slows password guessing from one address; Identity's lockout protects each account on top.
            // Only attempts count: showing the form is free.
            o.AddPolicy(AccountRateLimit, http => HttpMethods.IsGet(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = PostsPerMinutePerAddress, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
