namespace Search.Core.Stories;

/// <summary>
/// Keeps stories right batch by batch, as the indexing loop applies archive changes: given the index
/// before a batch (an <see cref="IStoryLookup"/>) and the batch, it answers each added or replaced
/// document's story key and the indexed documents whose key must change. The stories where a link
/// vanished or appeared away from a new document (<see cref="StoryChanges"/>) are worked out whole again;
/// a new document that links to one story only, and is not its first carrier, takes its key without
/// walking it. Every other story is as it was, so the result is the one a rebuild of the same documents
/// gives, whatever the order and the batches.
/// </summary>
internal sealed class StoryAssigner(StoryRule rule)
{
    public static StoryAssigner Default { get; } = new(StoryRule.Default);

    public StoryRule Rule => rule;

    public StoryAssignment Assign(IStoryLookup indexed, IReadOnlyList<StoryDocument> upserts, IReadOnlyCollection<string> deletions)
    {
        var cached = new CachedStoryLookup(indexed);
        var before = new StoryGraph(cached, rule);
        var after = new StoryGraph(new BatchOverlayLookup(cached, upserts, deletions), rule);
        var naming = new Naming(upserts);
        foreach (var id in StoryChanges.Recompute(before, after, upserts, deletions))
            if (!naming.Done.Contains(id) && after.Lookup.Find(id) is { } entry)
                naming.Name(after.Component(entry));
        foreach (var document in upserts)
            if (!naming.Done.Contains(document.Id))
                Join(after, after.Lookup.Find(document.Id)!, naming);
        return new StoryAssignment(naming.Keys, naming.Updates);
    }

    /// <summary>
    /// Names the story of a new document no recomputed story reached. Its story is the new documents
    /// linked to it through one another, and whatever indexed stories they link to, unchanged: one of
    /// those keeps its key unless a new document is its earliest carrier; none, and it is a new story.
    /// </summary>
    private static void Join(StoryGraph after, StoryEntry entry, Naming naming)
    {
        var group = new Dictionary<string, StoryEntry>(StringComparer.Ordinal) { [entry.Id] = entry };
        var indexed = new List<StoryEntry>();
        var texts = new HashSet<StoryFingerprint>();
        var queue = new Queue<StoryEntry>([entry]);
        while (queue.TryDequeue(out var member))
            if (texts.Add(member.Fingerprint)) // a batch of identical reprints is one text to follow
                foreach (var other in after.LinkedToText(member))
                    if (!naming.IsUpserted(other.Id))
                        indexed.Add(other);
                    else if (group.TryAdd(other.Id, other))
                        queue.Enqueue(other);
        var first = StoryKey.FirstCarrier(group.Values);
        if (indexed.Count == 0)
            naming.Name(group.Values, StoryKey.ForFirstCarrier(first.Id));
        else if (indexed.All(o => o.Key != 0 && o.Key == indexed[0].Key) && indexed.Any(o => StoryKey.Compare(o, first) < 0))
            naming.Name(group.Values, indexed[0].Key);
        else
            naming.Name(after.Component(entry)); // two stories joined, or one with a new first carrier
    }

    /// <summary>The keys a batch gives: its own documents' and the indexed documents' that change.</summary>
    private sealed class Naming(IReadOnlyList<StoryDocument> upserts)
    {
        private readonly HashSet<string> _upserted = upserts.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);

        public Dictionary<string, long> Keys { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Updates { get; } = new(StringComparer.Ordinal);

        /// <summary>The documents whose story is named.</summary>
        public HashSet<string> Done { get; } = new(StringComparer.Ordinal);

        public bool IsUpserted(string id) => _upserted.Contains(id);

        public void Name(IReadOnlyCollection<StoryEntry> story) => Name(story, StoryKey.Of(story));

        public void Name(IEnumerable<StoryEntry> story, long key)
        {
            foreach (var member in story)
            {
                Done.Add(member.Id);
                if (_upserted.Contains(member.Id))
                    Keys[member.Id] = key;
                else if (member.Key != key)
                    Updates[member.Id] = key;
            }
        }
    }
}
