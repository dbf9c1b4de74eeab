namespace Search.Core.Stories;

/// <summary>
/// The story links between the documents of a lookup, worked out on demand and remembered for one batch.
/// Two documents are linked when they are the same text, or when one carries the other and neither
/// would bridge two stories that way. A roundup carries two texts that do not carry each other (two
/// agency items in one column); a fragment is carried by two texts that do not carry each other (a
/// formula such as an official's titles, a template, a paragraph two different stories quote). Either
/// would glue two stories, so of its one-way links it keeps one only: the one to the text closest to
/// it, when that text's closest is it in turn (a roundup joins the story of its longest item, a
/// fragment the story of its shortest carrier). A story is a connected set of linked documents: a
/// function of the documents alone, whatever order they came in.
/// </summary>
internal sealed class StoryGraph(IStoryLookup lookup, StoryRule rule)
{
    private readonly Dictionary<string, List<(StoryEntry Other, StoryRelation Relation)>> _related = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _roundups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, StoryRelation), StoryEntry?> _closest = [];

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
    public bool IsRoundup(StoryEntry entry) => Bridges(entry, StoryRelation.FirstCarriesSecond, _roundups);

    /// <summary>Whether <paramref name="entry"/> is carried by two texts that do not carry each other.</summary>
    public bool IsFragment(StoryEntry entry) => Bridges(entry, StoryRelation.SecondCarriesFirst, _fragments);

    /// <summary>Whether two of the documents related to <paramref name="entry"/> by <paramref name="relation"/> are unrelated to each other.</summary>
    private bool Bridges(StoryEntry entry, StoryRelation relation, Dictionary<string, bool> known)
    {
        if (!rule.StopBridges)
            return false;
        if (known.TryGetValue(entry.Id, out var bridges))
            return bridges;
        var others = Related(entry).Where(r => r.Relation == relation).Select(r => r.Other).ToList();
        for (var i = 0; i < others.Count && !bridges; i++)
            for (var j = i + 1; j < others.Count && !bridges; j++)
                bridges = rule.Relate(others[i].Fingerprint, others[j].Fingerprint) == StoryRelation.None;
        known[entry.Id] = bridges;
        return bridges;
    }

    /// <summary>The documents <paramref name="entry"/> is linked to.</summary>
    public IEnumerable<StoryEntry> Linked(StoryEntry entry)
    {
        foreach (var (other, relation) in Related(entry))
        {
            var linked = relation switch
            {
                StoryRelation.Same => true,
                StoryRelation.FirstCarriesSecond => CarriedLink(entry, other),
                StoryRelation.SecondCarriesFirst => CarriedLink(other, entry),
                _ => false,
            };
            if (linked)
                yield return other;
        }
    }

    /// <summary>Whether <paramref name="carrier"/> and the text it carries are linked: always, unless one of them would bridge two stories; then only as each other's closest.</summary>
    /// <remarks>The carried text's side is asked first: a formula carried by hundreds of articles answers from its
    /// own lookup, where asking each carrier first would look every one of them up.</remarks>
    private bool CarriedLink(StoryEntry carrier, StoryEntry carried) =>
        IsFragment(carried)
            ? Closest(carried, StoryRelation.SecondCarriesFirst)?.Id == carrier.Id && Closest(carrier, StoryRelation.FirstCarriesSecond)?.Id == carried.Id
            : !IsRoundup(carrier) || (Closest(carrier, StoryRelation.FirstCarriesSecond)?.Id == carried.Id && Closest(carried, StoryRelation.SecondCarriesFirst)?.Id == carrier.Id);

    /// <summary>Of the documents related to <paramref name="entry"/> by <paramref name="relation"/>, the one sharing the largest part of the larger text (then the smallest id).</summary>
    private StoryEntry? Closest(StoryEntry entry, StoryRelation relation)
    {
        if (_closest.TryGetValue((entry.Id, relation), out var known))
            return known;
        var closest = Related(entry).Where(r => r.Relation == relation)
            .OrderByDescending(r => StoryRule.Closeness(entry.Fingerprint, r.Other.Fingerprint))
            .ThenBy(r => r.Other.Id, StringComparer.Ordinal)
            .Select(r => r.Other)
            .FirstOrDefault();
        _closest[(entry.Id, relation)] = closest;
        return closest;
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
