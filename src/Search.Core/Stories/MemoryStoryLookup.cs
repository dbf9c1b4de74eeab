namespace Search.Core.Stories;

/// <summary>
/// Story lookups from memory: each sample's documents in a hash table. What a rebuild uses while its
/// new generation is being filled (its searcher is not reopened batch by batch), what a batch's own
/// documents are found in, and what the measurements run on.
/// </summary>
internal sealed class MemoryStoryLookup : IStoryLookup
{
    private readonly Dictionary<string, StoryEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, List<string>> _bySample = [];

    public int Count => _byId.Count;

    public IEnumerable<StoryEntry> Entries => _byId.Values;

    /// <summary>Adds or replaces a document.</summary>
    public void Put(StoryEntry entry)
    {
        Remove(entry.Id);
        _byId[entry.Id] = entry;
        foreach (var sample in entry.Fingerprint.Samples)
        {
            if (!_bySample.TryGetValue(sample, out var ids))
                _bySample[sample] = ids = [];
            ids.Add(entry.Id);
        }
    }

    public void Remove(string id)
    {
        if (!_byId.Remove(id, out var old))
            return;
        foreach (var sample in old.Fingerprint.Samples)
            if (_bySample.TryGetValue(sample, out var ids))
                ids.Remove(id);
    }

    /// <summary>Applies a batch and what <see cref="StoryAssigner"/> made of it.</summary>
    public void Apply(IReadOnlyList<StoryDocument> upserts, IEnumerable<string> deletions, StoryAssignment assignment)
    {
        foreach (var id in deletions)
            Remove(id);
        foreach (var document in upserts)
            Put(new StoryEntry(document.Id, document.Day, document.Fingerprint, assignment.Keys[document.Id]));
        foreach (var (id, key) in assignment.Updates)
            if (_byId.TryGetValue(id, out var entry))
                _byId[id] = entry with { Key = key };
    }

    public IReadOnlyList<StoryEntry> Sharing(StoryFingerprint fingerprint, int minShared)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sample in fingerprint.Samples)
            if (_bySample.TryGetValue(sample, out var ids) && ids.Count <= StoryLookupLimits.CommonSample)
                foreach (var id in ids)
                    counts[id] = counts.GetValueOrDefault(id) + 1;
        return counts.Where(c => c.Value >= minShared).Select(c => _byId[c.Key]).ToList();
    }

    public StoryEntry? Find(string id) => _byId.GetValueOrDefault(id);
}
