using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Search.Core.Archive;

namespace Search.Core.Index.Reindex;

/// <summary>
/// Rebuilds the index from the archive into a new generation while the live one keeps answering
/// searches and taking new documents. When the new generation has read the whole archive, the live
/// index replaces its generation with it (<see cref="LiveIndex.Replace"/>: caught up, committed, made
/// current). One rebuild at a time.
/// </summary>
internal sealed partial class Reindexer(DocumentArchive archive, IndexGenerations generations, LiveIndex live, IndexSetup setup, int batchSize, ILogger logger)
{
    private const int KeptJobs = 20;

    /// <summary>How far into the archive a rebuild starts writing out its segments as it goes (<see cref="SearchIndex.FlushAsYouGo"/>).</summary>
    private const double FinishingFraction = 0.9;

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, ReindexJob> _jobs = new(StringComparer.Ordinal);
    private ReindexJob? _running;
    private Task _run = Task.CompletedTask;

    public ReindexJob? Running => _running;

    public ReindexJob? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Starts a rebuild; false (with the running job) when one is already running.</summary>
    public bool TryStart(string reason, out ReindexJob job)
    {
        lock (_gate)
        {
            if (_running is { } running)
            {
                job = running;
                return false;
            }
            var generation = generations.Next();
            job = new ReindexJob(NewId(), generation, archive.CountAfter(0), reason);
            _running = job;
            Forget();
            _jobs[job.Id] = job;
        }
        var started = job;
        _run = Task.Run(() => RunAsync(started));
        return true;
    }

    /// <summary>Cancels a running rebuild and waits for it to clean up (used when the engine closes).</summary>
    public void CancelAndWait()
    {
        _running?.Cancel();
        _run.Wait(TimeSpan.FromSeconds(30));
    }

    private async Task RunAsync(ReindexJob job)
    {
        LogStarted(job.Id, job.Generation, job.Reason, job.Total);
        SearchIndex? target = null;
        var outcome = ReindexState.Failed;
        string? error = null;
        live.HoldMerges = true;
        try
        {
            generations.Delete(job.Generation);
            target = new SearchIndex(generations.PathOf(job.Generation), setup);
            target.BeginFirstFilling(archive.LastSequence, job.Total);
            // Reading the archive and working out its stories overlap analysing: the next batch is read
            // and prepared while one is indexed.
            var batches = Channel.CreateBounded<SearchIndex.PreparedBatch>(new BoundedChannelOptions(2) { SingleReader = false, SingleWriter = true });
            var filling = target;
            using (var reading = CancellationTokenSource.CreateLinkedTokenSource(job.CancellationToken))
            {
                var read = Task.Run(() => ReadArchive(filling, batches.Writer, reading.Token));
                var finishing = false;
                try
                {
                    await StreamedFilling.RunAsync(target, batches.Reader, (batch, refused) =>
                    {
                        live.LogRefused(refused);
                        job.Advance(batch.Entries.Count);
                        if (!finishing && job.Processed >= job.Total * FinishingFraction)
                        {
                            filling.FlushAsYouGo();
                            finishing = true;
                        }
                    }, job.CancellationToken);
                }
                finally
                {
                    // A failed filling leaves the reader waiting for room in the channel.
                    reading.Cancel();
                    await read;
                }
            }

            job.CancellationToken.ThrowIfCancellationRequested();
            live.Replace(job.Generation, target, job.Advance);
            target = null;
            outcome = ReindexState.Succeeded;
            LogSucceeded(job.Id, job.Generation, job.Processed, job.Elapsed.TotalSeconds);
            // After the switch, not before: the rebuild is served at once, and searches get faster
            // when the merge into one segment (seconds for the whole corpus) is done.
            live.MergeInBackground(1);
        }
        catch (OperationCanceledException)
        {
            outcome = ReindexState.Cancelled;
            LogCancelled(job.Id, job.Generation);
        }
        catch (Exception e)
        {
            error = e.Message;
            LogFailed(e, job.Id, job.Generation);
        }
        finally
        {
            // Clean up first, then report: a client that reads "cancelled" may start the next one at once.
            try
            {
                if (target is not null)
                {
                    target.Discard();
                    generations.Delete(job.Generation);
                }
            }
            finally
            {
                live.HoldMerges = false;
                lock (_gate)
                {
                    job.Finish(outcome, error);
                    _running = null;
                }
            }
        }
    }

    private void ReadArchive(SearchIndex target, ChannelWriter<SearchIndex.PreparedBatch> batches, CancellationToken cancellationToken)
    {
        try
        {
            var sequence = 0L;
            while (archive.ReadAfter(sequence, batchSize) is { Count: > 0 } entries)
            {
                batches.WriteAsync(target.Prepare(entries), cancellationToken).AsTask().GetAwaiter().GetResult();
                sequence = entries[^1].Sequence;
            }
            batches.Complete();
        }
        catch (Exception e)
        {
            batches.Complete(e);
        }
    }

    private void Forget()
    {
        foreach (var old in _jobs.Values.Where(j => j.State != ReindexState.Running).OrderBy(j => j.StartedAt).SkipLast(KeptJobs - 1))
            _jobs.TryRemove(old.Id, out _);
    }

    private static string NewId() =>
        DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    [LoggerMessage(LogLevel.Information, "Reindex {JobId} started ({Reason}): building generation {Generation} from {Total} archive rows")]
    private partial void LogStarted(string jobId, long generation, string reason, long total);

    [LoggerMessage(LogLevel.Information, "Reindex {JobId} done: generation {Generation} is current ({Processed} archive rows in {Seconds:F1} s)")]
    private partial void LogSucceeded(string jobId, long generation, long processed, double seconds);

    [LoggerMessage(LogLevel.Information, "Reindex {JobId} cancelled; generation {Generation} discarded, the current one keeps serving")]
    private partial void LogCancelled(string jobId, long generation);

    [LoggerMessage(LogLevel.Error, "Reindex {JobId} failed; generation {Generation} discarded, the current one keeps serving")]
    private partial void LogFailed(Exception error, string jobId, long generation);
}
