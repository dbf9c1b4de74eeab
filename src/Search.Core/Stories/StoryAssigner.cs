namespace Search.Core.Stories;

/// <summary>
/// Keeps stories right batch by batch, as the indexing loop applies archive changes: given the index
/// before a batch (an <see cref="IStoryLookup"/>) and the batch, it answers each added or replaced
/// document's story key and the indexed documents whose key must change. Only the neighbourhood of the
/// batch is looked at: a link can appear or vanish only at a changed document, at a document related to
/// it (its roundup status may change), or at one related to those; every story touching them is
/// recomputed whole from there, so the result is the one a rebuild of the same documents gives.
/// </summary>
internal sealed class StoryAssigner(StoryRule rule)
{
    public static StoryAssigner Default { get; } = new(StoryRule.Default);

    public StoryRule Rule => rule;

    public StoryAssignment Assign(IStoryLookup indexed, IReadOnlyList<StoryDocument> upserts, IReadOnlyCollection<string> deletions)
    {
        var seeds = new HashSet<string>(StringComparer.Ordinal);
        var before = new StoryGraph(indexed, rule);
        foreach (var id in upserts.Select(u => u.Id).Concat(deletions))
            if (indexed.Find(id) is { } old)
                AddNeighbourhood(before, old, seeds);

        var after = new StoryGraph(new BatchOverlayLookup(indexed, upserts, deletions), rule);
        foreach (var document in upserts)
        {
            seeds.Add(document.Id);
            AddNeighbourhood(after, after.Lookup.Find(document.Id)!, seeds);
        }

        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        var updates = new Dictionary<string, long>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var upserted = upserts.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var seed in seeds.Order(StringComparer.Ordinal))
        {
            if (done.Contains(seed) || after.Lookup.Find(seed) is not { } entry)
                continue;
            var story = after.Component(entry);
            var key = StoryKey.Of(story);
            foreach (var member in story)
            {
                done.Add(member.Id);
                if (upserted.Contains(member.Id))
                    keys[member.Id] = key;
                else if (member.Key != key)
                    updates[member.Id] = key;
            }
        }
        return new StoryAssignment(keys, updates);
    }

    /// <summary>The documents within two relations of <paramref name="entry"/>: where its arrival or departure can change a link.</summary>
    private static void AddNeighbourhood(StoryGraph graph, StoryEntry entry, HashSet<string> seeds)
    {
        foreach (var (near, _) in graph.Related(entry))
        {
            seeds.Add(near.Id);
            foreach (var (far, _) in graph.Related(near))
                seeds.Add(far.Id);
        }
    }
}
