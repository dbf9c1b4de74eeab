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
    /// (it may hold one of them). Samples held by more than <see cref="StoryLookupLimits.CommonSample"/>
    /// documents are boilerplate and are not followed.
    /// </summary>
    IReadOnlyList<StoryEntry> Sharing(StoryFingerprint fingerprint, int minShared);

    StoryEntry? Find(string id);
}

internal static class StoryLookupLimits
{
    /// <summary>
    /// A sample found in more documents than this is a site's footer or a dateline formula, not a story's
    /// text ("رابط الخبر بصحيفة ..." ends two thousand bodies of one outlet). Following it would compare a
    /// document with every other of that outlet. A real story would need all the samples it shares to be
    /// this common for the cap to hide it; the largest story of the corpus has far fewer copies.
    /// </summary>
    public const int CommonSample = 500;
}
