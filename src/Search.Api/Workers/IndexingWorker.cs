using Search.Core;

namespace Search.Api.Workers;

/// <summary>
/// Carries what the archive accepted into the index for as long as the service runs. On start it
/// first catches up from the index's committed checkpoint, which is how a crash between a 202 and
/// an index commit is repaired.
/// </summary>
public sealed class IndexingWorker(SearchEngine engine, ILogger<IndexingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Catching up can take a while after a crash; never hold up the host's start for it.
        await Task.Yield();
        var pending = engine.Feeder.Pending;
        if (pending > 0)
            logger.LogInformation("Indexing {Pending} archive changes not yet in the index", pending);
        await engine.Feeder.RunAsync(stoppingToken);
    }
}
