using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Core.Archive;

namespace Search.Core.Index;

/// <summary>
/// Carries archive changes into the index: from the index's checkpoint, in batches, refreshing
/// searchers after each batch (so accepted documents become searchable at once) and committing
/// when the stream pauses or every <see cref="IndexFeederOptions.MaxCommitInterval"/>, so a crash
/// replays at most that much from the archive. A reindex switches it to the new generation
/// (<see cref="Exclusive"/>) between two batches.
/// </summary>
public sealed class IndexFeeder(DocumentArchive archive, SearchIndex index, IndexFeederOptions options, ILogger<IndexFeeder>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<IndexFeeder>.Instance;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private readonly Lock _writing = new();
    private SearchIndex _index = index;
    private TaskCompletionSource _progress = NewProgress();
    private long _visibleSequence = index.AppliedSequence;
    private bool _holdMerges;
    private long _lastCommitTicks = Stopwatch.GetTimestamp();

    public IndexFeederOptions Options => options;

    /// <summary>Archive sequence up to which changes are searchable.</summary>
    public long VisibleSequence => Interlocked.Read(ref _visibleSequence);

    /// <summary>Changes in the archive the index has not applied yet.</summary>
    public long Pending => archive.CountAfter(VisibleSequence);

    /// <summary>Wakes the feeder: the archive has new changes.</summary>
    public void Signal() => _signal.Writer.TryWrite(true);

    /// <summary>Completes when the changes up to <paramref name="sequence"/> are searchable.</summary>
    public async Task WaitUntilVisibleAsync(long sequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task progress;
            lock (_gate)
            {
                if (VisibleSequence >= sequence)
                    return;
                progress = _progress.Task;
            }
            await progress.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs until cancelled; commits what it applied before returning.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                CatchUp(stoppingToken);
                bool uncommitted;
                lock (_writing)
                    uncommitted = _index.AppliedSequence > _index.CommittedSequence;
                // With uncommitted changes, wait only briefly: a pause in the stream is the moment to commit.
                using var pause = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                if (uncommitted)
                    pause.CancelAfter(options.CommitWhenIdleFor);
                else
                    MergeWhenIdle();
                try
                {
                    await _signal.Reader.WaitToReadAsync(pause.Token).ConfigureAwait(false);
                    _signal.Reader.TryRead(out _);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    lock (_writing)
                        Commit();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            lock (_writing)
                if (_index.AppliedSequence > _index.CommittedSequence)
                    Commit();
        }
    }

    /// <summary>Applies every pending archive change; returns how many were applied.</summary>
    public int CatchUp(CancellationToken cancellationToken = default)
    {
        var applied = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            int count;
            lock (_writing)
                count = ApplyNextBatch(_index, refresh: true);
            if (count == 0)
                break;
            applied += count;
        }
        return applied;
    }

    /// <summary>
    /// Runs <paramref name="action"/> while no batch is being applied, handing it the index being
    /// fed; what it returns becomes the index fed from then on. This is how a reindex catches its
    /// new generation up and switches the feeder to it without losing a change.
    /// </summary>
    public void Exclusive(Func<SearchIndex, SearchIndex> action)
    {
        lock (_writing)
        {
            var next = action(_index);
            if (ReferenceEquals(next, _index))
                return;
            _index = next;
            Publish(next.AppliedSequence);
        }
    }

    /// <summary>
    /// Applies the next batch of archive changes to <paramref name="target"/>, and makes it visible
    /// when asked (a generation being rebuilt is not searched, so it skips the refresh).
    /// </summary>
    internal int ApplyNextBatch(SearchIndex target, bool refresh)
    {
        var entries = archive.ReadAfter(target.AppliedSequence, options.BatchSize);
        if (entries.Count == 0)
            return 0;
        Apply(target, entries);
        if (refresh)
            target.Refresh();
        if (ReferenceEquals(target, _index))
        {
            Publish(target.AppliedSequence);
            if (Stopwatch.GetElapsedTime(_lastCommitTicks) >= options.MaxCommitInterval)
                Commit();
        }
        return entries.Count;
    }

    /// <summary>Applies archive changes to <paramref name="target"/>, logging any document Lucene refused.</summary>
    internal void Apply(SearchIndex target, IReadOnlyList<ArchiveEntry> entries)
    {
        foreach (var (id, reason) in target.Apply(entries))
            _logger.LogError("Document {Id} could not be indexed and was skipped: {Reason}", id, reason);
    }

    /// <summary>
    /// An index fed batch by batch gains a segment at every refresh, and Lucene's merge policy keeps
    /// about ten a size tier: a pause in the stream is the moment to merge the small ones, so that
    /// searches pay one term lookup a segment on a few segments only.
    /// </summary>
    private void MergeWhenIdle()
    {
        if (!HoldMerges)
            MergeInBackground(options.IdleSegments);
    }

    /// <summary>Merges the index fed now down to <paramref name="segments"/> segments on a thread of its own (<see cref="SearchIndex.MergeDown"/>).</summary>
    internal void MergeInBackground(int segments)
    {
        var index = _index;
        if (index.SegmentCount() <= segments)
            return;
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
            catch (Exception e)
            {
                // Searches stay right on more segments, only slower; the next pause tries again.
                _logger.LogWarning(e, "Merging the index down to {Segments} segments failed", segments);
            }
        });
    }

    /// <summary>
    /// While a rebuild runs, the index fed now is about to be replaced: merging it would only take a
    /// core from the rebuild.
    /// </summary>
    internal bool HoldMerges
    {
        get => Volatile.Read(ref _holdMerges);
        set => Volatile.Write(ref _holdMerges, value);
    }

    private void Commit()
    {
        _index.Commit();
        _lastCommitTicks = Stopwatch.GetTimestamp();
        _logger.LogDebug("Committed the index at archive sequence {Sequence}", _index.CommittedSequence);
    }

    private void Publish(long sequence)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            Interlocked.Exchange(ref _visibleSequence, sequence);
            done = _progress;
            _progress = NewProgress();
        }
        done.TrySetResult();
    }

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
