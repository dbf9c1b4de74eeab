namespace Search.Core.Archive;

/// <summary>How long the archive's changes have waited for the index.</summary>
internal sealed partial class DocumentArchive
{
    /// <summary>
    /// When the oldest document stored after <paramref name="sequence"/> was stored; null when none is.
    /// Deletions are not counted: a tombstone keeps its document's first storing time, which would pass an
    /// old document's deletion for a change waiting for months.
    /// </summary>
    public DateTimeOffset? OldestStoredAfter(long sequence)
    {
        using var connection = _database.OpenReader();
        using var command = connection.Command("SELECT stored FROM documents WHERE seq > @seq AND deleted = 0 ORDER BY seq LIMIT 1")
            .With("@seq", sequence);
        return command.ExecuteScalar() is string stored ? ParseStored(stored) : null;
    }
}
