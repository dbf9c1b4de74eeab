namespace Search.Core.Retrieval.Scoring;

/// <summary>How a free-text query is scored. <see cref="Default"/> is what the product runs; docs/relevance.md
/// gives the measurements behind each value.</summary>
internal sealed record RankingOptions
{
    /// <summary>Weight of a match in the title relative to one in the body.</summary>
    public float TitleBoost { get; init; } = 1f;

    /// <summary>Weight of a match on the exact (normalised, unstemmed) form, added to the stem match.</summary>
    public float ExactBoost { get; init; } = 0.2f;

    /// <summary>Weight of two adjacent query words found near each other in the body (0: no reward).</summary>
    public float ProximityBoost { get; init; } = 0.5f;

    /// <summary>How far apart (in positions, beyond adjacency) two adjacent query words may be and still be rewarded.</summary>
    public int ProximitySlop { get; init; } = 4;

    /// <summary>Weight of two adjacent query words found near each other in the title (0: no reward).</summary>
    public float TitleProximityBoost { get; init; }

    /// <summary>
    /// How a word's title and body scores combine: null adds them; a value makes the word score its best
    /// field plus this fraction of the other (a disjunction-max, Elasticsearch's <c>best_fields</c>).
    /// </summary>
    public float? FieldTieBreaker { get; init; } = 0f;

    /// <summary>
    /// Weight of the indexed stems one edit away from a query word no document holds (a typo), relative to
    /// the word itself (0: such a word simply matches nothing).
    /// </summary>
    public float TypoBoost { get; init; }

    /// <summary>A word held by at most this many documents counts as unknown too (its near spellings are added to it).</summary>
    public int TypoMaxDocFreq { get; init; }

    /// <summary>At most this many indexed stems stand in for an unknown word.</summary>
    public int TypoExpansions { get; init; } = 10;

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation of the body.</summary>
    public float BodyB { get; init; } = 0.75f;

    /// <summary>BM25 length normalisation of the title.</summary>
    public float TitleB { get; init; } = 0.75f;

    public static RankingOptions Default { get; } = new();
}
