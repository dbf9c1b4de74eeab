using Microsoft.Data.Sqlite;

namespace Search.Core.Archive;

/// <summary>
/// A connection of its own to an archive database, for work beside the archive's own connections (a
/// backup, the indexing lag): unpooled, so it lets go of the file when disposed, whatever the
/// archive's pool does when the engine closes.
/// </summary>
internal static class ArchiveFile
{
    public static SqliteConnection Open(string databasePath, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
