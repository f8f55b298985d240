namespace Supportal.KnowledgeBase;

public static class KnowledgeBaseSetup
{
    public static IHostApplicationBuilder AddKnowledgeBase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<KnowledgeAccess>();
        builder.Services.AddScoped<ArticleIndex>();
        builder.Services.AddOptions<DownloadOptions>().BindConfiguration(DownloadOptions.Section)
            .Validate(o => o.MaxMegabytes is > 0 and <= 16384, "Downloads:MaxMegabytes must be between 1 and 16384.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DownloadFiles>();
        builder.Services.AddScoped<ArticleSearch>();
        builder.Services.AddScoped<RequestFormViews>();
        builder.Services.AddScoped<FollowerMails>();
        builder.Services.AddScoped<ArticleSaver>();
        builder.Services.AddScoped<ArticleImages>();
        builder.Services.AddScoped<ArticleVotes>();
        builder.Services.AddScoped<KnowledgeFollows>();
        return builder;
    }
}
