using Microsoft.Extensions.Options;
using Search.Api.Features.Export;
using Search.Api.Features.Inbox;
using Search.Api.Features.SavedSearches;
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

        services.AddSingleton<EngineOpening>();
        services.AddSingleton(sp => sp.GetRequiredService<EngineOpening>().Opened.GetAwaiter().GetResult());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return AdminKey.Resolve(options.AdminApiKey, options.FullDataPath);
        });
        services.AddSingleton<AdminKeyFilter>();

        // The engine opens while the server starts; the host's start ends once it is open.
        services.AddSingleton<SampleStatements>();
        services.AddSingleton<EngineStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineStartup>());
        services.AddHostedService<IndexingWorker>();
        services.AddHostedService<InboxWorker>();

        // Following and exporting: where webhooks may go, how they are sent and retried, one export per client.
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.FirstRetryDelay <= o.MaxRetryDelay, "Search:Webhooks:FirstRetryDelay must not be longer than MaxRetryDelay.")
            .Validate(o => o.AllowedHosts.All(h => !string.IsNullOrWhiteSpace(h) && h.Trim() != "*"),
                "Search:Webhooks:AllowedHosts holds host names, addresses or *.domain patterns; not empty entries or a bare *.")
            .ValidateOnStart();
        services.AddSingleton<WebhookPolicy>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<ExportSlots>();
        services.AddHostedService<AlertWorker>();
        services.AddHealthChecks().AddCheck<IndexReadyCheck>("index", tags: ["ready"]);
        return services;
    }
}
