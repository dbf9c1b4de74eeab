namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// The weights a free-text query is scored with. <see cref="Default"/> is what the product runs; docs/relevance.md
/// gives the measurements behind each value, and the relevance harness (<c>tools/Search.Eval</c>) varies them.
/// Plain values: every part of the score they weigh is one the product computes.
/// </summary>
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

    /// <summary>
    /// Weight of the query's words once more in the title of a document whose whole title they make up
    /// (<see cref="WholeTitleQuery"/>; 0: no such reward).
    /// </summary>
    public float WholeTitleBoost { get; init; } = 2f;

    /// <summary>
    /// How a word's title and body scores combine: the word scores its best field plus this fraction of the
    /// other (a disjunction-max, Elasticsearch's <c>best_fields</c>); 1 adds the two fields' scores.
    /// </summary>
    public float FieldTieBreaker { get; init; }

    /// <summary>BM25 term-frequency saturation.</summary>
    public float K1 { get; init; } = 1.2f;

    /// <summary>BM25 length normalisation of the body.</summary>
    public float BodyB { get; init; } = 0.75f;

    /// <summary>BM25 length normalisation of the title.</summary>
    public float TitleB { get; init; } = 0.75f;

    public static RankingOptions Default { get; } = new();
}
