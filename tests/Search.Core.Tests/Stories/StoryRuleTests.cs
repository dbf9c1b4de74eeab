using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

public sealed class StoryRuleTests
{
    private static StoryFingerprint Print(string text) => StoryFingerprinter.Default.Fingerprint(text);

    private static readonly StoryRule Rule = StoryRule.Default;

    [Fact]
    public void A_reprint_with_a_sentence_added_is_the_same_text()
    {
        var original = Print(StoryTexts.Sentences(0, 11));
        var reprint = Print(StoryTexts.Sentences(0, 11) + " " + StoryTexts.Sentence(50));

        Assert.Equal(StoryRelation.Same, Rule.Relate(original, reprint));
    }

    [Fact]
    public void A_shortened_reprint_is_carried_by_its_original()
    {
        var original = Print(StoryTexts.Sentences(0, 24));
        var shortened = Print(StoryTexts.Sentences(0, 9));

        Assert.Equal(StoryRelation.FirstCarriesSecond, Rule.Relate(original, shortened));
        Assert.Equal(StoryRelation.SecondCarriesFirst, Rule.Relate(shortened, original));
    }

    [Fact]
    public void Texts_sharing_a_few_sentences_are_not_related()
    {
        var first = Print(StoryTexts.Sentences(0, 9));
        var second = Print(StoryTexts.Sentences(6, 15));

        Assert.Equal(StoryRelation.None, Rule.Relate(first, second));
    }

    [Fact]
    public void A_short_text_inside_a_long_one_is_not_carried_but_its_copy_is_the_same_text()
    {
        var formula = Print(StoryTexts.Sentences(0, 2));
        var article = Print(StoryTexts.Sentences(0, 2) + " " + StoryTexts.Sentences(10, 30));

        Assert.True(formula.Count < Rule.MinSamples, $"{formula.Count} samples");
        Assert.Equal(StoryRelation.None, Rule.Relate(article, formula));
        Assert.Equal(StoryRelation.Same, Rule.Relate(formula, Print(StoryTexts.Sentences(0, 2))));
    }

    [Fact]
    public void An_empty_fingerprint_is_related_to_nothing() =>
        Assert.Equal(StoryRelation.None, Rule.Relate(StoryFingerprint.Empty, StoryFingerprint.Empty));
}
