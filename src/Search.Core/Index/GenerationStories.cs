using Search.Core.Archive;
using Search.Core.Stories;

namespace Search.Core.Index;

/// <summary>
/// The stories of one generation as archive changes are applied to it: for each batch, the fingerprint of
/// every added or replaced body, the story key each is written with, and the documents already indexed
/// whose key changes (their story was joined, split, or got an earlier first carrier). Live, the copies
/// are looked up in the generation's own searcher as it stood before the batch; while a rebuild fills a
/// generation nobody searches (and that is not refreshed batch by batch), in memory.
/// </summary>
internal sealed class GenerationStories
{
    private MemoryStoryLookup? _filling;

    /// <summary>A batch's stories: fingerprints by position in the batch (null for deletions), keys and updates.</summary>
    public sealed record Batch(StoryFingerprint?[] Fingerprints, StoryAssignment Assignment);

    /// <summary>
    /// From now until <see cref="EndFilling"/>, copies are looked up in memory, among
    /// <paramref name="indexed"/> (the documents the index holds already, none for a new generation)
    /// and the documents applied since.
    /// </summary>
    /// <param name="expected">How many documents the filling will hold, when known (its tables are sized for them).</param>
    public void BeginFilling(IEnumerable<StoryEntry>? indexed = null, long expected = 0)
    {
        var memory = new MemoryStoryLookup(expected);
        foreach (var entry in indexed ?? [])
            memory.Put(entry);
        _filling = memory;
    }

    public bool Filling => _filling is not null;

    public void EndFilling() => _filling = null;

    /// <summary>Fingerprints the batch's bodies (on every core) and assigns their stories against <paramref name="indexed"/> (or the filling's memory).</summary>
    public Batch Assign(IReadOnlyList<ArchiveEntry> entries, Func<IStoryLookup> indexed)
    {
        var fingerprints = new StoryFingerprint?[entries.Count];
        Parallel.For(0, entries.Count, i =>
        {
            if (entries[i].Document is { } document)
                fingerprints[i] = StoryFingerprinter.Default.Fingerprint(document.Body);
        });
        var upserts = new List<StoryDocument>(entries.Count);
        var deletions = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Document is { } document)
                upserts.Add(new StoryDocument(document.Id, document.Date?.DayNumber, fingerprints[i]!));
            else
                deletions.Add(entries[i].Id);
        }
        var filling = _filling;
        var assignment = StoryAssigner.Default.Assign(filling ?? indexed(), upserts, deletions);
        filling?.Apply(upserts, deletions, assignment);
        return new Batch(fingerprints, assignment);
    }
}
