namespace Search.Core.Stories;

/// <summary>
/// The story links between the documents of a lookup, worked out on demand and remembered for one batch.
/// Two documents are linked when they are the same text, or when one carries the other and the carrier
/// is not a roundup. A roundup is a document carrying two texts that do not carry each other (two
/// agency items in one column): it would otherwise bridge two stories, so its one-way links are dropped
/// and it stands alone (or with its own copies). A story is a connected set of linked documents: a
/// function of the documents alone, whatever order they came in.
/// </summary>
internal sealed class StoryGraph(IStoryLookup lookup, StoryRule rule)
{
    private readonly Dictionary<string, List<(StoryEntry Other, StoryRelation Relation)>> _related = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _roundups = new(StringComparer.Ordinal);

    public IStoryLookup Lookup => lookup;

    /// <summary>Every document related to <paramref name="entry"/> in either direction (relation as seen from <paramref name="entry"/>, first).</summary>
    public IReadOnlyList<(StoryEntry Other, StoryRelation Relation)> Related(StoryEntry entry)
    {
        if (_related.TryGetValue(entry.Id, out var known))
            return known;
        var related = new List<(StoryEntry, StoryRelation)>();
        foreach (var other in lookup.Sharing(entry.Fingerprint, rule.MinShared(entry.Fingerprint.Count)))
        {
            if (other.Id == entry.Id)
                continue;
            var relation = rule.Relate(entry.Fingerprint, other.Fingerprint);
            if (relation != StoryRelation.None)
                related.Add((other, relation));
        }
        related.Sort((a, b) => string.CompareOrdinal(a.Item1.Id, b.Item1.Id));
        _related[entry.Id] = related;
        return related;
    }

    /// <summary>Whether <paramref name="entry"/> carries two texts that do not carry each other.</summary>
    public bool IsRoundup(StoryEntry entry)
    {
        if (_roundups.TryGetValue(entry.Id, out var known))
            return known;
        var carried = Related(entry).Where(r => r.Relation == StoryRelation.FirstCarriesSecond).Select(r => r.Other).ToList();
        var roundup = false;
        for (var i = 0; i < carried.Count && !roundup; i++)
            for (var j = i + 1; j < carried.Count && !roundup; j++)
                roundup = rule.Relate(carried[i].Fingerprint, carried[j].Fingerprint) == StoryRelation.None;
        _roundups[entry.Id] = roundup;
        return roundup;
    }

    /// <summary>The documents <paramref name="entry"/> is linked to.</summary>
    public IEnumerable<StoryEntry> Linked(StoryEntry entry)
    {
        foreach (var (other, relation) in Related(entry))
        {
            var linked = relation switch
            {
                StoryRelation.Same => true,
                StoryRelation.FirstCarriesSecond => !IsRoundup(entry),
                StoryRelation.SecondCarriesFirst => !IsRoundup(other),
                _ => false,
            };
            if (linked)
                yield return other;
        }
    }

    /// <summary>The story of <paramref name="seed"/>: every document reached through links, the seed included, in id order.</summary>
    public List<StoryEntry> Component(StoryEntry seed)
    {
        var members = new Dictionary<string, StoryEntry>(StringComparer.Ordinal) { [seed.Id] = seed };
        var queue = new Queue<StoryEntry>([seed]);
        while (queue.TryDequeue(out var entry))
            foreach (var other in Linked(entry))
                if (members.TryAdd(other.Id, other))
                    queue.Enqueue(other);
        return members.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
    }
}
