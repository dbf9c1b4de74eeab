using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Retrieval.Scoring;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.WhitespaceIndexes;

namespace Search.Core.Tests.Retrieval.Scoring;

/// <summary>
/// A field (here the body of a whitespace index, standing for a title) matches when every one of its
/// words is a query word, and scores its words' scores times the share of the query they make up.
/// </summary>
public sealed class WholeTitleQueryTests : IDisposable
{
    private readonly WhitespaceIndexes _indexes = new();

    public void Dispose() => _indexes.Dispose();

    private static WholeTitleQuery Query(params string[] words) =>
        new(Field, [.. words.Select(w => new WordTermsQuery(Field, [w], exact: null, exactBoost: 0))]);

    private IndexSearcher Titles(params string[] titles) => _indexes.Index("titles", titles.Select(t => t.Split(' ')));

    [Fact]
    public void Only_titles_made_wholly_of_query_words_match()
    {
        var searcher = Titles("a b", "a", "a a", "a b c", "b x", "c", "x y z");

        var matched = Scores(searcher, Query("a", "b")).Keys.Order();

        Assert.Equal([0, 1, 2], matched);
    }

    [Fact]
    public void A_title_scores_its_words_times_the_share_of_the_query_they_make_up()
    {
        var searcher = Titles("a b", "a", "b", "b c", "c d", "d", "d e", "e");
        double Idf(string word)
        {
            var documents = searcher.IndexReader.DocFreq(new Term(Field, word));
            return Math.Log(1 + (searcher.IndexReader.NumDocs - documents + 0.5) / (documents + 0.5));
        }
        var share = Idf("a") / (Idf("a") + Idf("b"));
        var wordA = Scores(searcher, new WordTermsQuery(Field, ["a"], exact: null, exactBoost: 0));
        var wordB = Scores(searcher, new WordTermsQuery(Field, ["b"], exact: null, exactBoost: 0));

        var scores = Scores(searcher, Query("a", "b"));

        Assert.Equal(wordA[1] * share, scores[1], 5);
        Assert.Equal(wordA[0] + wordB[0], scores[0], 5);
        Assert.True(scores[2] < scores[1], "b is the commoner word, so a title of b alone names less of the query than a title of a");
    }

    [Fact]
    public void Long_titles_are_told_apart_by_their_norm_within_its_precision()
    {
        var words = Enumerable.Range(0, 12).Select(i => "w" + i).ToArray();
        var searcher = Titles(string.Join(' ', words[..9]), string.Join(' ', words), "other words");

        Assert.Equal([0, 1], Scores(searcher, Query(words)).Keys.Order());
        Assert.Equal([0], Scores(searcher, Query(words[..10])).Keys.Order());
    }

    [Fact]
    public void A_boost_scales_the_score()
    {
        var searcher = Titles("a b", "a");
        var plain = Scores(searcher, Query("a", "b"));
        var query = Query("a", "b");
        query.Boost = 2;

        var boosted = Scores(searcher, query);

        Assert.All(plain, hit => Assert.Equal(hit.Value * 2, boosted[hit.Key], 5));
    }
}
