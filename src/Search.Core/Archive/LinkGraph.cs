using System.Data.Common;
using System.Runtime.InteropServices;
using Search.Core.Languages;

namespace Search.Core.Archive;

/// <summary>
/// The archive's version links in memory, where this process is its only writer: each document's links as it
/// states them, who links to each id and to each address, and the held documents at the addresses links name.
/// A page of hits walks its versions here (<see cref="Neighbours"/> answers what <c>version_links</c> would) and
/// reads from the database only the documents it reaches that no walk described before (<see cref="Describe"/>).
/// Walked there, the neighbours of a page of ten hits cost 170–1,000 µs a level, with SQLite's page cache of two
/// megabytes missing on most lookups (docs/performance.md).
/// </summary>
/// <remarks>
/// A write's changes are recorded while it runs (<see cref="Changes"/>) and applied after it commits, in the
/// database's write turn (<see cref="ArchiveTransaction.AfterCommit"/>): the graph never holds what a failed write
/// left out, and writes apply in the order they committed. A shared archive takes links from other nodes' writes
/// too, so it has no graph (<see cref="ArchiveDatabase.Shared"/>).
/// </remarks>
internal sealed class LinkGraph
{
    private readonly Lock _gate = new();

    /// <summary>Each document's links: the target as it names it (an id or an address) and the id it stands for.</summary>
    private readonly Dictionary<string, (string Target, string TargetId)[]> _from = new(StringComparer.Ordinal);

    /// <summary>The documents linking to each id.</summary>
    private readonly IdSets _toId = new();

    /// <summary>The documents linking to each address (a link by id names its target's id alone).</summary>
    private readonly IdSets _toAddress = new();

    /// <summary>The held documents at each address a link names, and the address of each of them.</summary>
    private readonly IdSets _at = new();
    private readonly Dictionary<string, string> _addressOf = new(StringComparer.Ordinal);

    /// <summary>
    /// The documents walks reached, as versions (null: not held), until a write of theirs commits. Read from the
    /// database, ten of them cost a search on the corpus in pairs 0.3–0.4 ms: SQLite reads each row's overflow pages
    /// for its language, stored after the body, and a document without one has it told from its text.
    /// </summary>
    private readonly Dictionary<string, DocumentVersion?> _described = new(StringComparer.Ordinal);

    /// <summary>At most this many documents described: about 250 bytes each, 5 MB.</summary>
    private const int MaxDescribed = 20_000;

    /// <summary>Counts the writes applied: a description read while one was applied may be stale, and is not kept.</summary>
    private long _applied;

    /// <summary>The links of the archive <paramref name="connection"/> reads: read when it is opened.</summary>
    public static LinkGraph Read(DbConnection connection)
    {
        var graph = new LinkGraph();
        var links = new List<(string Id, string Target, string TargetId)>();
        using (var command = connection.Command("SELECT doc_id, target, target_id FROM version_links"))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                var target = reader.GetString(1);
                var targetId = reader.GetString(2);
                // A link by id names the same text twice: one string for both.
                links.Add((reader.GetString(0), target, targetId == target ? target : targetId));
            }
        foreach (var stated in links.GroupBy(link => link.Id, StringComparer.Ordinal))
            graph.Link(stated.Key, stated.Select(link => (link.Target, link.TargetId)).ToArray());
        // Through the address's index of the documents: the join the other way round walked every row (240 ms
        // against 1 ms, 2% of the corpus linked).
        using (var addressed = connection.Command("SELECT id, url FROM documents WHERE deleted = 0 AND url IN (SELECT target FROM version_links WHERE target <> target_id)"))
        using (var reader = addressed.ExecuteReader())
            while (reader.Read())
                graph.Place(reader.GetString(0), reader.GetString(1));
        return graph;
    }

    /// <summary>Whether any document states a link.</summary>
    public bool HasLinks
    {
        get
        {
            lock (_gate)
                return _from.Count > 0;
        }
    }

    /// <summary>
    /// The documents each of <paramref name="ids"/> links to (by id, or held at the address it names) and those
    /// linking to it (by its id, or by its address): ids, which may no longer be held.
    /// </summary>
    public Dictionary<string, SortedSet<string>> Neighbours(IEnumerable<string> ids)
    {
        var neighbours = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (!HasNeighbours(id) || neighbours.ContainsKey(id))
                    continue;
                var of = neighbours[id] = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var (target, targetId) in _from.GetValueOrDefault(id) ?? [])
                {
                    of.Add(targetId);
                    if (IsAddress(target, targetId))
                        _at.AddTo(target, of);
                }
                _toId.AddTo(id, of);
                if (_addressOf.TryGetValue(id, out var address))
                    _toAddress.AddTo(address, of);
            }
        }
        return neighbours;
    }

    /// <summary>
    /// The held documents among <paramref name="ids"/> as versions: those described before from here, the others by
    /// <paramref name="read"/> (from the database, outside the graph's lock), kept unless a write was applied meanwhile.
    /// </summary>
    public Dictionary<string, DocumentVersion> Describe(IEnumerable<string> ids, Func<List<string>, Dictionary<string, DocumentVersion>> read)
    {
        var documents = new Dictionary<string, DocumentVersion>(StringComparer.Ordinal);
        var missing = new List<string>();
        long applied;
        lock (_gate)
        {
            applied = _applied;
            foreach (var id in ids)
            {
                if (!_described.TryGetValue(id, out var known))
                    missing.Add(id);
                else if (known is not null)
                    documents[id] = known;
            }
        }
        if (missing.Count == 0)
            return documents;
        var found = read(missing);
        lock (_gate)
        {
            if (_applied == applied)
            {
                if (_described.Count + missing.Count > MaxDescribed)
                    _described.Clear();
                foreach (var id in missing)
                    _described[id] = found.GetValueOrDefault(id);
            }
        }
        foreach (var (id, version) in found)
            documents[id] = version;
        return documents;
    }

    private bool HasNeighbours(string id) =>
        _from.ContainsKey(id) || _toId.Contains(id) || (_addressOf.TryGetValue(id, out var address) && _toAddress.Contains(address));

    /// <summary>Replaces the links <paramref name="id"/> states (none to remove them).</summary>
    private void Link(string id, (string Target, string TargetId)[] links)
    {
        if (_from.Remove(id, out var old))
            foreach (var (target, targetId) in old)
            {
                _toId.Remove(targetId, id);
                if (IsAddress(target, targetId))
                    _toAddress.Remove(target, id);
            }
        if (links.Length == 0)
            return;
        _from[id] = links;
        foreach (var (target, targetId) in links)
        {
            _toId.Add(targetId, id);
            if (IsAddress(target, targetId))
                _toAddress.Add(target, id);
        }
    }

    /// <summary>An address stands for a page id other than itself; an id stands for itself.</summary>
    private static bool IsAddress(string target, string targetId) => !string.Equals(target, targetId, StringComparison.Ordinal);

    /// <summary>A held document at an address a link names.</summary>
    private void Place(string id, string address)
    {
        Move(id, null);
        _at.Add(address, id);
        _addressOf[id] = address;
    }

    /// <summary>A document written at <paramref name="url"/>, or deleted (null): kept at it while a link names it.</summary>
    private void Move(string id, string? url)
    {
        if (_addressOf.Remove(id, out var old))
            _at.Remove(old, id);
        if (url is not null && _toAddress.Contains(url))
            Place(id, url);
    }

    /// <summary>
    /// Ids by key. Most keys have one, held as itself: with a set for each, the graph of the corpus in pairs (34,770
    /// links) took a process 24 MB more, 700 bytes a link; this way 4 MB (farm-bench's peak of <c>Search.Bench queries</c>).
    /// </summary>
    private sealed class IdSets
    {
        private readonly Dictionary<string, object> _ids = new(StringComparer.Ordinal);

        public bool Contains(string key) => _ids.ContainsKey(key);

        public void Add(string key, string id)
        {
            ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, key, out var exists);
            if (!exists)
                held = id;
            else if (held is HashSet<string> many)
                many.Add(id);
            else if (!string.Equals((string)held!, id, StringComparison.Ordinal))
                held = new HashSet<string>(StringComparer.Ordinal) { (string)held!, id };
        }

        public void Remove(string key, string id)
        {
            if (!_ids.TryGetValue(key, out var held))
                return;
            if (held is HashSet<string> many ? many.Remove(id) && many.Count == 0 : string.Equals((string)held, id, StringComparison.Ordinal))
                _ids.Remove(key);
        }

        /// <summary>Adds the ids under <paramref name="key"/> to <paramref name="into"/>.</summary>
        public void AddTo(string key, ISet<string> into)
        {
            if (_ids.TryGetValue(key, out var held))
            {
                if (held is HashSet<string> many)
                    into.UnionWith(many);
                else
                    into.Add((string)held);
            }
        }
    }

    /// <summary>A write's changes to the links, recorded in the order it makes them, to apply once it commits.</summary>
    public sealed class Changes
    {
        private readonly List<Action<LinkGraph>> _made = [];

        /// <summary>A document written at <paramref name="url"/> with <paramref name="links"/>, which replace those it stated.</summary>
        public void Written(string id, string? url, (string Target, string TargetId)[] links) =>
            _made.Add(graph =>
            {
                graph.Link(id, links);
                graph.Move(id, url);
                graph._described.Remove(id);
            });

        /// <summary>The held documents at an address a link of this write names, as the write found them.</summary>
        public void Found(IReadOnlyList<string> ids, string address) =>
            _made.Add(graph =>
            {
                foreach (var id in ids)
                    graph.Place(id, address);
            });

        /// <summary>Applies the changes to <paramref name="graph"/>, in the order they were made.</summary>
        public void ApplyTo(LinkGraph graph)
        {
            lock (graph._gate)
            {
                foreach (var change in _made)
                    change(graph);
                graph._applied++;
            }
        }
    }
}
