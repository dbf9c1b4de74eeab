using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Search.Api.Engine;
using Search.Core;
using Search.Core.Storage;

namespace Search.Api.Health;

/// <summary>
/// Ready once the engine is open and while its indexing loop works: Unhealthy, with the reason and
/// since when, while indexing keeps failing (a full disk, a read-only folder, a deleted generation),
/// as the engine itself records it; Degraded when the index was built by another analyzer version.
/// </summary>
public sealed class IndexReadyCheck(EngineStartup startup, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.Ready)
            return Task.FromResult(HealthCheckResult.Unhealthy("The index is not open yet."));
        var engine = services.GetRequiredService<SearchEngine>();
        EngineStats stats;
        try
        {
            stats = engine.Stats();
        }
        catch (Exception e) when (StorageException.From(e) is { Problem: StorageProblem.Unreachable })
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                "The archive's database cannot be reached. Searches answer from the index; writes are refused until it answers again."));
        }
        var data = new Dictionary<string, object>
        {
            ["generation"] = stats.Generation,
            ["analyzerVersion"] = stats.AnalyzerVersion,
            ["indexAnalyzerVersion"] = stats.IndexAnalyzerVersion,
            ["pending"] = stats.Pending,
        };
        var indexing = engine.IndexingHealth;
        if (!indexing.IsHealthy)
        {
            data["failingSince"] = indexing.FailingSince!.Value.ToString("O", CultureInfo.InvariantCulture);
            data["failedAttempts"] = indexing.Failures;
            // The index is whole and serves: a node whose archive database is out of reach stays in its
            // proxy's rotation for searches (Degraded answers 200), while its writes answer 503.
            if (indexing.ArchiveOutOfReach)
                return Task.FromResult(HealthCheckResult.Degraded(
                    $"The archive's database has been out of reach since {indexing.FailingSince:O}. Searches answer from the index; writes are refused until it answers again.", data: data));
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"Indexing has been failing since {indexing.FailingSince:O}: {indexing.Problem}. Searches answer from the index as it was; new documents wait in the archive.", data: data));
        }
        return Task.FromResult(stats.AnalyzerMismatch
            ? HealthCheckResult.Degraded($"The index was built with analyzer {stats.IndexAnalyzerVersion}, the service runs {stats.AnalyzerVersion}: rebuild the index.", data: data)
            : HealthCheckResult.Healthy("The index is open.", data));
    }
}
