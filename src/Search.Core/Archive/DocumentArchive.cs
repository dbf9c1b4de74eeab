using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Search.Core.Archive;

/// <summary>
/// The archive of record: every accepted document, durable before it is acknowledged, in SQLite or
/// PostgreSQL (<see cref="ArchiveDatabase"/>). Each write gets the next sequence number, so an index can
/// remember how far it has read (<see cref="ReadAfter"/>) and catch up after a crash, or follow the
/// writes of other nodes. The index is derived from this, never the other way round.
/// </summary>
internal sealed partial class DocumentArchive : IDisposable
{
    private const string Columns = "seq, id, deleted, title, date, body, source, lang, category, url";

    private readonly ArchiveDatabase _database;

    /// <summary>Takes <paramref name="database"/> over: it is disposed with the archive.</summary>
    public DocumentArchive(ArchiveDatabase database)
    {
        _database = database;
        using var connection = database.OpenReader();
        _graph = database.Shared ? null : LinkGraph.Read(connection);
        _hasLinks = _graph?.HasLinks ?? AnyVersionLink(connection);
    }

    /// <summary>Where the archive is kept, for what shares it (saved searches and their outbox).</summary>
    public ArchiveDatabase Database => _database;

    /// <summary>The sequence number of the latest change (0 for an empty archive).</summary>
    public long LastSequence => _database.LastSequence;

    /// <summary>Stores the documents in one transaction (a document with a known id replaces it) and returns the last sequence number.</summary>
    public long Store(IReadOnlyList<DocumentRecord> documents) => Write(documents).LastSequence;

    /// <summary>
    /// Stores the documents like <see cref="Store"/> and says which of them replaced a document the
    /// archive held (a deleted one does not count: it was no longer held).
    /// </summary>
    public ArchiveWrite Write(IReadOnlyList<DocumentRecord> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return _database.Write(sequenced: true, write =>
        {
            // Asked of the whole write at once, and the links cleared at once: a statement less a document
            // is a round trip less with PostgreSQL (1,400 documents a second through the API before, on loopback).
            var held = HeldAmong(write, documents);
            using var links = new LinkWriter(this, write);
            links.Clear(documents);
            using var command = write.Command("""
                INSERT INTO documents (seq, id, deleted, title, date, body, source, lang, category, url, stored)
                VALUES (@seq, @id, 0, @title, @date, @body, @source, @lang, @category, @url, @stored)
                ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, deleted = 0, title = excluded.title,
                    date = excluded.date, body = excluded.body, source = excluded.source, lang = excluded.lang,
                    category = excluded.category, url = excluded.url, stored = excluded.stored
                """);
            command.With("@stored", StoredNow());
            var seq = command.Parameter("@seq", DbType.Int64);
            var id = command.Parameter("@id", DbType.String);
            var title = command.Parameter("@title", DbType.String);
            var date = command.Parameter("@date", DbType.String);
            var body = command.Parameter("@body", DbType.String);
            var source = command.Parameter("@source", DbType.String);
            var lang = command.Parameter("@lang", DbType.String);
            var category = command.Parameter("@category", DbType.String);
            var url = command.Parameter("@url", DbType.String);
            command.Prepare();

            var next = write.LastSequence;
            var replaced = new List<int>();
            var written = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i];
                // The same id again in this write replaces what it wrote a moment ago.
                var again = !written.Add(document.Id);
                if (again || held.Contains(document.Id))
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
                if (again)
                    links.Replace(document.Id, document.Translations, document.Url);
                else
                    links.Insert(document.Id, document.Translations, document.Url);
            }
            if (documents.Count > 0)
                write.Advanced = next;
            return new ArchiveWrite(next, replaced);
        });
    }

    /// <summary>Marks a document deleted (kept as a tombstone so the index learns of it); false when unknown.</summary>
    public bool Delete(string id) => _database.Write(sequenced: true, write =>
    {
        using var command = write.Command("UPDATE documents SET seq = @seq, deleted = 1, body = '', title = '' WHERE id = @id AND deleted = 0")
            .With("@seq", write.LastSequence + 1).With("@id", id);
        if (command.ExecuteNonQuery() == 0)
            return false;
        using (var links = new LinkWriter(this, write))
            links.Replace(id, [], url: null);
        write.Advanced = write.LastSequence + 1;
        return true;
    });

    /// <summary>Which of the documents' ids the archive holds now (deleted ones are not held).</summary>
    private static HashSet<string> HeldAmong(ArchiveTransaction write, IReadOnlyList<DocumentRecord> documents)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ids, list) in SqlCommands.IdLists(documents.Select(d => d.Id)))
        {
            using var command = write.Command($"SELECT id FROM documents WHERE deleted = 0 AND id IN ({list})").WithIds(ids);
            command.ReadFirstColumnInto(held);
        }
        return held;
    }

    public DocumentRecord? Get(string id)
    {
        using var connection = _database.OpenReader();
        using var command = connection.Command($"SELECT {Columns} FROM documents WHERE id = @id AND deleted = 0").With("@id", id);
        DocumentRecord document;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
                return null;
            document = ReadEntry(reader).Document!;
        }
        // One statement at a time on a connection: PostgreSQL's reader must be closed first.
        return document with { Translations = TranslationsOf(connection, id) };
    }

    /// <summary>The changes after <paramref name="sequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<ArchiveEntry> ReadAfter(long sequence, int limit)
    {
        using var connection = _database.OpenReader();
        using var command = connection.Command($"SELECT {Columns} FROM documents WHERE seq > @seq ORDER BY seq LIMIT @limit")
            .With("@seq", sequence).With("@limit", limit);
        using var reader = command.ExecuteReader();
        var entries = new List<ArchiveEntry>();
        while (reader.Read())
            entries.Add(ReadEntry(reader));
        return entries;
    }

    /// <summary>How many changes lie after <paramref name="sequence"/> (what the index has still to read).</summary>
    public long CountAfter(long sequence)
    {
        using var connection = _database.OpenReader();
        using var command = connection.Command("SELECT COUNT(*) FROM documents WHERE seq > @seq").With("@seq", sequence);
        return command.ScalarInt64();
    }

    /// <summary>Documents held (deleted ones not counted).</summary>
    public long Count()
    {
        using var connection = _database.OpenReader();
        using var command = connection.Command("SELECT COUNT(*) FROM documents WHERE deleted = 0");
        return command.ScalarInt64();
    }

    public void Dispose() => _database.Dispose();

    private static ArchiveEntry ReadEntry(DbDataReader reader)
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
}
