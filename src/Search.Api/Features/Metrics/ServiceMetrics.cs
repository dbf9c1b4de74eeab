using Prometheus;
using Search.Api.Engine;
using Search.Core;
using Search.Core.Storage;

namespace Search.Api.Features.Metrics;

/// <summary>
/// The service's Prometheus metrics, in a registry of its own (prometheus-net's default one is
/// process-wide, and a process may host several services: the integration tests do). Counters of
/// events are counted where the host sees them happen; what the engine knows (documents, pending
/// work, lag, a rebuild's progress, alerts waiting) is read once per scrape, never on a hot path.
/// </summary>
public sealed class ServiceMetrics
{
    private readonly Gauge _archiveDocuments;
    private readonly Gauge _indexDocuments;
    private readonly Gauge _pendingChanges;
    private readonly Gauge _lagSequences;
    private readonly Gauge _lagSeconds;
    private readonly Gauge _reindexRunning;
    private readonly Gauge _reindexProcessed;
    private readonly Gauge _reindexTotal;
    private readonly Gauge _alertsPending;
    private readonly Gauge _archiveReachable;
    private readonly Counter _searches;
    private readonly Counter _deliveries;

    // The engine and its start-up are looked up at each scrape, not taken here: the request metrics are set up
    // while the pipeline is built, and opening the engine then would fail a start (another process on the data
    // folder, an invalid option) before ServiceRun can say why in its one line.
    public ServiceMetrics(IServiceProvider services)
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        // Process figures (CPU, memory, threads, GC) beside ours, as the default registry would give them.
        DotNetStats.Register(Registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _searches = factory.CreateCounter("search_searches_total", "Searches answered by GET /api/search.");
        _deliveries = factory.CreateCounter("search_webhook_deliveries_total", "Attempts to deliver an alert to a saved search's webhook, by result.",
            new CounterConfiguration { LabelNames = ["result"] });
        // Both results are shown from the start, at 0, so that a rate over them is defined before the first alert.
        _deliveries.WithLabels("delivered");
        _deliveries.WithLabels("failed");
        _archiveDocuments = factory.CreateGauge("search_archive_documents", "Documents held in the archive of record.");
        _indexDocuments = factory.CreateGauge("search_index_documents", "Documents searchable in the current index generation.");
        _pendingChanges = factory.CreateGauge("search_index_pending_changes", "Archive changes the index has not applied yet.");
        _lagSequences = factory.CreateGauge("search_index_lag_sequences", "The archive's last sequence number less the one the index has applied.");
        _lagSeconds = factory.CreateGauge("search_index_lag_seconds", "How long the oldest document the index has not applied yet has waited since it was stored; 0 when caught up.");
        _reindexRunning = factory.CreateGauge("search_reindex_running", "1 while a rebuild of the index runs, else 0.");
        _reindexProcessed = factory.CreateGauge("search_reindex_processed_documents", "Documents the running rebuild has indexed (0 when none runs).");
        _reindexTotal = factory.CreateGauge("search_reindex_total_documents", "Documents the running rebuild has to index (0 when none runs).");
        _alertsPending = factory.CreateGauge("search_webhook_alerts_pending", "Alerts in the outbox not delivered yet.");
        _archiveReachable = factory.CreateGauge("search_archive_reachable",
            "1 when the archive's database answered at this scrape; 0 when it could not be reached, and the figures read from it keep their last values.");
        Registry.AddBeforeCollectCallback(() =>
        {
            // Before the engine is open there is nothing to read; the gauges say 0 until then.
            if (!services.GetRequiredService<EngineStartup>().Ready)
                return;
            try
            {
                Read(services.GetRequiredService<SearchEngine>());
                _archiveReachable.Set(1);
            }
            catch (Exception e) when (StorageException.From(e) is { Problem: StorageProblem.Unreachable })
            {
                // A PostgreSQL archive out of reach is when the request counts matter most: they are still
                // answered, with the archive's figures as last read and this gauge saying so.
                _archiveReachable.Set(0);
            }
        });
    }

    public CollectorRegistry Registry { get; }

    public void SearchAnswered() => _searches.Inc();

    public void AlertDelivered() => _deliveries.WithLabels("delivered").Inc();

    public void AlertFailed() => _deliveries.WithLabels("failed").Inc();

    private void Read(SearchEngine engine)
    {
        var stats = engine.Stats();
        _archiveDocuments.Set(stats.ArchiveDocuments);
        _indexDocuments.Set(stats.IndexDocuments);
        _pendingChanges.Set(stats.Pending);
        _lagSequences.Set(Math.Max(0, stats.ArchiveSequence - stats.IndexedSequence));
        _lagSeconds.Set(engine.OldestPendingAge().TotalSeconds);
        var reindex = engine.RunningReindex;
        _reindexRunning.Set(reindex is null ? 0 : 1);
        _reindexProcessed.Set(reindex?.Processed ?? 0);
        _reindexTotal.Set(reindex?.Total ?? 0);
        _alertsPending.Set(engine.PendingAlerts());
    }
}
