using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Retrieval.Scoring;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.WhitespaceIndexes;

namespace Search.Core.Tests.Retrieval.Scoring;

/// <summary>A word's stem and exact form score in one pass exactly what a stem query plus an exact-form query would.</summary>
public sealed class WordTermsQueryTests : IDisposable
{
    private static readonly string[] Vocabulary = ["s", "=s", "=sa", "x", "=x", "y"];

    private readonly WhitespaceIndexes _indexes = new();

    public void Dispose() => _indexes.Dispose();

    private static Query Sum(params Query[] clauses)
    {
        var sum = new BooleanQuery(disableCoord: true);
        foreach (var clause in clauses)
            sum.Add(clause, Occur.SHOULD);
        return sum;
    }

    private void AssertSameScores(Query expected, Query actual)
    {
        var searcher = _indexes.Index("words", RandomTexts(5, Vocabulary));
        var want = Scores(searcher, expected);
        var got = Scores(searcher, actual);

        Assert.NotEmpty(want);
        Assert.Equal(want.Keys.Order(), got.Keys.Order());
        Assert.All(want, hit => Assert.Equal(hit.Value, got[hit.Key], 5));
    }

    [Fact]
    public void One_spelling_and_no_exact_form_is_a_term_query()
    {
        AssertSameScores(new TermQuery(new Term(Field, "x")) { Boost = 2 }, new WordTermsQuery(Field, ["x"], exact: null, exactBoost: 0.2f) { Boost = 2 });
    }

    [Fact]
    public void A_term_scores_from_the_norms_to_the_last_bit_what_Lucene_s_BM25_gives_it()
    {
        // Bm25Table reads the segment's norms itself; Lucene's term query scores through BM25Similarity's own
        // scorer. Documents of 1 to 40 words give norms of many lengths; the outer boost reaches both through
        // the normalisation of the weights.
        var searcher = _indexes.Index("words", RandomTexts(5, Vocabulary));
        foreach (var (word, boost) in new[] { ("x", 1f), ("=sa", 0.2f), ("y", 2.5f) })
        {
            var want = Scores(searcher, Boosted(new TermQuery(new Term(Field, word)) { Boost = boost }));
            var got = Scores(searcher, Boosted(new WordTermsQuery(Field, [word], exact: null, exactBoost: 0) { Boost = boost }));

            Assert.True(want.Count > 50, $"'{word}' is in {want.Count} documents");
            Assert.Equal(want.Keys.Order(), got.Keys.Order());
            Assert.All(want, hit => Assert.Equal(BitConverter.SingleToInt32Bits(hit.Value), BitConverter.SingleToInt32Bits(got[hit.Key])));
        }

        static Query Boosted(Query clause)
        {
            // Two clauses, so that the outer query is not rewritten into its one clause with the boost folded in.
            var outer = new BooleanQuery { Boost = 3f };
            outer.Add(clause, Occur.MUST);
            outer.Add(new TermQuery(new Term(Field, "absent")), Occur.MUST_NOT);
            return outer;
        }
    }

    [Fact]
    public void Under_another_similarity_a_term_scores_what_that_similarity_gives_it()
    {
        // Only our BM25 makes the norms' tables; under another similarity the word is scored by Lucene's scorer.
        var ours = _indexes.Index("words", RandomTexts(5, Vocabulary));
        var searcher = new IndexSearcher(ours.IndexReader) { Similarity = new Lucene.Net.Search.Similarities.DefaultSimilarity() };
        var want = Scores(searcher, new TermQuery(new Term(Field, "x")));
        var got = Scores(searcher, new WordTermsQuery(Field, ["x"], exact: null, exactBoost: 0));

        Assert.True(want.Count > 50, $"'x' is in {want.Count} documents");
        Assert.NotEqual(Scores(ours, new TermQuery(new Term(Field, "x"))).Values.Order(), want.Values.Order());
        Assert.All(want, hit => Assert.Equal(BitConverter.SingleToInt32Bits(hit.Value), BitConverter.SingleToInt32Bits(got[hit.Key])));
    }

    [Fact]
    public void An_exact_form_apart_from_the_stem_adds_its_own_term_score()
    {
        AssertSameScores(
            Sum(new TermQuery(new Term(Field, "x")), new TermQuery(new Term(Field, "=sa")) { Boost = 0.2f }),
            new WordTermsQuery(Field, ["x"], exact: "=sa", exactBoost: 0.2f));
    }

    [Fact]
    public void An_exact_form_that_is_one_of_the_stem_s_spellings_counts_for_both()
    {
        // The stem part sums both spellings' frequencies, which no Lucene query does; with the exact form
        // left out it is checked against a single-term index in A_stem_found_under_both_its_spellings_scores_as_one_term.
        var searcher = _indexes.Index("words", RandomTexts(5, Vocabulary));
        var stemOnly = Scores(searcher, new WordTermsQuery(Field, ["s", "=s"], exact: null, exactBoost: 0));
        var exactOnly = Scores(searcher, new TermQuery(new Term(Field, "=s")) { Boost = 0.2f });
        var both = Scores(searcher, new WordTermsQuery(Field, ["s", "=s"], exact: "=s", exactBoost: 0.2f));

        Assert.Contains(stemOnly.Keys, doc => !exactOnly.ContainsKey(doc));
        Assert.Equal(stemOnly.Keys.Order(), both.Keys.Order());
        Assert.All(both, hit => Assert.Equal(stemOnly[hit.Key] + exactOnly.GetValueOrDefault(hit.Key), hit.Value, 5));
    }
}
