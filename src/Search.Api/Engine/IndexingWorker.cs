using Search.Core;

namespace Search.Api.Engine;

/// <summary>
/// Keeps the engine's indexing loop running for as long as the service runs. On start the loop first
/// catches up from the index's committed checkpoint, which is how a crash between a 202 and an index
/// commit is repaired.
/// </summary>
public sealed class IndexingWorker(SearchEngine engine, ILogger<IndexingWorker> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Catching up can take a while after a crash; never hold up the host's start for it.
        await Task.Yield();
        var pending = engine.Stats().Pending;
        if (pending > 0)
            logger.LogInformation("Indexing {Pending} archive changes not yet in the index", pending);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.RunIndexingAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The archive keeps what was accepted; indexing resumes from the last checkpoint
                // once the cause (a full disk, say) is gone, instead of taking the service down.
                logger.LogError(e, "Indexing failed; retrying in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
