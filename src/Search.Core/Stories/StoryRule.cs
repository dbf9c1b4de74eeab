namespace Search.Core.Stories;

/// <summary>How two fingerprints relate: one text carried inside the other, both the same text, or neither.</summary>
internal enum StoryRelation
{
    None,

    /// <summary>Each carries the other: the same text, reprinted with small edits.</summary>
    Same,

    /// <summary>The first carries the second (the second is a shortened reprint, or one item of a roundup).</summary>
    FirstCarriesSecond,

    SecondCarriesFirst,
}

/// <summary>
/// When one body carries another: at least <see cref="Carried"/> of the smaller one's samples are found
/// in the larger one, and it has at least <see cref="MinSamples"/> of them (shorter bodies only join a
/// story as identical fingerprints). A relation in both directions is the same text; in one direction
/// only, the smaller text is a shortened reprint or one item of a roundup, which <see cref="StoryGraph"/>
/// tells apart (unless <see cref="StopBridges"/> is off: the alternative measured without it).
/// The thresholds were chosen on pairs judged by reading them (docs/stories.md).
/// </summary>
internal sealed record StoryRule(double Carried = 0.6, int MinSamples = 10, bool StopBridges = true)
{
    public static StoryRule Default { get; } = new();

    /// <summary>Fewest shared samples any relation needs with a fingerprint of <paramref name="count"/> samples: what a lookup may skip below.</summary>
    public int MinShared(int count) => Math.Min(count, (int)Math.Ceiling(Carried * MinSamples));

    public StoryRelation Relate(StoryFingerprint first, StoryFingerprint second)
    {
        if (first.Count == 0 || second.Count == 0)
            return StoryRelation.None;
        var shared = first.Shared(second);
        if (shared == first.Count && shared == second.Count)
            return StoryRelation.Same;
        var firstCarried = Carries(shared, first.Count);
        var secondCarried = Carries(shared, second.Count);
        return (firstCarried, secondCarried) switch
        {
            (true, true) => StoryRelation.Same,
            (false, true) => StoryRelation.FirstCarriesSecond,
            (true, false) => StoryRelation.SecondCarriesFirst,
            _ => StoryRelation.None,
        };
    }

    /// <summary>The share of the larger text the two have in common: how close a carried text is to its carrier.</summary>
    public static double Closeness(StoryFingerprint first, StoryFingerprint second)
    {
        var larger = Math.Max(first.Count, second.Count);
        return larger == 0 ? 0 : (double)first.Shared(second) / larger;
    }

    private bool Carries(int shared, int count) => count >= MinSamples && shared >= Carried * count;
}
