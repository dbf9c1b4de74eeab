namespace Search.Core.Stories;

/// <summary>
/// The index as it will be once a batch is applied: the documents the batch adds or replaces (kept in
/// memory) over the index as it is, with the batch's deleted and replaced ids hidden from the latter.
/// </summary>
internal sealed class BatchOverlayLookup : IStoryLookup
{
    private readonly IStoryLookup _indexed;
    private readonly HashSet<string> _hidden;
    private readonly MemoryStoryLookup _batch = new();

    public BatchOverlayLookup(IStoryLookup indexed, IReadOnlyList<StoryDocument> upserts, IEnumerable<string> deletions)
    {
        _indexed = indexed;
        _hidden = new HashSet<string>(deletions, StringComparer.Ordinal);
        foreach (var document in upserts)
        {
            _hidden.Add(document.Id);
            _batch.Put(new StoryEntry(document.Id, document.Day, document.Fingerprint));
        }
    }

    public IReadOnlyList<StoryEntry> Sharing(StoryFingerprint fingerprint, int minShared)
    {
        var found = _batch.Sharing(fingerprint, minShared).ToList();
        found.AddRange(_indexed.Sharing(fingerprint, minShared).Where(e => !_hidden.Contains(e.Id)));
        return found;
    }

    public StoryEntry? Find(string id) =>
        _batch.Find(id) ?? (_hidden.Contains(id) ? null : _indexed.Find(id));
}
