namespace Search.Client.Contracts;

/// <summary>The answer to <c>POST /api/admin/reindex</c>: the job that rebuilds the index.</summary>
public sealed record ReindexStarted(string JobId);

/// <summary>How a rebuild of the index is going (<c>GET /api/admin/reindex/{jobId}</c>).</summary>
/// <param name="State"><c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="Processed">Archive rows read into the new generation so far.</param>
/// <param name="Total">Archive rows to read (grows with documents accepted during the rebuild).</param>
/// <param name="EstimatedSecondsRemaining">At the current pace; null before there is a pace.</param>
public sealed record ReindexStatus(
    string JobId,
    string State,
    long Generation,
    long Processed,
    long Total,
    double DocumentsPerSecond,
    double? EstimatedSecondsRemaining,
    double ElapsedSeconds,
    string Reason,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error);

/// <summary>The engine as administrators see it (<c>GET /api/admin/stats</c>).</summary>
/// <param name="Pending">Documents accepted but not yet in the current generation.</param>
/// <param name="Reindex">The rebuild running now, if any.</param>
public sealed record AdminStats(
    long ArchiveDocuments,
    long IndexDocuments,
    long Generation,
    string AnalyzerVersion,
    string IndexAnalyzerVersion,
    long IndexSizeBytes,
    DateTimeOffset? LastCommit,
    long Pending,
    ReindexStatus? Reindex);
