using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Api.FirstRun;
using Search.Core;
using Search.Core.Analysis;
using Search.Core.Text;

namespace Search.Api.Health;

/// <summary>Ready once the engine is open; degraded when the index was built by another analyzer version.</summary>
public sealed class IndexReadyCheck(EngineStartup startup, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.Ready)
            return Task.FromResult(HealthCheckResult.Unhealthy("The index is not open yet."));
        var engine = services.GetRequiredService<SearchEngine>();
        var data = new Dictionary<string, object>
        {
            ["generation"] = engine.Generation,
            ["analyzerVersion"] = ArabicSearchAnalyzer.Version,
            ["indexAnalyzerVersion"] = engine.IndexAnalyzerVersion,
            ["pending"] = engine.Feeder.Pending,
        };
        return Task.FromResult(engine.AnalyzerMismatch
            ? HealthCheckResult.Degraded($"The index was built with analyzer {engine.IndexAnalyzerVersion}, the service runs {ArabicSearchAnalyzer.Version}: rebuild the index.", data: data)
            : HealthCheckResult.Healthy("The index is open.", data));
    }
}
