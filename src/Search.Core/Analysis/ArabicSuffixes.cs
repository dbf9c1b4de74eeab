namespace Search.Core.Analysis;

/// <summary>Which endings of a word are taken for suffixes.</summary>
internal enum SuffixMode
{
    /// <summary>None: the stem keeps its ending.</summary>
    None,

    /// <summary>The sound plurals <c>ات ون ين</c>.</summary>
    Plural,

    /// <summary>The sound plurals and the feminine <c>ة</c> (written <c>ه</c> once normalised, so also the pronoun "his").</summary>
    PluralFeminine,

    /// <summary>Lucene's <c>ArabicStemmer</c>: <c>ها ان ات ون ين يه ه ي</c>, each in turn, as long as two letters remain.</summary>
    Lucene,
}

/// <summary>Light suffix stripping of a normalised word whose proclitics are already gone.</summary>
internal sealed class ArabicSuffixes(SuffixMode mode, IArabicWordKnowledge knowledge)
{
    private static readonly string[] Plurals = ["ات", "ون", "ين"];
    private static readonly string[] PluralsAndFeminine = ["ات", "ون", "ين", "ه"];
    private static readonly string[] LuceneSuffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

    public SuffixMode Mode { get; } = mode;

    /// <summary>The length of the stem once suffixes are removed.</summary>
    public int StemLength(ReadOnlySpan<char> word)
    {
        switch (Mode)
        {
            case SuffixMode.Lucene:
                var length = word.Length;
                foreach (var suffix in LuceneSuffixes)
                    if (length >= suffix.Length + 2 && word[..length].EndsWith(suffix, StringComparison.Ordinal))
                        length -= suffix.Length;
                return length;
            case SuffixMode.Plural:
                return StripOne(word, Plurals);
            case SuffixMode.PluralFeminine:
                return StripOne(word, PluralsAndFeminine);
            default:
                return word.Length;
        }
    }

    /// <summary>The divine name that ends compound names (<c>عبدالله</c>, <c>نصرالله</c>): its final <c>ه</c> is no suffix.</summary>
    private const string DivineName = "الله";

    /// <summary>One suffix, leaving at least three letters, and never from a word known whole (<c>فلسطين</c>) or a name ending in <see cref="DivineName"/>.</summary>
    private int StripOne(ReadOnlySpan<char> word, string[] suffixes)
    {
        if (word.EndsWith(DivineName, StringComparison.Ordinal))
            return word.Length;
        foreach (var suffix in suffixes)
            if (word.Length >= suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                return knowledge.IsListed(word) ? word.Length : word.Length - suffix.Length;
        return word.Length;
    }
}
