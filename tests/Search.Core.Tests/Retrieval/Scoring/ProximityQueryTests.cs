using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Retrieval.Scoring;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.WhitespaceIndexes;

namespace Search.Core.Tests.Retrieval.Scoring;

/// <summary>
/// Two words near each other score exactly as Lucene's sloppy phrase of two terms, and a word held
/// under two spellings exactly as if it were held under one.
/// </summary>
public sealed class ProximityQueryTests : IDisposable
{
    private static readonly string[] Vocabulary = ["a", "b", "c", "d", "x", "y"];

    private readonly WhitespaceIndexes _indexes = new();

    public void Dispose() => _indexes.Dispose();

    [Theory]
    [InlineData("a", "b", 1, 0)]
    [InlineData("a", "b", 1, 4)]
    [InlineData("b", "a", 2, 4)]
    [InlineData("c", "x", 3, 2)]
    [InlineData("y", "d", 1, 10)]
    public void Scores_as_Lucene_s_sloppy_phrase_of_the_two_terms(string first, string second, int gap, int slop)
    {
        var searcher = _indexes.Index("one", RandomTexts(7, Vocabulary));
        var phrase = new PhraseQuery { Slop = slop, Boost = 0.5f };
        phrase.Add(new Term(Field, first), 0);
        phrase.Add(new Term(Field, second), gap);

        var expected = Scores(searcher, phrase);
        var actual = Scores(searcher, new ProximityQuery(Field, [first], [second], gap, slop) { Boost = 0.5f });

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, hit => Assert.Equal(hit.Value, actual[hit.Key], 5));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 4)]
    [InlineData(3, 2)]
    public void A_word_under_two_spellings_scores_as_if_it_had_one(int gap, int slop)
    {
        // Each text spells "a" one way throughout, so summed statistics are exactly those of one term.
        var texts = RandomTexts(11, Vocabulary);
        var single = _indexes.Index("single", texts);
        var split = _indexes.Index("split", texts.Select((words, i) => i % 3 == 0 ? words.Select(w => w == "a" ? "=a" : w).ToArray() : words));
        var phrase = new PhraseQuery { Slop = slop };
        phrase.Add(new Term(Field, "a"), 0);
        phrase.Add(new Term(Field, "b"), gap);

        var expected = Scores(single, phrase);
        var actual = Scores(split, new ProximityQuery(Field, ["a", "=a"], ["b"], gap, slop));

        Assert.Contains(expected.Keys, doc => doc % 3 == 0);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, hit => Assert.Equal(hit.Value, actual[hit.Key], 5));
    }

    [Fact]
    public void A_word_no_document_holds_matches_nothing()
    {
        var searcher = _indexes.Index("one", RandomTexts(3, Vocabulary));

        Assert.Empty(Scores(searcher, new ProximityQuery(Field, ["a"], ["missing", "=missing"], 1, 4)));
    }

    [Fact]
    public void Spellings_shared_by_both_words_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ProximityQuery(Field, ["a", "=a"], ["=a"], 1, 4));
    }
}
