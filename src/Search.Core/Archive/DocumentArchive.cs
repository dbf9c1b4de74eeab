using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Search.Core.Archive;

/// <summary>
/// The archive of record: every accepted document, durable in SQLite before it is acknowledged.
/// Each write gets the next sequence number, so the index can remember how far it has read
/// (<see cref="ReadAfter"/>) and catch up after a crash. The index is derived from this, never the
/// other way round.
/// </summary>
internal sealed partial class DocumentArchive : IDisposable
{
    private const string Columns = "seq, id, deleted, title, date, body, source, lang, category, url";

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();
    private long _lastSequence;

    public DocumentArchive(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        KeepPrivate(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        // WAL lets searches read while a batch is written; FULL makes a commit survive power loss,
        // which is what a 202 promises. The sequence is the row id, so reading the archive in order
        // of change (a reindex reads all of it) walks the table itself.
        Execute(_writer, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS documents (
                seq      INTEGER PRIMARY KEY,
                id       TEXT    NOT NULL UNIQUE,
                deleted  INTEGER NOT NULL DEFAULT 0,
                title    TEXT    NOT NULL,
                date     TEXT,
                body     TEXT    NOT NULL,
                source   TEXT    NOT NULL,
                lang     TEXT    NOT NULL,
                category TEXT,
                url      TEXT
            );
            CREATE INDEX IF NOT EXISTS documents_deleted ON documents (deleted);
            CREATE INDEX IF NOT EXISTS documents_url ON documents (url);
            """);
        CreateVersionLinks(_writer);
        AddStoredColumn(_writer);
        using var max = _writer.CreateCommand();
        max.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM documents";
        _lastSequence = (long)max.ExecuteScalar()!;
    }

    /// <summary>The sequence number of the latest change (0 for an empty archive).</summary>
    public long LastSequence => Interlocked.Read(ref _lastSequence);

    /// <summary>Stores the documents in one transaction (a document with a known id replaces it) and returns the last sequence number.</summary>
    public long Store(IReadOnlyList<DocumentRecord> documents) => Write(documents).LastSequence;

    /// <summary>
    /// Stores the documents like <see cref="Store"/> and says which of them replaced a document the
    /// archive held (a deleted one does not count: it was no longer held).
    /// </summary>
    public ArchiveWrite Write(IReadOnlyList<DocumentRecord> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lock (_writeLock)
        {
            using var transaction = _writer.BeginTransaction();
            using var held = _writer.CreateCommand();
            held.Transaction = transaction;
            held.CommandText = "SELECT 1 FROM documents WHERE id = $id AND deleted = 0";
            var heldId = held.Parameters.Add("$id", SqliteType.Text);
            held.Prepare();
            using var command = _writer.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO documents (seq, id, deleted, title, date, body, source, lang, category, url, stored)
                VALUES ($seq, $id, 0, $title, $date, $body, $source, $lang, $category, $url, $stored)
                ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, deleted = 0, title = excluded.title,
                    date = excluded.date, body = excluded.body, source = excluded.source, lang = excluded.lang,
                    category = excluded.category, url = excluded.url, stored = excluded.stored
                """;
            command.Parameters.AddWithValue("$stored", StoredNow());
            var seq = command.Parameters.Add("$seq", SqliteType.Integer);
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var title = command.Parameters.Add("$title", SqliteType.Text);
            var date = command.Parameters.Add("$date", SqliteType.Text);
            var body = command.Parameters.Add("$body", SqliteType.Text);
            var source = command.Parameters.Add("$source", SqliteType.Text);
            var lang = command.Parameters.Add("$lang", SqliteType.Text);
            var category = command.Parameters.Add("$category", SqliteType.Text);
            var url = command.Parameters.Add("$url", SqliteType.Text);
            command.Prepare();

            using var links = new LinkWriter(this, _writer, transaction);
            var next = _lastSequence;
            var replaced = new List<int>();
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                heldId.Value = document.Id;
                if (held.ExecuteScalar() is not null)
                    replaced.Add(i);
                seq.Value = ++next;
                id.Value = document.Id;
                title.Value = document.Title;
                date.Value = (object?)document.IsoDate ?? DBNull.Value;
                body.Value = document.Body;
                source.Value = document.Source;
                lang.Value = document.Lang ?? "";
                category.Value = (object?)document.Category ?? DBNull.Value;
                url.Value = (object?)document.Url ?? DBNull.Value;
                command.ExecuteNonQuery();
                links.Replace(document.Id, document.Translations);
            }
            transaction.Commit();
            Interlocked.Exchange(ref _lastSequence, next);
            return new ArchiveWrite(next, replaced);
        }
    }

    /// <summary>Marks a document deleted (kept as a tombstone so the index learns of it); false when unknown.</summary>
    public bool Delete(string id)
    {
        lock (_writeLock)
        {
            using var transaction = _writer.BeginTransaction();
            using var command = _writer.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE documents SET seq = $seq, deleted = 1, body = '', title = '' WHERE id = $id AND deleted = 0";
            command.Parameters.AddWithValue("$seq", _lastSequence + 1);
            command.Parameters.AddWithValue("$id", id);
            if (command.ExecuteNonQuery() == 0)
                return false;
            using (var links = new LinkWriter(this, _writer, transaction))
                links.Replace(id, []);
            transaction.Commit();
            Interlocked.Increment(ref _lastSequence);
            return true;
        }
    }

    public DocumentRecord? Get(string id)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM documents WHERE id = $id AND deleted = 0";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEntry(reader).Document! with { Translations = TranslationsOf(connection, id) } : null;
    }

    /// <summary>The changes after <paramref name="sequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<ArchiveEntry> ReadAfter(long sequence, int limit)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM documents WHERE seq > $seq ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$seq", sequence);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var entries = new List<ArchiveEntry>();
        while (reader.Read())
            entries.Add(ReadEntry(reader));
        return entries;
    }

    /// <summary>How many changes lie after <paramref name="sequence"/> (what the index has still to read).</summary>
    public long CountAfter(long sequence)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM documents WHERE seq > $seq";
        command.Parameters.AddWithValue("$seq", sequence);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Documents held (deleted ones not counted).</summary>
    public long Count()
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM documents WHERE deleted = 0";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        _writer.Dispose();
        SqliteConnection.ClearPool(_writer);
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

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static ArchiveEntry ReadEntry(SqliteDataReader reader)
    {
        var sequence = reader.GetInt64(0);
        var id = reader.GetString(1);
        if (reader.GetInt64(2) != 0)
            return new ArchiveEntry(sequence, id, null);
        DateOnly? date = reader.IsDBNull(4)
            ? null
            : DateOnly.ParseExact(reader.GetString(4), DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture);
        return new ArchiveEntry(sequence, id, new DocumentRecord(
            id,
            reader.GetString(3),
            date,
            reader.GetString(5),
            reader.GetString(6),
            reader.GetString(7) is { Length: > 0 } given ? given : null,
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9)));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
