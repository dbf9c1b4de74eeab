using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Search.Core.Archive;

/// <summary>
/// The archive in one SQLite file of the data folder (<c>archive.db</c>), written by this process alone:
/// documents through one connection, saved searches and their outbox through another, each taking its
/// turn under a lock; the last sequence number is kept in memory, since nothing else writes.
/// </summary>
internal sealed class SqliteArchiveDatabase : ArchiveDatabase
{
    private readonly string _connectionString;
    private readonly SqliteConnection _documents;
    private readonly SqliteConnection _following;
    private readonly Lock _documentsLock = new();
    private readonly Lock _followingLock = new();
    private long _lastSequence;

    public SqliteArchiveDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        KeepPrivate(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _documents = new SqliteConnection(_connectionString);
        _documents.Open();
        // WAL lets searches read while a batch is written; FULL makes a commit survive power loss,
        // which is what a 202 promises.
        _documents.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        _documents.Execute(ArchiveSchema.Sqlite.Documents);
        AddStoredColumn();
        _following = new SqliteConnection(_connectionString);
        _following.Open();
        // NORMAL (per connection; documents keep FULL on theirs): in WAL mode a commit survives the process
        // dying, and on a power loss the last commits may be undone whole. For saved searches that means work
        // done again, never lost: a round's alerts and the sequence it advanced to are one transaction (the
        // documents are matched again), and a delivery whose mark is undone is sent again under its key.
        // FULL cost an fsync a delivered alert, which a burst of thousands of alerts felt.
        _following.Execute("PRAGMA synchronous = NORMAL;" + ArchiveSchema.Sqlite.Following);
        // An outbox written before alerts were described at sending time has every alert's documents already.
        if (!HasColumn(_following, "alerts", "ids"))
            _following.Execute("ALTER TABLE alerts ADD COLUMN ids TEXT");
        using var max = _documents.Command("SELECT COALESCE(MAX(seq), 0) FROM documents");
        _lastSequence = max.ScalarInt64();
    }

    public override bool Shared => false;

    public override long LastSequence => Interlocked.Read(ref _lastSequence);

    public override DbConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public override T Write<T>(bool sequenced, Func<ArchiveTransaction, T> write)
    {
        var (connection, gate) = sequenced ? (_documents, _documentsLock) : (_following, _followingLock);
        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            var scope = new ArchiveTransaction(connection, transaction, sequenced ? _lastSequence : 0);
            var result = write(scope);
            transaction.Commit();
            if (scope.Advanced is { } last)
                Interlocked.Exchange(ref _lastSequence, last);
            scope.Committed();
            return result;
        }
    }

    /// <summary>One process writes this archive: it always leads.</summary>
    public override bool HoldsLead() => true;

    /// <summary>
    /// SQLite's online backup: one step over every page inside one read transaction of the archive, so the copy
    /// is the archive as of one commit, while its writer goes on (WAL readers do not block it). The copy is
    /// readable by its owner only (it holds every document and saved search) and is one self-contained file.
    /// </summary>
    public override bool BackupTo(string destinationPath)
    {
        if (!OperatingSystem.IsWindows())
            new FileStream(destinationPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }).Dispose();
        using var source = OpenReader();
        // Unpooled: the copy is let go of when it is done, whatever the archive's own pool keeps.
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationPath, Pooling = false }.ToString());
        destination.Open();
        ((SqliteConnection)source).BackupDatabase(destination);
        // The copy takes the archive's WAL mode with its pages; back to a rollback journal, it can be sent,
        // stored and restored alone, with no -wal beside it.
        destination.Execute("PRAGMA journal_mode = DELETE");
        return true;
    }

    public override void Dispose()
    {
        _following.Dispose();
        _documents.Dispose();
        SqliteConnection.ClearPool(_documents);
    }

    /// <summary>
    /// Adds the <c>stored</c> column to an archive written before it; the documents it already held
    /// are taken as stored now, once, so that their time stays the same from then on.
    /// </summary>
    private void AddStoredColumn()
    {
        if (HasColumn(_documents, "documents", "stored"))
            return;
        using var transaction = _documents.BeginTransaction();
        using var alter = _documents.Command("ALTER TABLE documents ADD COLUMN stored TEXT; UPDATE documents SET stored = @now");
        alter.Transaction = transaction;
        alter.With("@now", DocumentArchive.StoredNow());
        alter.ExecuteNonQuery();
        transaction.Commit();
    }

    private static bool HasColumn(SqliteConnection connection, string table, string column)
    {
        using var command = connection.Command($"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = @column").With("@column", column);
        return command.ScalarInt64() > 0;
    }

    /// <summary>
    /// The archive is readable by its owner only: created so before SQLite opens it (SQLite gives its
    /// WAL and shared-memory files the database's permissions), and made so if an older one was not.
    /// </summary>
    private static void KeepPrivate(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(path))
            new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = ownerOnly }).Dispose();
        foreach (var file in (string[])[path, path + "-wal", path + "-shm"])
        {
            try
            {
                if (File.Exists(file) && (File.GetUnixFileMode(file) & ~ownerOnly) != 0)
                    File.SetUnixFileMode(file, ownerOnly);
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's archive, given to this process to use: its owner decides who reads it.
            }
        }
    }
}
