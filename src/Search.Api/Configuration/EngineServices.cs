using Microsoft.Extensions.Options;
using Search.Api.FirstRun;
using Search.Api.Security;
using Search.Api.Workers;
using Search.Core;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;
using Search.Core.Ingest.Pages;
using Search.Core.Index;
using Search.Core.Index.Storage;

namespace Search.Api.Configuration;

public static class EngineServices
{
    /// <summary>Registers the engine over the configured data folder, the workers that feed it, and its health check.</summary>
    public static IServiceCollection AddSearchEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var feederOptions = IndexFeederOptions.Default with { BatchSize = options.IndexBatchSize };
            return SearchEngine.Open(options.FullDataPath, feederOptions, sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return AdminKey.Resolve(options.AdminApiKey, options.FullDataPath);
        });
        services.AddSingleton<AdminKeyFilter>();
        services.AddSingleton(sp => DocumentLimits.Default with { MaxBodyChars = sp.GetRequiredService<IOptions<SearchOptions>>().Value.MaxBodyChars });
        services.AddSingleton(sp => new JsonDocumentsReader(new DocumentParser(sp.GetRequiredService<DocumentLimits>())));
        services.AddSingleton(sp => new PageReader(sp.GetRequiredService<DocumentLimits>()));
        services.AddSingleton<PageIngester>();

        // Opening the engine first makes the service ready as soon as it listens.
        services.AddSingleton<SampleStatements>();
        services.AddSingleton<EngineStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineStartup>());
        services.AddHostedService<IndexingWorker>();
        services.AddHostedService<InboxWorker>();
        services.AddHealthChecks().AddCheck<Health.IndexReadyCheck>("index", tags: ["ready"]);
        return services;
    }
}
