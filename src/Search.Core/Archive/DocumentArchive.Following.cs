using System.Globalization;

namespace Search.Core.Archive;

/// <summary>
/// What following a search needs of the archive: when each document was stored (an undated document's
/// time in a feed), the documents of a page of hits in one read (an export, a feed, an alert), and the
/// ids changed in a range of sequence numbers (what a saved search has not been matched against yet).
/// </summary>
internal sealed partial class DocumentArchive
{
    private const string StoredFormat = "yyyy-MM-dd'T'HH:mm:ss.fffK";

    /// <summary>Now, as a document's time of storing is written.</summary>
    public static string StoredNow() => DateTimeOffset.UtcNow.ToString(StoredFormat, CultureInfo.InvariantCulture);

    /// <summary>A <c>stored</c> column's time, as <see cref="StoredNow"/> wrote it.</summary>
    public static DateTimeOffset ParseStored(string stored) =>
        DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The held documents with these ids and when each was stored, by id (ids the archive does not hold are left out).</summary>
    public Dictionary<string, (DocumentRecord Document, DateTimeOffset Stored)> GetMany(IReadOnlyCollection<string> ids)
    {
        var found = new Dictionary<string, (DocumentRecord, DateTimeOffset)>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
            return found;
        using var connection = _database.OpenReader();
        var hasLinks = HasVersionLinks;
        foreach (var (slice, list) in SqlCommands.IdLists(ids))
        {
            using var command = connection.Command($"SELECT {Columns}, stored FROM documents WHERE deleted = 0 AND id IN ({list})").WithIds(slice);
            using var reader = command.ExecuteReader();
            var read = new List<(DocumentRecord, DateTimeOffset)>();
            while (reader.Read())
            {
                var stored = reader.IsDBNull(10) ? DateTimeOffset.UnixEpoch : ParseStored(reader.GetString(10));
                read.Add((ReadEntry(reader).Document!, stored));
            }
            reader.Close();
            foreach (var (document, stored) in read)
            {
                // Its version links, for an export that is sent back whole; read only once any document has one.
                var whole = hasLinks ? document with { Translations = TranslationsOf(connection, document.Id) } : document;
                found[document.Id] = (whole, stored);
            }
        }
        return found;
    }

    /// <summary>The held documents changed after <paramref name="after"/> up to <paramref name="through"/>, oldest first, at most <paramref name="limit"/>: their sequence and id.</summary>
    public IReadOnlyList<(long Sequence, string Id)> IdsBetween(long after, long through, int limit)
    {
        using var connection = _database.OpenReader();
        using var command = connection.Command("SELECT seq, id FROM documents WHERE seq > @after AND seq <= @through AND deleted = 0 ORDER BY seq LIMIT @limit")
            .With("@after", after).With("@through", through).With("@limit", limit);
        using var reader = command.ExecuteReader();
        var ids = new List<(long, string)>();
        while (reader.Read())
            ids.Add((reader.GetInt64(0), reader.GetString(1)));
        return ids;
    }
}
