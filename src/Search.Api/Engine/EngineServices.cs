using Microsoft.Extensions.Options;
using Search.Api.Features.Inbox;
using Search.Api.Health;
using Search.Api.Protection;
using Search.Core;

namespace Search.Api.Engine;

public static class EngineServices
{
    /// <summary>Registers the engine over the configured data folder, the workers that keep it going, and its health check.</summary>
    public static IServiceCollection AddSearchEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return SearchEngine.Open(options.FullDataPath, options.ToEngineOptions(), sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return AdminKey.Resolve(options.AdminApiKey, options.FullDataPath);
        });
        services.AddSingleton<AdminKeyFilter>();

        // Opening the engine first makes the service ready as soon as it listens.
        services.AddSingleton<SampleStatements>();
        services.AddSingleton<EngineStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineStartup>());
        services.AddHostedService<IndexingWorker>();
        services.AddHostedService<InboxWorker>();
        services.AddHealthChecks().AddCheck<IndexReadyCheck>("index", tags: ["ready"]);
        return services;
    }
}
