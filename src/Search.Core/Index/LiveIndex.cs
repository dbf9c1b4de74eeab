using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Search.Core.Archive;

namespace Search.Core.Index;

/// <summary>
/// The one owner of the live index generation: searches lease it, archive changes are applied to it,
/// and a rebuilt generation replaces it, all here. Applying a batch and replacing the generation take
/// the same lock, so a replacement happens between two batches, in one short piece of code
/// (<see cref="Replace"/>): the rebuilt generation is caught up with the archive, committed, named
/// current in the pointer file, and only then served. A crash anywhere in it leaves the pointer on one
/// complete generation, and the archive replays whatever that generation had not committed.
/// </summary>
internal sealed class LiveIndex : IDisposable
{
    private readonly DocumentArchive _archive;
    private readonly IndexGenerations _generations;
    private readonly IndexSetup _setup;
    private readonly int _batchSize;
    private readonly ILogger _logger;
    private readonly Lock _writing = new();
    private readonly Lock _progressGate = new();
    private ServingIndex _serving;
    private TaskCompletionSource _progress = NewProgress();
    private long _visibleSequence;
    private long _lastCommitTicks = Stopwatch.GetTimestamp();
    private bool _holdMerges;

    public LiveIndex(DocumentArchive archive, IndexGenerations generations, IndexSetup setup, long generation, SearchIndex index, int batchSize, ILogger logger)
    {
        _archive = archive;
        _generations = generations;
        _setup = setup;
        _batchSize = batchSize;
        _logger = logger;
        _serving = new ServingIndex(generation, index, generations);
        _visibleSequence = index.AppliedSequence;
        WarnIfStartedOver(generation, index);
    }

    /// <summary>Archive sequence up to which changes are searchable.</summary>
    public long VisibleSequence => Interlocked.Read(ref _visibleSequence);

    /// <summary>Archive changes the live generation has not applied yet.</summary>
    public long Pending => _archive.CountAfter(VisibleSequence);

    /// <summary>The live generation for one search or inspection; dispose the lease when done.</summary>
    public IndexLease Acquire()
    {
        while (true)
        {
            var serving = Volatile.Read(ref _serving);
            if (serving.TryAcquire())
                return new IndexLease(serving);
        }
    }

    /// <summary>Completes when the changes up to <paramref name="sequence"/> are searchable.</summary>
    public async Task WaitUntilVisibleAsync(long sequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task progress;
            lock (_progressGate)
            {
                if (VisibleSequence >= sequence)
                    return;
                progress = _progress.Task;
            }
            await progress.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies the next batch of archive changes to the live generation and makes it searchable; returns how many.</summary>
    public int ApplyNextBatch()
    {
        lock (_writing)
        {
            var index = _serving.Index;
            var count = ApplyNextBatch(index, live: true);
            if (count > 0)
            {
                index.Refresh();
                Publish(index.AppliedSequence);
            }
            return count;
        }
    }

    /// <summary>True when the live generation holds applied changes its last commit does not.</summary>
    public bool HasUncommitted
    {
        get
        {
            lock (_writing)
                return _serving.Index.AppliedSequence > _serving.Index.CommittedSequence;
        }
    }

    /// <summary>How long ago the live generation was last committed.</summary>
    public TimeSpan SinceLastCommit => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastCommitTicks));

    /// <summary>Makes what the live generation applied durable, with the checkpoint a restart resumes from.</summary>
    public void Commit()
    {
        lock (_writing)
        {
            var index = _serving.Index;
            index.Commit();
            Volatile.Write(ref _lastCommitTicks, Stopwatch.GetTimestamp());
            _logger.LogDebug("Committed the index at archive sequence {Sequence}", index.CommittedSequence);
        }
    }

    /// <summary>
    /// Logs the documents Lucene refused in a batch, applied to this generation or a rebuild's; they were
    /// skipped so that one bad document cannot stall indexing.
    /// </summary>
    public void LogRefused(IEnumerable<(string Id, string Reason)> refused)
    {
        foreach (var (id, reason) in refused)
            _logger.LogError("Document {Id} could not be indexed and was skipped: {Reason}", id, reason);
    }

    /// <summary>
    /// Makes <paramref name="built"/> (a rebuilt generation that has read the archive up to some point)
    /// the live generation: under the write lock, so no change is applied to the old one meanwhile, it
    /// reads the rest of the archive, is committed and refreshed, the pointer file names it, and searches
    /// move to it; the old generation is deleted once its last search is done.
    /// </summary>
    /// <param name="caughtUp">Told how many archive changes each catching-up batch applied.</param>
    public void Replace(long generation, SearchIndex built, Action<int> caughtUp)
    {
        lock (_writing)
        {
            while (ApplyNextBatch(built) is var count and > 0)
                caughtUp(count);
            built.EndFirstFilling();
            built.Commit();
            built.Refresh();
            _generations.MakeCurrent(generation);
            var previous = Interlocked.Exchange(ref _serving, new ServingIndex(generation, built, _generations));
            previous.Retire();
            Volatile.Write(ref _lastCommitTicks, Stopwatch.GetTimestamp());
            Publish(built.AppliedSequence);
        }
    }

    /// <summary>
    /// Reopens the live generation from its last commit, after a failure to apply, refresh or commit
    /// (a full disk, a read-only folder, a generation folder deleted): Lucene drops what a failed flush
    /// held, so what was applied since the last commit cannot be trusted. The new writer starts at the
    /// committed checkpoint and the loop applies the archive from there again; a generation whose folder
    /// is gone starts empty and is filled from the whole archive. Searches move to the reopened index;
    /// those running finish on the old one.
    /// </summary>
    /// <exception cref="IOException">The generation still cannot be opened for writing (also <see cref="UnauthorizedAccessException"/>): try again later.</exception>
    public void Recover()
    {
        lock (_writing)
        {
            var failed = _serving;
            failed.Index.AbandonWriter();
            _generations.MakeCurrent(failed.Generation);
            var reopened = new SearchIndex(_generations.PathOf(failed.Generation), _setup);
            WarnIfStartedOver(failed.Generation, reopened);
            _serving = new ServingIndex(failed.Generation, reopened, _generations);
            failed.RetireReopened();
            Volatile.Write(ref _lastCommitTicks, Stopwatch.GetTimestamp());
            Publish(reopened.AppliedSequence);
            _logger.LogWarning("Reopened index generation {Generation} from its last commit (archive sequence {Sequence}) after a failure; indexing resumes from there",
                failed.Generation, reopened.AppliedSequence);
        }
    }

    private void WarnIfStartedOver(long generation, SearchIndex index)
    {
        if (index.StartedOver)
            _logger.LogWarning("Index generation {Generation} had no complete commit (the process stopped while writing its first): it starts over empty and is filled from the archive again",
                generation);
    }

    /// <summary>
    /// While a rebuild runs, the live generation is about to be replaced: merging it would only take a
    /// core from the rebuild, so no merge starts and the one running, if any, waits
    /// (<see cref="SearchIndex.HoldMerges"/>).
    /// </summary>
    public bool HoldMerges
    {
        get => Volatile.Read(ref _holdMerges);
        set
        {
            Volatile.Write(ref _holdMerges, value);
            Volatile.Read(ref _serving).Index.HoldMerges(value);
        }
    }

    /// <summary>
    /// Merges the live generation down to <paramref name="segments"/> segments on a thread of its own
    /// (<see cref="SearchIndex.MergeDown"/>): searches and new documents go on meanwhile.
    /// </summary>
    public void MergeInBackground(int segments)
    {
        using var lease = Acquire();
        if (lease.Index.SegmentCount() <= segments)
            return;
        var index = lease.Index;
        _ = Task.Run(() =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                if (index.MergeDown(segments))
                    _logger.LogInformation("Merged the index down to {Segments} segments in {Seconds:F1} s", segments, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
            catch (ObjectDisposedException)
            {
                // The generation was replaced by a rebuild or the service is stopping: nothing to merge.
            }
            catch (IOException e) when (e.InnerException is Lucene.Net.Index.MergePolicy.MergeAbortedException)
            {
                // Held while a rebuild replaced the generation, then given up with it (HoldMerges): nothing to merge.
            }
            catch (Exception e)
            {
                // Searches stay right on more segments, only slower; the next pause tries again.
                _logger.LogWarning(e, "Merging the index down to {Segments} segments failed", segments);
            }
        });
    }

    public void Dispose() => Volatile.Read(ref _serving).Release();

    /// <summary>Applies the archive changes after what <paramref name="target"/> holds, a batch of them.</summary>
    private int ApplyNextBatch(SearchIndex target, bool live = false)
    {
        var entries = _archive.ReadAfter(target.AppliedSequence, _batchSize);
        if (live)
            target.FollowBacklog(entries.Count == _batchSize);
        if (entries.Count > 0)
            LogRefused(target.Apply(entries));
        return entries.Count;
    }

    private void Publish(long sequence)
    {
        TaskCompletionSource done;
        lock (_progressGate)
        {
            Interlocked.Exchange(ref _visibleSequence, sequence);
            done = _progress;
            _progress = NewProgress();
        }
        done.TrySetResult();
    }

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
