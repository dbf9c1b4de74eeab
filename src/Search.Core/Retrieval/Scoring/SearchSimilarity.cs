using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Search.Core.Analysis;
using Search.Core.Index;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// BM25 with the parameters of <see cref="RankingOptions"/>, per field (a title is short and wants less
/// length normalisation than a body), and with the average length counted in words: the analyzer puts
/// a stem and, for most words, an exact form at each position, so a field holds more terms than words,
/// while its norm counts words only (overlapping terms are discounted).
/// </summary>
internal static class SearchSimilarity
{
    public static Similarity Create() => Create(RankingOptions.Default);

    public static Similarity Create(RankingOptions options) => Create(options, AnalysisOptions.Default.TermsPerWord);

    /// <param name="termsPerWord">What the analysis writes per word (<see cref="AnalysisOptions.TermsPerWord"/>).</param>
    public static Similarity Create(RankingOptions options, double termsPerWord) =>
        new PerField(new WordBM25(options.K1, options.BodyB, termsPerWord), new WordBM25(options.K1, options.TitleB, termsPerWord));

    private sealed class PerField(Similarity body, Similarity title) : PerFieldSimilarityWrapper
    {
        public override Similarity Get(string name) => name == IndexFields.Title ? title : body;
    }

    private sealed class WordBM25(float k1, float b, double termsPerWord) : BM25Similarity(k1, b)
    {
        protected override float AvgFieldLength(CollectionStatistics collectionStats)
        {
            var terms = collectionStats.SumTotalTermFreq;
            var docs = collectionStats.DocCount > 0 ? collectionStats.DocCount : collectionStats.MaxDoc;
            return terms <= 0 || docs <= 0 ? 1f : (float)(terms / (double)docs / termsPerWord);
        }
    }
}
