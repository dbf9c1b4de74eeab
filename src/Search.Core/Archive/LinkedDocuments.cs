using System.Data.Common;

namespace Search.Core.Archive;

/// <summary>
/// Which documents may take part in a version link, known in memory to the process that is an archive's only
/// writer: the ids that name a version or are named by one, and the ids of documents whose address a link names.
/// A page of hits is checked here, and only the hits it may hold are followed in the database. Asking the database
/// which hits take part in a link cost a search 140–270 µs with 2% of the corpus linked (docs/performance.md).
/// </summary>
/// <remarks>
/// Kept as hash codes, four bytes a key: a collision, or a link removed since (its document deleted or replaced),
/// only sends a hit to the database's question, which finds no version. A key is added before the write that
/// makes it true is committed, so a hit the index serves is never missing here. A shared archive takes links
/// from other nodes' writes too, so it has none of this (<see cref="ArchiveDatabase.Shared"/>).
/// </remarks>
internal sealed class LinkedDocuments
{
    private readonly Lock _gate = new();
    private readonly HashSet<int> _ids = [];
    private readonly HashSet<int> _addresses = [];

    /// <summary>What the archive's links say now: read when it is opened.</summary>
    public static LinkedDocuments Read(DbConnection connection)
    {
        var linked = new LinkedDocuments();
        using (var links = connection.Command("SELECT doc_id, target, target_id FROM version_links"))
        using (var reader = links.ExecuteReader())
            while (reader.Read())
                linked.AddLink(reader.GetString(0), reader.GetString(1), reader.GetString(2));
        // The address's index of the documents, not a walk of their rows: 1 ms against 240 ms for a join,
        // whose order SQLite picks the other way round (2% of the corpus linked).
        using (var addressed = connection.Command("SELECT id FROM documents WHERE url IN (SELECT target FROM version_links)"))
            linked.AddIds(addressed);
        return linked;
    }

    /// <summary>A link from <paramref name="id"/> to <paramref name="target"/> (an id, or an address and the id a page of it gets).</summary>
    public void AddLink(string id, string target, string targetId)
    {
        lock (_gate)
        {
            _ids.Add(Key(id));
            _ids.Add(Key(targetId));
            _addresses.Add(Key(target));
        }
    }

    /// <summary>Adds the ids the command reads (the documents at an address a link names).</summary>
    public void AddIds(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = Key(reader.GetString(0));
            lock (_gate)
                _ids.Add(key);
        }
    }

    /// <summary>A document written at <paramref name="url"/>: linked when a link names that address.</summary>
    public void AddDocument(string id, string? url)
    {
        if (url is null)
            return;
        lock (_gate)
            if (_addresses.Count > 0 && _addresses.Contains(Key(url)))
                _ids.Add(Key(id));
    }

    /// <summary>The ids among <paramref name="ids"/> that may take part in a link.</summary>
    public HashSet<string> Among(IEnumerable<string> ids)
    {
        var among = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_ids.Count == 0)
                return among;
            foreach (var id in ids)
                if (_ids.Contains(Key(id)))
                    among.Add(id);
        }
        return among;
    }

    private static int Key(string text) => StringComparer.Ordinal.GetHashCode(text);
}
