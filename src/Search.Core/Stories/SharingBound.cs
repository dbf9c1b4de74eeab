namespace Search.Core.Stories;

/// <summary>
/// How many samples a document found by <see cref="IStoryLookup.Sharing"/> shares with the fingerprint
/// looked up, at least: <see cref="Least"/> whatever the document, and <see cref="ForCount"/>(n) for a
/// document of n samples. The floor lets a lookup walk the postings of the rarest samples only (a
/// document sharing <see cref="Least"/> of k samples holds one of any k − <see cref="Least"/> + 1 of them);
/// the bound by count lets it drop a candidate from its sample count, unread.
/// </summary>
internal readonly record struct SharingBound(int Least, Func<int, int>? ForCount = null)
{
    public bool Accepts(int shared, int otherCount) =>
        shared >= Least && (ForCount is null || shared >= ForCount(otherCount));

    /// <summary>
    /// How many of a fingerprint's <paramref name="count"/> samples, the rarest, a lookup must follow:
    /// every document sharing enough holds one of them (0: none can).
    /// </summary>
    public int SamplesToFollow(int count) => Least < 1 ? count : Math.Max(0, count - Least + 1);
}
