using System.Diagnostics;

namespace Search.Core.Index.Reindex;

/// <summary>One rebuild of the index from the archive, and how far it has come.</summary>
internal sealed class ReindexJob
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly long _startedTicks = Stopwatch.GetTimestamp();
    private long _processed;
    private long _finishedTicks;
    private volatile ReindexState _state = ReindexState.Running;

    internal ReindexJob(string id, long generation, long total, string reason)
    {
        Id = id;
        Generation = generation;
        Total = total;
        Reason = reason;
        StartedAt = DateTimeOffset.UtcNow;
    }

    public string Id { get; }

    /// <summary>The generation being built.</summary>
    public long Generation { get; }

    /// <summary>Archive changes to read when the job started (documents arriving meanwhile are added to it).</summary>
    public long Total { get; private set; }

    /// <summary>Why it was started: an administrator's request, or an analyzer change.</summary>
    public string Reason { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Error { get; private set; }

    public ReindexState State => _state;

    public long Processed => Interlocked.Read(ref _processed);

    public TimeSpan Elapsed => _finishedTicks == 0
        ? Stopwatch.GetElapsedTime(_startedTicks)
        : Stopwatch.GetElapsedTime(_startedTicks, _finishedTicks);

    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? Processed / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the current pace; null before there is a pace, zero once finished.</summary>
    public TimeSpan? EstimatedRemaining => State != ReindexState.Running
        ? TimeSpan.Zero
        : DocumentsPerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, Total - Processed) / DocumentsPerSecond) : null;

    internal CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>Asks the job to stop; the current generation keeps serving.</summary>
    public void Cancel() => _cancellation.Cancel();

    /// <summary>Counts applied archive rows; rows that arrived after the start raise the total with them.</summary>
    internal void Advance(int count)
    {
        Interlocked.Add(ref _processed, count);
        Total = Math.Max(Total, Processed);
    }

    /// <summary>How the job stands now, as the engine reports it.</summary>
    public ReindexStatus Status() => new(Id, State, Generation, Processed, Total, DocumentsPerSecond, EstimatedRemaining, Elapsed,
        Reason, StartedAt, FinishedAt, Error);

    internal void Finish(ReindexState state, string? error = null)
    {
        Error = error;
        FinishedAt = DateTimeOffset.UtcNow;
        _finishedTicks = Stopwatch.GetTimestamp();
        _state = state;
    }
}
