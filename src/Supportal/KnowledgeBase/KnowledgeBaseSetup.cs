namespace Supportal.KnowledgeBase;

public static class KnowledgeBaseSetup
{
    public static IHostApplicationBuilder AddKnowledgeBase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<KnowledgeAccess>();
        builder.Services.AddScoped<ArticleIndex>();
        builder.Services.AddScoped<ArticleVotes>();
        builder.Services.AddScoped<KnowledgeFollows>();
        return builder;
    }
}
