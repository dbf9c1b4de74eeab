using System.Text;
using Microsoft.Data.Sqlite;

namespace Search.Cli.Input;

/// <summary>What makes a file an archive backup: a SQLite database holding the archive's documents table.</summary>
public static class ArchiveBackupFile
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>The documents the backup holds, or why it is no archive backup.</summary>
    public static (long? Documents, string? Problem) Check(string path)
    {
        if (!File.Exists(path))
            return (null, $"{path} does not exist.");
        var header = new byte[SqliteHeader.Length];
        using (var file = File.OpenRead(path))
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
                return (null, $"{path} is not a SQLite database.");
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var table = connection.CreateCommand();
            table.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents'";
            if ((long)table.ExecuteScalar()! == 0)
                return (null, $"{path} is a SQLite database but not an archive: it has no documents table.");
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM documents WHERE deleted = 0";
            return ((long)count.ExecuteScalar()!, null);
        }
        catch (SqliteException e)
        {
            return (null, $"{path} cannot be read as an archive: {e.Message}");
        }
    }
}
