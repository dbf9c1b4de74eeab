using Search.Core.Retrieval.Scoring;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.WhitespaceIndexes;

namespace Search.Core.Tests.Retrieval.Scoring;

/// <summary>A phrase of words held under several spellings matches any of them in order, and equal phrases are equal queries.</summary>
public sealed class MergedPhraseQueryTests : IDisposable
{
    private readonly WhitespaceIndexes _indexes = new();

    public void Dispose() => _indexes.Dispose();

    private static MergedPhraseQuery Phrase(string second = "b") => new(Field, [(["s", "=s"], 0), ([second], 1)]);

    [Fact]
    public void Matches_the_words_in_order_under_any_spelling()
    {
        var searcher = _indexes.Index("phrases", [["s", "b"], ["=s", "b"], ["b", "s"], ["=s", "x", "b"]]);

        Assert.Equal([0, 1], Scores(searcher, Phrase()).Keys.Order());
    }

    [Fact]
    public void Equal_phrases_are_equal_queries()
    {
        Assert.Equal(Phrase(), Phrase());
        Assert.Equal(Phrase().GetHashCode(), Phrase().GetHashCode());
        Assert.NotEqual(Phrase(), Phrase(second: "x"));
    }
}
