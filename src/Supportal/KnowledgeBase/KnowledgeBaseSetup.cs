namespace Supportal.KnowledgeBase;

public static class KnowledgeBaseSetup
{
    public static IHostApplicationBuilder AddKnowledgeBase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<KnowledgeAccess>();
        builder.Services.AddScoped<ArticleIndex>();
        builder.Services.AddScoped<ArticleSearch>();
        builder.Services.AddScoped<RequestFormViews>();
        return builder;
    }
}
