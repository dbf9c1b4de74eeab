using Search.Core;

namespace Search.Api.Engine;

/// <summary>
/// Keeps the engine's indexing loop running for as long as the service runs. On start the loop first
/// catches up from the index's committed checkpoint, which is how a crash between a 202 and an index
/// commit is repaired; a failure later (a full disk, a read-only folder) is the loop's to recover
/// from, and readiness reports it meanwhile (<see cref="SearchEngine.IndexingHealth"/>).
/// </summary>
public sealed class IndexingWorker(EngineOpening opening, ILogger<IndexingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Catching up can take a while after a crash; WhenOpenAsync never holds up the host's start for it.
        if (await opening.WhenOpenAsync() is not { } engine)
            return;
        var pending = engine.Stats().Pending;
        if (pending > 0)
            logger.LogInformation("Indexing {Pending} archive changes not yet in the index", pending);
        await engine.RunIndexingAsync(stoppingToken);
    }
}
