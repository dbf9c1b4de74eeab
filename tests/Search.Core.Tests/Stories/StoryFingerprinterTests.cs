using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

public sealed class StoryFingerprinterTests
{
    private static StoryFingerprint Print(string text) => StoryFingerprinter.Default.Fingerprint(text);

    [Fact]
    public void Diacritics_letter_forms_tatweel_punctuation_and_digits_do_not_change_the_fingerprint()
    {
        const string plain = "أعلنت وزارة الصحة اليوم عن إجراءات جديدة لمواجهة الأمراض في 2021 وقالت إن المستشفيات مستعدة";
        const string dressed = "أَعْلَنَتْ وزارةُ الصحـــة، اليومَ عن اجراءات جديده لمواجهة الامراض في ٢٠٢١؛ وقالت: «إن المستشفيات مستعدة»!";

        var fingerprint = Print(plain + " " + StoryTexts.Sentences(0, 5));

        Assert.NotEqual(0, fingerprint.Count);
        Assert.Equal(fingerprint.Samples, Print(dressed + " " + StoryTexts.Sentences(0, 5)).Samples);
    }

    [Fact]
    public void Different_texts_share_almost_nothing()
    {
        var first = Print(StoryTexts.Sentences(0, 9));
        var second = Print(StoryTexts.Sentences(10, 19));

        Assert.True(first.Shared(second) <= 1, $"{first.Shared(second)} shared samples");
    }

    [Fact]
    public void A_text_inside_another_keeps_its_samples()
    {
        var part = Print(StoryTexts.Sentences(3, 7));
        var whole = Print(StoryTexts.Sentences(0, 12));

        // Only the runs crossing the part's two edges differ.
        Assert.True(part.Shared(whole) >= part.Count - 2, $"{part.Shared(whole)} of {part.Count}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("... ،؛ !!")]
    public void A_body_without_words_has_an_empty_fingerprint(string? body) =>
        Assert.Equal(0, Print(body!).Count);

    [Fact]
    public void The_stored_bytes_read_back_and_other_bytes_read_as_empty()
    {
        var fingerprint = Print(StoryTexts.Sentences(0, 9));

        Assert.Equal(fingerprint.Samples, StoryFingerprint.FromBytes(fingerprint.ToBytes()).Samples);
        Assert.Equal(0, StoryFingerprint.FromBytes([1, 2, 3]).Count);
        Assert.Equal(0, StoryFingerprint.FromBytes([9, 0, 0, 0, 1, 0, 0, 0]).Count); // not sorted
    }
}
