namespace Search.Core.Stories;

/// <summary>
/// Where story detection finds documents: by the samples they share with a fingerprint (an index lookup
/// of each sample, never a scan), and by id. <see cref="LuceneStoryLookup"/> reads the live index;
/// <see cref="MemoryStoryLookup"/> keeps the same in memory for a rebuild and for measurements.
/// </summary>
internal interface IStoryLookup
{
    /// <summary>
    /// The documents sharing at least <paramref name="minShared"/> samples with <paramref name="fingerprint"/>
    /// (it may hold one of them). Every sample is followed, however common: leaving out samples held by
    /// many documents made what is found depend on how many documents the index holds, and stories built
    /// batch by batch then differed from a rebuild's (24 articles of the corpus with a cap of 500).
    /// </summary>
    IReadOnlyList<StoryEntry> Sharing(StoryFingerprint fingerprint, int minShared);

    StoryEntry? Find(string id);
}
