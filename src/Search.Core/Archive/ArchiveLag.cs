using Microsoft.Data.Sqlite;

namespace Search.Core.Archive;

/// <summary>How long the archive's changes have waited for the index.</summary>
internal static class ArchiveLag
{
    /// <summary>
    /// Seconds since the oldest document stored after <paramref name="sequence"/> was stored, by SQLite's
    /// clock; null when none is. Deletions are not counted: a tombstone keeps its document's first storing
    /// time, which would pass an old document's deletion for a change waiting for months.
    /// </summary>
    public static double? SecondsSinceOldestAfter(string databasePath, long sequence)
    {
        using var connection = ArchiveFile.Open(databasePath, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (julianday('now') - julianday(stored)) * 86400.0 FROM documents WHERE seq > $seq AND deleted = 0 ORDER BY seq LIMIT 1";
        command.Parameters.AddWithValue("$seq", sequence);
        return command.ExecuteScalar() is double seconds ? seconds : null;
    }
}
