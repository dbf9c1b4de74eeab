namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// One term's BM25 as Lucene's <c>BM25Similarity</c> weighs and scores it, with the same float operations in the same
/// order (so to the last bit), read from a segment's norms as bytes (<see cref="SegmentNorms"/>). Lucene's own scorer
/// asks the norms for each posting through two virtual calls and a packed reader, a tenth of a long question's
/// time with its own call (a perf profile of <c>Search.Bench queries</c>); its statistics are private to it.
/// Made by <see cref="SearchSimilarity"/>'s BM25 of a field, which knows its parameters and its average length.
/// </summary>
/// <param name="lengths">Per norm byte, BM25's length part: <c>k1 × ((1 − b) + b × length / average length)</c>.</param>
internal sealed class Bm25Table(float idf, float queryBoost, float k1, float[] lengths)
{
    /// <summary>idf × boosts × (k1 + 1): set again by <see cref="Normalize"/>, as Lucene's statistics are.</summary>
    private float _weight = WeightOf(idf, queryBoost, topLevelBoost: 1f, k1);

    /// <summary>As Lucene's BM25 statistics: the weight without the length part, squared.</summary>
    public float ValueForNormalization
    {
        get
        {
            var weight = idf * queryBoost;
            return weight * weight;
        }
    }

    /// <summary>The query's boost from above (Lucene's top-level boost) is known only once the weights are normalised.</summary>
    public void Normalize(float topLevelBoost) => _weight = WeightOf(idf, queryBoost, topLevelBoost, k1);

    /// <summary>The document's score for <paramref name="freq"/> occurrences; a field without norms is scored as BM25 scores it, as if b were 0.</summary>
    public float Score(byte[]? norms, int doc, float freq) => _weight * freq / (freq + (norms is null ? k1 : lengths[norms[doc]]));

    private static float WeightOf(float idf, float queryBoost, float topLevelBoost, float k1) => idf * queryBoost * topLevelBoost * (k1 + 1);
}
