using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Core.Archive;

namespace Search.Core.Indexing;

/// <summary>
/// Carries archive changes into the index: from the index's checkpoint, in batches, refreshing
/// searchers after each batch (so accepted documents become searchable at once) and committing
/// when the stream pauses or every <see cref="IndexFeederOptions.MaxCommitInterval"/>, so a crash
/// replays at most that much from the archive.
/// </summary>
public sealed class IndexFeeder(DocumentArchive archive, SearchIndex index, IndexFeederOptions options, ILogger<IndexFeeder>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<IndexFeeder>.Instance;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private TaskCompletionSource _progress = NewProgress();
    private long _visibleSequence = index.AppliedSequence;
    private long _lastCommitTicks = Stopwatch.GetTimestamp();

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
                var uncommitted = index.AppliedSequence > index.CommittedSequence;
                // With uncommitted changes, wait only briefly: a pause in the stream is the moment to commit.
                using var pause = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                if (uncommitted)
                    pause.CancelAfter(options.CommitWhenIdleFor);
                try
                {
                    await _signal.Reader.WaitToReadAsync(pause.Token).ConfigureAwait(false);
                    _signal.Reader.TryRead(out _);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    Commit();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (index.AppliedSequence > index.CommittedSequence)
                Commit();
        }
    }

    /// <summary>Applies every pending archive change; returns how many were applied.</summary>
    public int CatchUp(CancellationToken cancellationToken = default)
    {
        var applied = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var entries = archive.ReadAfter(index.AppliedSequence, options.BatchSize);
            if (entries.Count == 0)
                break;
            foreach (var (id, reason) in index.Apply(entries))
                _logger.LogError("Document {Id} could not be indexed and was skipped: {Reason}", id, reason);
            index.Refresh();
            applied += entries.Count;
            Publish(index.AppliedSequence);
            if (Stopwatch.GetElapsedTime(_lastCommitTicks) >= options.MaxCommitInterval)
                Commit();
        }
        if (applied > 0)
            _logger.LogDebug("Indexed {Count} archive changes up to sequence {Sequence}", applied, index.AppliedSequence);
        return applied;
    }

    private void Commit()
    {
        index.Commit();
        _lastCommitTicks = Stopwatch.GetTimestamp();
        _logger.LogDebug("Committed the index at archive sequence {Sequence}", index.CommittedSequence);
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
