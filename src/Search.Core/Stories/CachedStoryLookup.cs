namespace Search.Core.Stories;

/// <summary>
/// An index's lookups remembered for one batch, each document given as one and the same entry: the
/// assigner asks the index as it was before the batch and as it will be after, and the latter is the
/// former plus the batch's own documents (<see cref="BatchOverlayLookup"/>), so each indexed document
/// is looked up once, not once a graph. Remembered by fingerprint, so the identical copies of one text
/// (a batch of reprints, a story of a thousand copies of one item) cost one lookup between them: only
/// for the one <see cref="StoryRule"/> a batch is assigned with.
/// </summary>
internal sealed class CachedStoryLookup(IStoryLookup indexed) : IStoryLookup
{
    private readonly Dictionary<StoryFingerprint, IReadOnlyList<StoryEntry>> _sharing = [];
    private readonly Dictionary<string, StoryEntry?> _byId = new(StringComparer.Ordinal);

    public IReadOnlyList<StoryEntry> Sharing(StoryFingerprint fingerprint, SharingBound bound)
    {
        if (!_sharing.TryGetValue(fingerprint, out var found))
            _sharing[fingerprint] = found = indexed.Sharing(fingerprint, bound).Select(Intern).ToList();
        return found;
    }

    public StoryEntry? Find(string id)
    {
        if (!_byId.TryGetValue(id, out var entry))
            _byId[id] = entry = indexed.Find(id) is { } found ? Intern(found) : null;
        return entry;
    }

    private StoryEntry Intern(StoryEntry entry)
    {
        if (_byId.TryGetValue(entry.Id, out var known) && known is not null)
            return known;
        _byId[entry.Id] = entry;
        return entry;
    }
}
