using Microsoft.Data.Sqlite;

namespace Search.Core.Archive;

/// <summary>A consistent copy of the SQLite archive taken while it is written to, with SQLite's online backup.</summary>
internal static class ArchiveBackup
{
    /// <summary>
    /// Copies the archive at <paramref name="databasePath"/> into a new file at <paramref name="destinationPath"/>,
    /// readable by its owner only (it holds every document and saved search), as one self-contained file.
    /// </summary>
    public static void Copy(string databasePath, string destinationPath)
    {
        if (!OperatingSystem.IsWindows())
            new FileStream(destinationPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }).Dispose();
        using var source = Open(databasePath, SqliteOpenMode.ReadOnly);
        using var destination = Open(destinationPath, SqliteOpenMode.ReadWriteCreate);
        // One backup step over every page, inside one read transaction of the source: the copy is the archive
        // as of one commit, and the archive's writer goes on meanwhile (WAL readers do not block it).
        source.BackupDatabase(destination);
        // The copy takes the archive's WAL mode with its pages; back to a rollback journal, it is one file
        // that can be sent, stored and restored alone, with no -wal beside it.
        using var journal = destination.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode = DELETE";
        journal.ExecuteNonQuery();
    }

    // Unpooled: both files are let go of when the copy is done, whatever the archive's own pool does.
    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
