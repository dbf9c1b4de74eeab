using System.Collections.Concurrent;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Languages;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// BM25 with the parameters of <see cref="RankingOptions"/>, per field: a title is short and wants less
/// length normalisation than a body, and each language's fields (<see cref="LanguageAnalysis"/>) count
/// their average length in words, since an analysis writes a stem and, for most words, an exact form at
/// one position (its norm counts words only: overlapping terms are discounted). A word's rarity counts
/// the documents that have the field, not every document of the index, so an English word is rare among
/// English statements, not among an archive that is mostly Arabic; in an archive of one language the two
/// differ only by the documents without a title.
/// </summary>
internal static class SearchSimilarity
{
    public static Similarity Create() => Create(RankingOptions.Default);

    public static Similarity Create(RankingOptions options) => Create(options, ArabicSearchAnalyzer.TermsPerWord);

    /// <param name="arabicTermsPerWord">What the Arabic analysis writes per word (<see cref="ArabicSearchAnalyzer.TermsPerWord"/>).</param>
    public static Similarity Create(RankingOptions options, double arabicTermsPerWord) => new PerField(options, arabicTermsPerWord);

    private sealed class PerField(RankingOptions options, double arabicTermsPerWord) : PerFieldSimilarityWrapper
    {
        private readonly ConcurrentDictionary<string, Similarity> _fields = new(StringComparer.Ordinal);

        public override Similarity Get(string name) => _fields.GetOrAdd(name, Create);

        private Similarity Create(string name)
        {
            var analysis = LanguageAnalyses.OfField(name);
            var termsPerWord = analysis == LanguageAnalyses.Arabic ? arabicTermsPerWord : analysis.TermsPerWord;
            var b = name == analysis.TitleField ? options.TitleB : options.BodyB;
            return new WordBM25(options.K1, b, termsPerWord);
        }
    }

    /// <summary>The BM25 of one term in <paramref name="field"/>, to score from a segment's norms (<see cref="Bm25Table"/>); null where the field is not scored by our BM25.</summary>
    public static Bm25Table? Table(Similarity similarity, string field, float queryBoost, CollectionStatistics collection, TermStatistics term) =>
        similarity is PerFieldSimilarityWrapper perField && perField.Get(field) is WordBM25 bm25 ? bm25.Table(queryBoost, collection, term) : null;

    private sealed class WordBM25(float k1, float b, double termsPerWord) : BM25Similarity(k1, b)
    {
        /// <summary>What <see cref="BM25Similarity.ComputeWeight"/> computes for one term, in the same float operations.</summary>
        public Bm25Table Table(float queryBoost, CollectionStatistics collection, TermStatistics term)
        {
            var avgdl = AvgFieldLength(collection);
            if (_lengths is not { } lengths || lengths.Avgdl != avgdl)
            {
                var cache = new float[256];
                for (var i = 0; i < cache.Length; i++)
                    cache[i] = K1 * ((1 - B) + B * DecodeNormValue((byte)i) / avgdl);
                _lengths = lengths = new LengthParts(avgdl, cache);
            }
            return new Bm25Table(IdfExplain(collection, term).Value, queryBoost, K1, lengths.Cache);
        }

        /// <summary>
        /// The length parts of the last average length seen: the same for every term of the field until the index
        /// changes, where a 1 KB table a term was 6% of what a long question allocated.
        /// </summary>
        private volatile LengthParts? _lengths;

        private sealed record LengthParts(float Avgdl, float[] Cache);

        protected override float AvgFieldLength(CollectionStatistics collectionStats)
        {
            var terms = collectionStats.SumTotalTermFreq;
            return terms <= 0 ? 1f : (float)(terms / (double)DocumentsOf(collectionStats) / termsPerWord);
        }

        public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats)
        {
            var documents = DocumentsOf(collectionStats);
            return new Explanation(Idf(termStats.DocFreq, documents), $"idf(docFreq={termStats.DocFreq}, docCount={documents})");
        }

        public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats)
        {
            var documents = DocumentsOf(collectionStats);
            var idf = new Explanation { Description = "idf(), sum of:" };
            foreach (var term in termStats)
                idf.AddDetail(new Explanation(Idf(term.DocFreq, documents), $"idf(docFreq={term.DocFreq}, docCount={documents})"));
            idf.Value = idf.GetDetails().Sum(detail => detail.Value);
            return idf;
        }

        private static long DocumentsOf(CollectionStatistics collectionStats) =>
            collectionStats.DocCount > 0 ? collectionStats.DocCount : Math.Max(1, collectionStats.MaxDoc);
    }
}
