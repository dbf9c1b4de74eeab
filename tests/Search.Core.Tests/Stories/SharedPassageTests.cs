using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

public sealed class SharedPassageTests
{
    [Fact]
    public void The_longest_common_run_is_found_as_written_in_the_first_text()
    {
        var first = StoryTexts.Sentence(1) + " " + StoryTexts.Sentences(10, 12) + " " + StoryTexts.Sentence(2);
        var second = StoryTexts.Sentence(3) + " " + StoryTexts.Sentences(10, 12).Replace("أ", "ا") + " " + StoryTexts.Sentence(10);

        var passage = SharedPassage.Between(first, second);

        Assert.Equal(StoryTexts.Sentences(10, 12).TrimEnd('.'), passage.TextIn(first));
        Assert.Equal(36, passage.Words);
    }

    [Theory]
    [InlineData("", "نص")]
    [InlineData("بيان وزارة الخارجية اليوم", "مباراة كرة القدم أمس")]
    public void Texts_without_a_common_run_share_no_passage(string first, string second) =>
        Assert.True(SharedPassage.Between(first, second).IsEmpty);
}
