using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Search.Core.Index.Reindex;

/// <summary>
/// Fills a rebuild's generation from its prepared batches on every core, as one stream of documents.
/// Applied a batch at a time (<see cref="SearchIndex.Apply"/>), the thread whose
/// document filled the indexing buffer writes the segment out itself, for a second or more, and the other
/// waited for it at the end of the batch: 1.80 of the two cores were busy over a rebuild of the corpus.
/// Here the other thread goes on into the next batch; batches are finished (<see cref="SearchIndex.Finish"/>)
/// in the order they were prepared, as the last of their documents is in.
/// </summary>
internal sealed class StreamedFilling
{
    private readonly SearchIndex _target;
    private readonly ChannelReader<SearchIndex.PreparedBatch> _batches;
    private readonly Action<SearchIndex.PreparedBatch, IReadOnlyCollection<(string Id, string Reason)>> _finished;
    private readonly CancellationTokenSource _stop;
    private readonly Lock _taking = new();
    private readonly Lock _finishing = new();
    private readonly Queue<Pending> _unfinished = new();
    private Pending? _current;

    private StreamedFilling(SearchIndex target, ChannelReader<SearchIndex.PreparedBatch> batches,
        Action<SearchIndex.PreparedBatch, IReadOnlyCollection<(string Id, string Reason)>> finished, CancellationToken cancellationToken)
    {
        _target = target;
        _batches = batches;
        _finished = finished;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>
    /// Indexes every batch <paramref name="batches"/> gives until it completes, calling <paramref name="finished"/>
    /// (one call at a time, in order) with each batch and the documents Lucene refused in it. Fails with the first
    /// failure of reading or indexing, every indexing thread stopped; cancelled, stops between two documents.
    /// </summary>
    public static async Task RunAsync(SearchIndex target, ChannelReader<SearchIndex.PreparedBatch> batches,
        Action<SearchIndex.PreparedBatch, IReadOnlyCollection<(string Id, string Reason)>> finished, CancellationToken cancellationToken)
    {
        var filling = new StreamedFilling(target, batches, finished, cancellationToken);
        using (filling._stop)
        {
            // Threads of their own: they wait for the next batch blocking, and each keeps a core busy for the whole rebuild.
            var threads = Enumerable.Range(0, Environment.ProcessorCount)
                .Select(_ => Task.Factory.StartNew(filling.Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                .ToArray();
            try
            {
                await Task.WhenAll(threads);
            }
            catch (OperationCanceledException)
            {
                // One thread's failure cancels the others: that failure is the one to report.
                if (threads.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) is { } cause)
                    ExceptionDispatchInfo.Throw(cause);
                throw;
            }
        }
    }

    private void Work()
    {
        try
        {
            while (Take() is ({ } pending, var position))
            {
                _target.Index(pending.Batch, position, pending.Refused);
                if (Interlocked.Decrement(ref pending.Remaining) == 0)
                    FinishInOrder();
            }
        }
        catch
        {
            _stop.Cancel();
            throw;
        }
    }

    /// <summary>The next document to index, from the batch being handed out or the next one; none once the batches are done.</summary>
    private (Pending?, int) Take()
    {
        lock (_taking)
        {
            while (_current is null || _current.Next == _current.Batch.Entries.Count)
            {
                _stop.Token.ThrowIfCancellationRequested();
                if (!_batches.TryRead(out var batch))
                {
                    // Blocking this thread is what it is for; the other waits for the lock, and would wait for the batch anyway.
                    if (!_batches.WaitToReadAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
                        return (null, 0);
                    continue;
                }
                if (batch.Entries.Count == 0)
                    continue;
                _current = new Pending(batch);
                lock (_finishing)
                    _unfinished.Enqueue(_current);
            }
            _stop.Token.ThrowIfCancellationRequested();
            return (_current, _current.Next++);
        }
    }

    /// <summary>Finishes every batch at the head of the queue whose documents are all in.</summary>
    private void FinishInOrder()
    {
        lock (_finishing)
        {
            while (_unfinished.TryPeek(out var head) && Volatile.Read(ref head.Remaining) == 0)
            {
                _unfinished.Dequeue();
                _target.Finish(head.Batch);
                _finished(head.Batch, head.Refused);
            }
        }
    }

    private sealed class Pending(SearchIndex.PreparedBatch batch)
    {
        public SearchIndex.PreparedBatch Batch { get; } = batch;

        public ConcurrentBag<(string Id, string Reason)> Refused { get; } = [];

        /// <summary>Position of the next document to hand out (under the taking lock).</summary>
        public int Next;

        /// <summary>Documents handed out or not yet, not indexed yet.</summary>
        public int Remaining = batch.Entries.Count;
    }
}
