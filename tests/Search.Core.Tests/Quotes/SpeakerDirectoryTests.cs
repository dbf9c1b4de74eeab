using Search.Core.Quotes;

namespace Search.Core.Tests.Quotes;

/// <summary>Speaker keys merged across documents: one person counted once, two people never one.</summary>
public sealed class SpeakerDirectoryTests
{
    private static string Key(string name) => SpeakerKeys.Of(name);

    private static SpeakerDirectory Of(params string[] names) => new(names.Select(Key));

    [Fact]
    public void A_surname_alone_is_the_one_speaker_whose_name_ends_with_it()
    {
        var directory = Of("دميتري بيسكوف", "بيسكوف", "سيرغي لافروف");
        Assert.Equal(Key("دميتري بيسكوف"), directory.Canonical(Key("بيسكوف")));
        Assert.Equal([Key("بيسكوف"), Key("دميتري بيسكوف")], directory.Members(Key("دميتري بيسكوف")).Order());
        Assert.Equal([Key("سيرغي لافروف")], directory.Members(Key("سيرغي لافروف")));
    }

    [Fact]
    public void A_surname_that_two_speakers_share_stays_its_own_speaker()
    {
        var directory = Of("صالح", "محمد صالح", "علي عبدالله صالح");
        Assert.Equal(Key("صالح"), directory.Canonical(Key("صالح")));
        Assert.Equal(Key("محمد صالح"), directory.Canonical(Key("محمد صالح")));
        Assert.NotEqual(directory.Canonical(Key("محمد صالح")), directory.Canonical(Key("علي عبدالله صالح")));
    }

    [Fact]
    public void A_fathers_name_is_not_the_son()
    {
        var directory = Of("سلمان", "محمد بن سلمان");
        Assert.Equal(Key("سلمان"), directory.Canonical(Key("سلمان")));
    }

    [Fact]
    public void A_patronymic_goes_on_into_the_one_fuller_name_and_spellings_fold_to_one_key()
    {
        var directory = Of("محمد بن راشد", "محمد بن راشد آل مكتوم", "مكتوم");
        Assert.Equal(Key("محمد بن راشد آل مكتوم"), directory.Canonical(Key("محمد بن راشد")));
        Assert.Equal(Key("محمد بن راشد آل مكتوم"), directory.Canonical(Key("مكتوم")));
        Assert.Equal(Key("عبد الله"), Key("عبدالله"));
        Assert.Equal(Key("أسامة"), Key("اسامه"));
    }

    [Fact]
    public void A_longer_patronymic_goes_on_only_into_the_one_name_it_begins()
    {
        var directory = Of("تركي بن فيصل الفيصل", "تركي بن فيصل الفيصل آل سعود", "تركي بن فيصل", "تركي بن فيصل بن عبدالعزيز",
            "خالد بن سلمان", "خالد بن سلمان آل سعود", "خالد بن سلمان بن عبدالعزيز");
        Assert.Equal(Key("تركي بن فيصل الفيصل آل سعود"), directory.Canonical(Key("تركي بن فيصل الفيصل")));
        Assert.Equal(Key("تركي بن فيصل"), directory.Canonical(Key("تركي بن فيصل")));   // two names go on from it
        Assert.Equal(Key("خالد بن سلمان"), directory.Canonical(Key("خالد بن سلمان")));
        Assert.Equal(Key("خالد بن سلمان آل سعود"), directory.Canonical(Key("خالد بن سلمان آل سعود")));
    }

    [Fact]
    public void Two_names_of_two_words_never_merge_and_an_unknown_key_is_its_own()
    {
        var directory = Of("محمد علي", "أحمد علي");
        Assert.Equal(Key("محمد علي"), directory.Canonical(Key("محمد علي")));
        Assert.Equal(Key("أحمد علي"), directory.Canonical(Key("أحمد علي")));
        Assert.Equal([Key("حسن نصرالله")], directory.Members(Key("حسن نصرالله")));
    }
}
