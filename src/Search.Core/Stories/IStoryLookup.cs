namespace Search.Core.Stories;

/// <summary>
/// Where story detection finds documents: by the samples they share with a fingerprint (an index lookup
/// of each sample, never a scan), and by id. <see cref="LuceneStoryLookup"/> reads the live index;
/// <see cref="MemoryStoryLookup"/> keeps the same in memory for a rebuild and for measurements.
/// </summary>
internal interface IStoryLookup
{
    /// <summary>
    /// The documents sharing with <paramref name="fingerprint"/> as many samples as <paramref name="bound"/>
    /// asks (it may hold the fingerprint's own document). Found from the postings of the fingerprint's
    /// rarest samples only (<see cref="SharingBound.SamplesToFollow"/>), then checked whole: a site's
    /// footer or a formula is held by hundreds to two thousand articles, and following every sample walked
    /// 15.7 million postings to look up each article of the corpus once, the rarest ones 1.3 million.
    /// Nothing is lost so: every document sharing enough holds one of those samples, and is then counted
    /// on all of them. Leaving common samples out of the count itself (a cap of 500 documents) made what
    /// is found depend on how many documents the index held, and stories built batch by batch then
    /// differed from a rebuild's (24 articles of the corpus).
    /// </summary>
    IReadOnlyList<StoryEntry> Sharing(StoryFingerprint fingerprint, SharingBound bound);

    StoryEntry? Find(string id);
}
