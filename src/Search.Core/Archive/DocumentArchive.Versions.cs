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

    /// <summary>The links in memory, where this process is the archive's only writer; null in a shared archive.</summary>
    private readonly LinkGraph? _graph;

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
    public IReadOnlyList<DocumentVersion> Versions(string id) => VersionsOfEach([id]).GetValueOrDefault(id) ?? [];

    /// <summary>
    /// The versions of each of a page of documents (as <see cref="Versions(string)"/>), by id, for those that have
    /// any. Follows the links from each of them both ways, breadth first, a level at a time for all of them: the
    /// neighbours of every walk's level (<see cref="LinkGraph.Neighbours"/>, or a question, <see cref="Neighbours"/>)
    /// and one question for the documents they lead to. Asked for each document apart, a page of ten hits each with one
    /// version took 30 questions and a search 2.2 ms against 0.9 ms with no links (the corpus in pairs,
    /// <c>Search.Bench build --linked 2</c>). In an archive of one writer the links are in memory, and the database is
    /// opened only for documents no walk described before: hits without a link, and pages seen before, cost no question.
    /// </summary>
    public Dictionary<string, IReadOnlyList<DocumentVersion>> VersionsOfEach(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0 || !HasVersionLinks)
            return new Dictionary<string, IReadOnlyList<DocumentVersion>>(StringComparer.Ordinal);
        DbConnection? opened = null;
        DbConnection Connection() => opened ??= _database.OpenReader();
        try
        {
            var walks = ids.Distinct(StringComparer.Ordinal).Select(id => new VersionWalk(id)).ToList();
            while (walks.Where(walk => walk.Level.Count > 0).ToList() is { Count: > 0 } going)
            {
                var level = going.SelectMany(walk => walk.Level);
                var neighbours = _graph?.Neighbours(level) ?? Neighbours(Connection(), level);
                var reached = going.Select(walk => walk.Reach(neighbours)).ToList();
                var ends = reached.SelectMany(found => found);
                var documents = _graph?.Describe(ends, missing => Describe(Connection(), missing)) ?? Describe(Connection(), ends);
                for (var i = 0; i < going.Count; i++)
                    going[i].Advance(reached[i], documents);
            }
            return walks.Where(walk => walk.Versions.Count > 0)
                .ToDictionary(walk => walk.Id, walk => (IReadOnlyList<DocumentVersion>)walk.Versions, StringComparer.Ordinal);
        }
        finally
        {
            opened?.Dispose();
        }
    }

    /// <summary>
    /// The documents each of <paramref name="ids"/> links to and those linking to it (ids; they may be deleted). Only a
    /// link to an address (its <c>target_id</c> the page id standing for it, not the target itself) is matched with
    /// documents' <c>url</c>: a link by id names an id.
    /// </summary>
    private static Dictionary<string, SortedSet<string>> Neighbours(DbConnection connection, IEnumerable<string> ids)
    {
        var neighbours = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (slice, list) in SqlCommands.IdLists(ids))
        {
            using var command = connection.Command($"""
                SELECT l.doc_id, l.target_id FROM version_links l WHERE l.doc_id IN ({list})
                UNION SELECT l.doc_id, d.id FROM version_links l JOIN documents d ON d.url = l.target
                    WHERE l.doc_id IN ({list}) AND l.target <> l.target_id AND d.deleted = 0
                UNION SELECT l.target_id, l.doc_id FROM version_links l WHERE l.target_id IN ({list})
                UNION SELECT d.id, l.doc_id FROM version_links l JOIN documents d ON l.target = d.url
                    WHERE d.id IN ({list}) AND l.target <> l.target_id
                """).WithIds(slice);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var from = reader.GetString(0);
                if (!neighbours.TryGetValue(from, out var of))
                    neighbours[from] = of = new SortedSet<string>(StringComparer.Ordinal);
                of.Add(reader.GetString(1));
            }
        }
        return neighbours;
    }

    /// <summary>The held documents among <paramref name="ids"/>, each as a version: its language and title.</summary>
    private static Dictionary<string, DocumentVersion> Describe(DbConnection connection, IEnumerable<string> ids)
    {
        var documents = new Dictionary<string, DocumentVersion>(StringComparer.Ordinal);
        foreach (var (slice, list) in SqlCommands.IdLists(ids))
        {
            using var command = connection.Command(
                $"SELECT id, title, lang, substr(body, 1, {LanguageSampleChars}) FROM documents WHERE id IN ({list}) AND deleted = 0").WithIds(slice);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (id, title, lang) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                documents[id] = new DocumentVersion(DocumentLanguage.ForDocument(lang.Length > 0 ? lang : null, title, reader.GetString(3)), id, title);
            }
        }
        return documents;
    }

    /// <summary>One document's walk through its versions: what it has seen, found, and the level it goes on from.</summary>
    private sealed class VersionWalk(string id)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal) { id };

        public string Id => id;

        public List<DocumentVersion> Versions { get; } = [];

        /// <summary>The documents found last, whose links are followed next.</summary>
        public List<string> Level { get; private set; } = [id];

        /// <summary>The documents not seen before that the level's links lead to, nearest first, until the walk has seen <see cref="MaxVersions"/>.</summary>
        public List<string> Reach(Dictionary<string, SortedSet<string>> neighbours)
        {
            // Bounded within a document's neighbours too: an address many documents name (a site's page in one
            // language, named by all its others) would otherwise have every one of them read.
            var reached = new List<string>();
            foreach (var next in Level.Select(neighbours.GetValueOrDefault).OfType<SortedSet<string>>())
                foreach (var neighbour in next)
                {
                    if (_seen.Count >= MaxVersions)
                        return reached;
                    if (_seen.Add(neighbour))
                        reached.Add(neighbour);
                }
            return reached;
        }

        /// <summary>Keeps those of <paramref name="reached"/> the archive holds as versions, and makes them the next level.</summary>
        public void Advance(List<string> reached, Dictionary<string, DocumentVersion> documents)
        {
            Level = reached.Where(documents.ContainsKey).ToList();
            Versions.AddRange(Level.Select(reachedId => documents[reachedId]));
        }
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

    /// <summary>
    /// Replaces a document's links within the write transaction of the document itself, and records them for the
    /// links in memory (<see cref="LinkGraph"/>), applied once the write has committed.
    /// </summary>
    private sealed class LinkWriter : IDisposable
    {
        private readonly DocumentArchive _archive;
        private readonly DbCommand _delete;
        private readonly DbCommand _insert;
        private readonly DbCommand? _heldAt;
        private readonly LinkGraph.Changes? _changes;
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
            if (archive._graph is { } graph)
            {
                var changes = _changes = new LinkGraph.Changes();
                write.AfterCommit(() => changes.ApplyTo(graph));
                _heldAt = write.Command("SELECT id FROM documents WHERE url = @target AND deleted = 0");
                _heldAt.Parameter("@target", DbType.String);
            }
        }

        /// <summary>Replaces the links of a document written at <paramref name="url"/> (deleted: null) with <paramref name="links"/>.</summary>
        public void Replace(string id, IReadOnlyList<VersionLink> links, string? url)
        {
            if (MayHoldLinks)
            {
                _delete.Parameters[0].Value = id;
                _delete.ExecuteNonQuery();
            }
            Insert(id, links, url);
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

        /// <summary>Writes the links of a document written at <paramref name="url"/> that has none (cleared before).</summary>
        public void Insert(string id, IReadOnlyList<VersionLink> links, string? url)
        {
            var stated = new (string Target, string TargetId)[links.Count];
            for (var i = 0; i < links.Count; i++)
            {
                var link = links[i];
                // An address stands for the id a page of that address is stored under.
                stated[i] = (link.Target, link.IsAddress ? PageIds.FromUrl(link.Target) : link.Target);
                _insert.Parameters[0].Value = id;
                _insert.Parameters[1].Value = link.Target;
                _insert.Parameters[2].Value = stated[i].TargetId;
                _insert.Parameters[3].Value = (object?)link.Lang ?? DBNull.Value;
                _insert.ExecuteNonQuery();
                if (_heldAt is not null && link.IsAddress)
                {
                    // Asked here, in the write, so that what this write stored before is found too.
                    _heldAt.Parameters[0].Value = link.Target;
                    var held = new List<string>();
                    _heldAt.ReadFirstColumnInto(held);
                    _changes!.Found(held, link.Target);
                }
            }
            _changes?.Written(id, url, stated);
            if (links.Count > 0)
                _archive._hasLinks = true;
        }

        public void Dispose()
        {
            _delete.Dispose();
            _insert.Dispose();
            _heldAt?.Dispose();
        }
    }
}
