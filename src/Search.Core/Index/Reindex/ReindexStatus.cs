namespace Search.Core.Index.Reindex;

/// <summary>A rebuild of the index from the archive, as it stood when asked.</summary>
/// <param name="Generation">The generation being (or that was) built.</param>
/// <param name="Total">Archive changes to read (raised by documents arriving meanwhile).</param>
/// <param name="EstimatedRemaining">Time left at the current pace; null before there is a pace, zero once finished.</param>
/// <param name="Reason">Why it was started: an administrator's request, or an analyzer change.</param>
public sealed record ReindexStatus(
    string Id,
    ReindexState State,
    long Generation,
    long Processed,
    long Total,
    double DocumentsPerSecond,
    TimeSpan? EstimatedRemaining,
    TimeSpan Elapsed,
    string Reason,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error);
