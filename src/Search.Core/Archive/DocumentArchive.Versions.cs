using System.Data;
using System.Data.Common;
using Search.Core.Ingest.Pages;
using Search.Core.Languages;

namespace Search.Core.Archive;

/// <summary>
/// Versions in other languages: each document's links (<see cref="DocumentRecord.Translations"/>) are kept
/// as it states them, written with it in one transaction, and resolved only when asked, both ways: a
/// document's versions are the documents it links to (by id, or by address: the id a page of that address
/// gets, or a document's <c>url</c>) and those linking to it, and theirs in turn. So links hold whatever
/// order the versions arrive in, and a version deleted or replaced drops out by itself.
/// </summary>
internal sealed partial class DocumentArchive
{
    /// <summary>How many documents one statement's versions may span; links beyond are not followed.</summary>
    private const int MaxVersions = 24;

    /// <summary>Enough of a body to tell its language (<see cref="LanguageDetector"/> reads no more).</summary>
    private const int LanguageSampleChars = 2_000;

    /// <summary>How long a node of a shared archive trusts that no document names a version before it asks again.</summary>
    private static readonly TimeSpan LinkRecheck = TimeSpan.FromSeconds(2);

    private volatile bool _hasLinks;
    private long _linksCheckedAt;

    /// <summary>
    /// False while no document names a version: resolving versions is then skipped. A shared archive gets
    /// links from other nodes too, so there it is asked again, at most every <see cref="LinkRecheck"/>.
    /// </summary>
    public bool HasVersionLinks
    {
        get
        {
            if (_hasLinks || !_database.Shared)
                return _hasLinks;
            var checkedAt = Interlocked.Read(ref _linksCheckedAt);
            if (System.Diagnostics.Stopwatch.GetElapsedTime(checkedAt) < LinkRecheck)
                return false;
            Interlocked.Exchange(ref _linksCheckedAt, System.Diagnostics.Stopwatch.GetTimestamp());
            using var connection = _database.OpenReader();
            return _hasLinks = AnyVersionLink(connection);
        }
    }

    private static bool AnyVersionLink(DbConnection connection)
    {
        using var any = connection.Command("SELECT COUNT(*) FROM (SELECT 1 FROM version_links LIMIT 1) AS any_link");
        return any.ScalarInt64() != 0;
    }

    /// <summary>The document's versions in other languages (never itself), nearest first; empty when it has none.</summary>
    public IReadOnlyList<DocumentVersion> Versions(string id)
    {
        if (!HasVersionLinks)
            return [];
        using var connection = _database.OpenReader();
        return Versions(connection, id);
    }

    /// <summary>
    /// The versions of each of a page of documents (as <see cref="Versions(string)"/>), by id, for those that have
    /// any. One question finds which of them take part in a link, and only those are followed. Resolving each hit
    /// apart, most of them with no link, cost a search on the corpus 0.4 ms once any document had one: p50 1.23–1.25 ms,
    /// against 1.03–1.08 this way and 0.84 with no link at all (<c>Search.Bench queries</c>, <c>perf.py</c>'s searches).
    /// </summary>
    /// <param name="addresses">
    /// The documents' addresses by id as the index keeps them (a search's hits read with their snippets; one without an
    /// address left out), or null to read them from the archive. Read there, past each row's body, the question took
    /// 270 µs a search; given them, 140–160 µs (2% of the corpus linked, <c>Search.Bench build --linked 50</c>, a
    /// throwaway stopwatch around it over <c>perf.py</c>'s searches).
    /// </param>
    public Dictionary<string, IReadOnlyList<DocumentVersion>> VersionsOfEach(IReadOnlyCollection<string> ids, IReadOnlyDictionary<string, string>? addresses = null)
    {
        var versions = new Dictionary<string, IReadOnlyList<DocumentVersion>>(StringComparer.Ordinal);
        if (ids.Count == 0 || !HasVersionLinks)
            return versions;
        using var connection = _database.OpenReader();
        // The ways Neighbours follows, asked only whether they lead anywhere: links from the document, links to its id,
        // and links to its address.
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (slice, list) in SqlCommands.IdLists(ids))
        {
            var toAddress = addresses is null
                ? $"UNION ALL SELECT d.id FROM documents d JOIN version_links l ON l.target = d.url WHERE d.id IN ({list})"
                : "";
            using var command = connection.Command($"""
                SELECT doc_id FROM version_links WHERE doc_id IN ({list})
                UNION ALL SELECT target_id FROM version_links WHERE target_id IN ({list})
                {toAddress}
                """).WithIds(slice);
            command.ReadFirstColumnInto(linked);
        }
        if (addresses is { Count: > 0 })
        {
            var targeted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (slice, list) in SqlCommands.IdLists(addresses.Values))
            {
                using var command = connection.Command($"SELECT target FROM version_links WHERE target IN ({list})").WithIds(slice);
                command.ReadFirstColumnInto(targeted);
            }
            foreach (var (id, address) in addresses)
                if (targeted.Contains(address))
                    linked.Add(id);
        }
        foreach (var id in linked)
            if (Versions(connection, id) is { Count: > 0 } found)
                versions[id] = found;
        return versions;
    }

    /// <summary>Follows the links from <paramref name="id"/> both ways (<see cref="Neighbours"/>), breadth first.</summary>
    private static List<DocumentVersion> Versions(DbConnection connection, string id)
    {
        var found = new List<DocumentVersion>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        var frontier = new Queue<string>([id]);
        while (frontier.TryDequeue(out var current) && seen.Count < MaxVersions)
        {
            foreach (var neighbour in Neighbours(connection, current))
            {
                if (!seen.Add(neighbour))
                    continue;
                if (Describe(connection, neighbour) is { } version)
                {
                    found.Add(version);
                    frontier.Enqueue(neighbour);
                }
            }
        }
        return found;
    }

    /// <summary>The documents <paramref name="id"/> links to and those linking to it (ids; they may be deleted).</summary>
    private static List<string> Neighbours(DbConnection connection, string id)
    {
        using var command = connection.Command("""
            SELECT l.target_id FROM version_links l WHERE l.doc_id = @id
            UNION SELECT d.id FROM version_links l JOIN documents d ON d.url = l.target WHERE l.doc_id = @id AND d.deleted = 0
            UNION SELECT l.doc_id FROM version_links l WHERE l.target_id = @id
            UNION SELECT l.doc_id FROM version_links l JOIN documents d ON l.target = d.url WHERE d.id = @id
            """).With("@id", id);
        var ids = new List<string>();
        command.ReadFirstColumnInto(ids);
        return ids;
    }

    private static DocumentVersion? Describe(DbConnection connection, string id)
    {
        using var command = connection.Command($"SELECT title, lang, substr(body, 1, {LanguageSampleChars}) FROM documents WHERE id = @id AND deleted = 0")
            .With("@id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        var title = reader.GetString(0);
        var lang = reader.GetString(1);
        return new DocumentVersion(DocumentLanguage.ForDocument(lang.Length > 0 ? lang : null, title, reader.GetString(2)), id, title);
    }

    private IReadOnlyList<VersionLink> TranslationsOf(DbConnection connection, string id)
    {
        if (!HasVersionLinks)
            return [];
        using var command = connection.Command("SELECT lang, target FROM version_links WHERE doc_id = @id ORDER BY target").With("@id", id);
        using var reader = command.ExecuteReader();
        var links = new List<VersionLink>();
        while (reader.Read())
            links.Add(new VersionLink(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1)));
        return links;
    }

    /// <summary>Replaces a document's links within the write transaction of the document itself.</summary>
    private sealed class LinkWriter : IDisposable
    {
        private readonly DocumentArchive _archive;
        private readonly DbCommand _delete;
        private readonly DbCommand _insert;
        private readonly ArchiveTransaction _write;

        /// <summary>
        /// Whether a document may have links to remove: not while no document has any, except in a shared
        /// archive, where another node may have given it links this one has not heard of yet.
        /// </summary>
        private bool MayHoldLinks => _archive._hasLinks || _archive._database.Shared;

        public LinkWriter(DocumentArchive archive, ArchiveTransaction write)
        {
            _archive = archive;
            _write = write;
            _delete = write.Command("DELETE FROM version_links WHERE doc_id = @id");
            _delete.Parameter("@id", DbType.String);
            _insert = write.Command("""
                INSERT INTO version_links (doc_id, target, target_id, lang) VALUES (@id, @target, @targetId, @lang)
                ON CONFLICT (doc_id, target) DO UPDATE SET target_id = excluded.target_id, lang = excluded.lang
                """);
            foreach (var name in (string[])["@id", "@target", "@targetId", "@lang"])
                _insert.Parameter(name, DbType.String);
        }

        /// <summary>Replaces a document's links with <paramref name="links"/>.</summary>
        public void Replace(string id, IReadOnlyList<VersionLink> links)
        {
            if (MayHoldLinks)
            {
                _delete.Parameters[0].Value = id;
                _delete.ExecuteNonQuery();
            }
            Insert(id, links);
        }

        /// <summary>Removes the links of the documents about to be written, in one statement a slice.</summary>
        public void Clear(IReadOnlyList<DocumentRecord> documents)
        {
            if (!MayHoldLinks)
                return;
            foreach (var (ids, list) in SqlCommands.IdLists(documents.Select(d => d.Id)))
            {
                using var clear = _write.Command($"DELETE FROM version_links WHERE doc_id IN ({list})").WithIds(ids);
                clear.ExecuteNonQuery();
            }
        }

        /// <summary>Writes links of a document that has none (cleared before).</summary>
        public void Insert(string id, IReadOnlyList<VersionLink> links)
        {
            foreach (var link in links)
            {
                _insert.Parameters[0].Value = id;
                _insert.Parameters[1].Value = link.Target;
                // An address stands for the id a page of that address is stored under.
                _insert.Parameters[2].Value = link.IsAddress ? PageIds.FromUrl(link.Target) : link.Target;
                _insert.Parameters[3].Value = (object?)link.Lang ?? DBNull.Value;
                _insert.ExecuteNonQuery();
            }
            if (links.Count > 0)
                _archive._hasLinks = true;
        }

        public void Dispose()
        {
            _delete.Dispose();
            _insert.Dispose();
        }
    }
}
