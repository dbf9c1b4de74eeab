using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Retrieval.Scoring;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.WhitespaceIndexes;

namespace Search.Core.Tests.Retrieval.Scoring;

/// <summary>
/// A question's words with their refiners (words near each other, a whole title) score every match exactly
/// as Lucene's disjunction of the same clauses does, to the last bit, on its own, nested in a conjunction,
/// and kept to a filter, over an index of several windows of documents.
/// </summary>
public sealed class RefinedQueryTests : IDisposable
{
    private readonly WhitespaceIndexes _indexes = new();

    public void Dispose() => _indexes.Dispose();

    /// <summary>5,000 texts (the scorer works in windows of 2,048 documents) of 1 to 12 words, some words far commoner than others.</summary>
    private IndexSearcher Texts()
    {
        var random = new Random(5);
        string[] vocabulary = ["a", "b", "c", "d", "e", "f", "g", "h"];
        string Word() => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 2.5))];
        return _indexes.Index("texts", Enumerable.Range(0, 5_000).Select(_ => Enumerable.Range(0, random.Next(1, 12)).Select(_ => Word()).ToArray()));
    }

    private static WordTermsQuery Word(string word) => new(Field, [word], exact: null, exactBoost: 0);

    /// <summary>The query's words, each pair of neighbours near each other, and the whole title; and the same clauses as one disjunction.</summary>
    private static (RefinedQuery Refined, BooleanQuery Disjunction) Question(params string[] words)
    {
        List<Query> matchers = [.. words.Select(Word)];
        List<Query> refiners = [.. words.Zip(words.Skip(1)).Select(pair => new ProximityQuery(Field, [pair.First], [pair.Second], 1, 3) { Boost = 0.5f })];
        refiners.Add(new WholeTitleQuery(Field, [.. words.Select(Word)]) { Boost = 0.3f });
        var disjunction = new BooleanQuery(disableCoord: true);
        foreach (var clause in matchers.Concat(refiners))
            disjunction.Add(clause, Occur.SHOULD);
        return (new RefinedQuery(matchers, refiners), disjunction);
    }

    private static void AssertSameScores(Dictionary<int, float> expected, Dictionary<int, float> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, hit => Assert.Equal(BitConverter.SingleToInt32Bits(hit.Value), BitConverter.SingleToInt32Bits(actual[hit.Key])));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a", "b")]
    [InlineData("g", "a", "h")]
    [InlineData("c", "d", "e", "f")]
    public void Scores_every_match_as_the_disjunction_of_its_clauses(params string[] words)
    {
        var searcher = Texts();
        var (refined, disjunction) = Question(words);

        var expected = Scores(searcher, disjunction);

        Assert.True(expected.Count > 2_048, $"only {expected.Count} matches: the test wants several windows");
        AssertSameScores(expected, Scores(searcher, refined));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.1f)]
    public void Words_in_two_fields_score_as_Lucene_s_disjunction_max_of_them(float tie)
    {
        // Each word "in two fields" as the product's title and body are: here a word and another standing for its
        // second field, so that documents hold the first alone, the second alone, or both.
        var searcher = Texts();
        Query TwoFields(string word, string other) => new DisjunctionMaxQuery(tie) { new WordTermsQuery(Field, [word], exact: null, exactBoost: 0) { Boost = 2 }, Word(other) };
        List<Query> matchers = [TwoFields("a", "e"), TwoFields("c", "h"), Word("d")];
        List<Query> refiners = [new ProximityQuery(Field, ["a"], ["c"], 1, 3) { Boost = 0.5f }];
        var disjunction = new BooleanQuery(disableCoord: true);
        foreach (var clause in matchers.Concat(refiners))
            disjunction.Add(clause, Occur.SHOULD);
        var refined = new RefinedQuery(matchers, refiners);

        var expected = Scores(searcher, disjunction);

        AssertSameScores(expected, Scores(searcher, refined));
        BooleanQuery With(Query query) => new(disableCoord: true) { { query, Occur.MUST }, { new TermQuery(new Term(Field, "b")), Occur.MUST } };
        AssertSameScores(Scores(searcher, With(disjunction)), Scores(searcher, With(refined)));
        foreach (var (doc, score) in expected.Take(30))
            Assert.Equal(score, searcher.Explain(refined, doc).Value);
    }

    [Fact]
    public void Nested_in_a_conjunction_it_scores_as_the_disjunction_does_there()
    {
        var searcher = Texts();
        var (refined, disjunction) = Question("b", "c", "d");
        BooleanQuery With(Query query) => new(disableCoord: true) { { query, Occur.MUST }, { new TermQuery(new Term(Field, "e")), Occur.MUST } };

        var expected = Scores(searcher, With(disjunction));

        Assert.NotEmpty(expected);
        AssertSameScores(expected, Scores(searcher, With(refined)));
    }

    [Fact]
    public void Kept_to_a_filter_it_scores_the_filtered_matches_alone()
    {
        var searcher = Texts();
        var (refined, disjunction) = Question("a", "f", "b");
        var filter = new QueryWrapperFilter(new TermQuery(new Term(Field, "c")));

        var expected = Scores(searcher, disjunction, filter);

        Assert.InRange(expected.Count, 1, Scores(searcher, disjunction).Count - 1);
        AssertSameScores(expected, Scores(searcher, refined, filter));
    }

    [Fact]
    public void Explains_each_match_with_its_score_and_a_document_without_its_words_as_no_match()
    {
        var searcher = Texts();
        var (refined, _) = Question("e", "f");
        var scores = Scores(searcher, refined);

        foreach (var (doc, score) in scores.Take(50))
            Assert.Equal(score, searcher.Explain(refined, doc).Value);
        var unmatched = Enumerable.Range(0, searcher.IndexReader.MaxDoc).First(doc => !scores.ContainsKey(doc));
        Assert.False(searcher.Explain(refined, unmatched).IsMatch);
    }
}
