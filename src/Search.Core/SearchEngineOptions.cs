using Search.Core.Ingest;
using Search.Core.Ingest.Pages;

namespace Search.Core;

/// <summary>How an engine indexes and what it accepts.</summary>
/// <param name="BatchSize">Archive changes read and applied at a time.</param>
/// <param name="CommitWhenIdleFor">Commit once no new change has arrived for this long.</param>
/// <param name="MaxCommitInterval">Commit at least this often while changes keep arriving.</param>
/// <param name="IdleSegments">At a pause in the stream, an index of more segments than this is merged down to this many.</param>
public sealed record SearchEngineOptions(int BatchSize, TimeSpan CommitWhenIdleFor, TimeSpan MaxCommitInterval, int IdleSegments = 3)
{
    public static SearchEngineOptions Default { get; } = new(2_000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

    /// <summary>What a document may hold to be accepted.</summary>
    public DocumentLimits Limits { get; init; } = DocumentLimits.Default;

    /// <summary>Largest inbox file once decompressed, in bytes: a small gzip can expand without bound.</summary>
    public long MaxInboxFileBytes { get; init; } = 1L << 30;

    /// <summary>What reading one page may cost: its size, and its time.</summary>
    public PageLimits Pages { get; init; } = PageLimits.Default;

    /// <summary>
    /// The PostgreSQL database (an Npgsql connection string) that holds the archive, shared with other
    /// nodes; null keeps it in SQLite in the data folder (<c>archive.db</c>). Either way the index is the
    /// data folder's own.
    /// </summary>
    public string? PostgresArchive { get; init; }
}
