using System.Diagnostics;
using Microsoft.Extensions.Options;
using Search.Api.Engine;
using Search.Api.Features.Metrics;
using Search.Core;
using Search.Core.Following;

namespace Search.Api.Features.SavedSearches;

/// <summary>
/// Keeps saved searches told: matches what became searchable against them (the engine writes the alerts
/// into the outbox in the archive), then sends the alerts that are due, each on its own, so a receiver
/// that fails or hangs delays only its own alerts. A failure is retried after a delay that doubles up to
/// <see cref="WebhookOptions.MaxRetryDelay"/>, for as long as the saved search exists: delivery is at
/// least once, across restarts, since what is not acknowledged stays in the outbox.
/// </summary>
public sealed partial class AlertWorker(EngineOpening opening, WebhookSender sender, ServiceMetrics metrics, IOptions<WebhookOptions> options, ILogger<AlertWorker> logger) : BackgroundService
{
    private const int SendAtOnce = 8;

    /// <summary>How long nothing must have been stored for an ingest to count as paused (a client's next request comes sooner).</summary>
    private static readonly TimeSpan IngestPause = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await opening.WhenOpenAsync() is not { } engine)
            return;
        var settings = options.Value;
        var lastRound = Stopwatch.GetTimestamp();
        var (stored, lastStored) = (engine.StoredThrough, Stopwatch.GetTimestamp());
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                // With an archive shared by several nodes, one of them matches and sends (webhook deliveries run once).
                if (!engine.LeadsFollowing)
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                    continue;
                }
                if (engine.StoredThrough is var now && now != stored)
                    (stored, lastStored) = (now, Stopwatch.GetTimestamp());
                // Matching, writing and sending alerts yield to an ingest under way: measured over HTTP, 300
                // saved searches matched and alerted beside a 10,000-document ingest made its documents
                // searchable 18-30% later, writing the alerts' snippets costing more than matching. After the
                // ingest, a round covers more documents for the same cost a saved search; never later than
                // MaxMatchDelay, so that a steady stream of documents does not hold alerts back.
                var ingesting = engine.IndexingBehind || Stopwatch.GetElapsedTime(lastStored) < IngestPause;
                if (!ingesting || Stopwatch.GetElapsedTime(lastRound) >= settings.MaxMatchDelay)
                {
                    busy = engine.MatchSavedSearches(stoppingToken) > 0;
                    lastRound = Stopwatch.GetTimestamp();
                    var due = engine.DueAlerts(DateTimeOffset.UtcNow, 64);
                    if (due.Count > 0)
                    {
                        busy = true;
                        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = SendAtOnce, CancellationToken = stoppingToken },
                            async (alert, cancellationToken) => await DeliverAsync(engine, alert, settings, cancellationToken));
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The outbox keeps everything: a failing round (a full disk, a busy archive) is tried again.
                LogRoundFailed(e);
            }
            if (!busy)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DeliverAsync(SearchEngine engine, PendingAlert alert, WebhookOptions settings, CancellationToken cancellationToken)
    {
        var error = await sender.SendAsync(alert, cancellationToken);
        if (error is null)
        {
            engine.AlertDelivered(alert.Id);
            metrics.AlertDelivered();
            LogDelivered(alert.SearchId, alert.IdempotencyKey, alert.Attempts + 1);
            return;
        }
        var delay = settings.FirstRetryDelay * Math.Pow(2, Math.Min(alert.Attempts, 20));
        if (delay > settings.MaxRetryDelay)
            delay = settings.MaxRetryDelay;
        engine.AlertFailed(alert.Id, error, DateTimeOffset.UtcNow + delay);
        metrics.AlertFailed();
        LogFailed(alert.SearchId, alert.IdempotencyKey, alert.Attempts + 1, error, delay);
    }

    [LoggerMessage(LogLevel.Information, "Alert {Key} of saved search {SearchId} delivered (attempt {Attempt})")]
    private partial void LogDelivered(string searchId, string key, int attempt);

    [LoggerMessage(LogLevel.Warning, "Alert {Key} of saved search {SearchId} not delivered (attempt {Attempt}): {Error}; next attempt in {Delay}")]
    private partial void LogFailed(string searchId, string key, int attempt, string error, TimeSpan delay);

    [LoggerMessage(LogLevel.Error, "Matching saved searches or sending their alerts failed; tried again shortly")]
    private partial void LogRoundFailed(Exception error);
}
