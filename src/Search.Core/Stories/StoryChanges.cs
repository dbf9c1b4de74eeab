namespace Search.Core.Stories;

/// <summary>
/// Where a batch changes story links, found from the batch outwards. A link between two documents
/// depends on their relation and on each one's <see cref="StoryStatus"/> only, so it can change only at a
/// document the batch adds, replaces or deletes, or at a document whose status the batch changed; and a
/// status can change only at a document related one way to a changed one (relations as the same text
/// do not enter it). Most additions change no status (one copy more of a story), so a batch's work is
/// its own documents and their one-way neighbours, not the stories around them: the two-relation
/// neighbourhood recomputed before cost 160–190 µs an article in a rebuild (docs/stories.md).
/// </summary>
internal static class StoryChanges
{
    /// <summary>
    /// The documents at which a link of the index vanished or appeared other than at a new document:
    /// the replaced documents, the documents the changed ones were linked to, and the documents whose
    /// status changed with those their links changed with. Their stories must be worked out whole again.
    /// </summary>
    public static HashSet<string> Recompute(StoryGraph before, StoryGraph after, IReadOnlyList<StoryDocument> upserts, IReadOnlyCollection<string> deletions)
    {
        var recompute = new HashSet<string>(StringComparer.Ordinal);
        var changed = upserts.Select(u => u.Id).Concat(deletions).ToHashSet(StringComparer.Ordinal);
        var touched = new Dictionary<string, StoryEntry>(StringComparer.Ordinal);
        foreach (var id in changed)
        {
            if (before.Lookup.Find(id) is not { } old)
                continue;
            recompute.Add(id); // replaced (a deleted document is not found after the batch, and left out then)
            recompute.UnionWith(before.Linked(old).Select(o => o.Id));
            AddOneWay(before, old, changed, touched);
        }
        // The one-way relations of identical copies are the same: a batch of reprints is looked at once.
        var texts = new HashSet<StoryFingerprint>();
        foreach (var document in upserts)
            if (texts.Add(document.Fingerprint))
                AddOneWay(after, after.Lookup.Find(document.Id)!, changed, touched);
        foreach (var entry in touched.Values)
        {
            if (before.Status(entry) == after.Status(entry))
                continue;
            recompute.Add(entry.Id);
            var linked = after.Linked(entry).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            recompute.UnionWith(before.Linked(entry).Select(e => e.Id).Where(id => !linked.Contains(id)));
        }
        return recompute;
    }

    /// <summary>Adds the unchanged documents related to <paramref name="entry"/> one way only: those whose status it can change.</summary>
    private static void AddOneWay(StoryGraph graph, StoryEntry entry, HashSet<string> changed, Dictionary<string, StoryEntry> touched)
    {
        foreach (var (other, relation) in graph.Related(entry))
            if (relation != StoryRelation.Same && !changed.Contains(other.Id))
                touched.TryAdd(other.Id, other);
    }
}
