using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Api.Engine;
using Search.Core;

namespace Search.Api.Health;

/// <summary>Ready once the engine is open; degraded when the index was built by another analyzer version.</summary>
public sealed class IndexReadyCheck(EngineStartup startup, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.Ready)
            return Task.FromResult(HealthCheckResult.Unhealthy("The index is not open yet."));
        var stats = services.GetRequiredService<SearchEngine>().Stats();
        var data = new Dictionary<string, object>
        {
            ["generation"] = stats.Generation,
            ["analyzerVersion"] = stats.AnalyzerVersion,
            ["indexAnalyzerVersion"] = stats.IndexAnalyzerVersion,
            ["pending"] = stats.Pending,
        };
        return Task.FromResult(stats.AnalyzerMismatch
            ? HealthCheckResult.Degraded($"The index was built with analyzer {stats.IndexAnalyzerVersion}, the service runs {stats.AnalyzerVersion}: rebuild the index.", data: data)
            : HealthCheckResult.Healthy("The index is open.", data));
    }
}
