namespace Search.Core.Analysis;

/// <summary>
/// Light suffix stripping of a normalised word whose proclitics are already gone: one ending, leaving at
/// least three letters. The endings are the sound plurals <c>ات ون ين</c>, the feminine <c>ة</c> (written
/// <c>ه</c> once normalised, so also the pronoun "his") and the relative (nisba) adjective's endings
/// <c>ي يه يون يين يات</c>: <c>مصري</c>, <c>مصرية</c>, <c>مصريون</c> and <c>مصر</c> meet, as do <c>مطاطي</c> and <c>مطاط</c>.
/// </summary>
internal sealed class ArabicSuffixes(IArabicWordKnowledge knowledge)
{
    /// <summary>Longest first, so that <c>مصريين</c> loses <c>يين</c> and not <c>ين</c>.</summary>
    private static readonly string[] Suffixes = ["يات", "يون", "يين", "يه", "ات", "ون", "ين", "ي", "ه"];

    /// <summary>The divine name that ends compound names (<c>عبدالله</c>, <c>نصرالله</c>): its final <c>ه</c> is no suffix.</summary>
    private const string DivineName = "الله";

    /// <summary>
    /// The length of the stem once its suffix is removed: never from a name ending in <see cref="DivineName"/>,
    /// and from a listed word (<see cref="IArabicWordKnowledge.IsListed"/>) only an ending the list shows to be
    /// one, its remainder being listed alone or with another ending (<c>أمريكية</c> → <c>أمريكي</c>, <c>وزارات</c>
    /// and <c>وزارة</c> → <c>وزار</c>), while <c>فلسطين</c> keeps its <c>ين</c>.
    /// </summary>
    public int StemLength(ReadOnlySpan<char> word)
    {
        if (word.EndsWith(DivineName, StringComparison.Ordinal))
            return word.Length;
        foreach (var suffix in Suffixes)
            if (word.Length >= suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                return knowledge.IsListed(word) && !IsListedStem(word[..^suffix.Length], suffix)
                    ? word.Length : word.Length - suffix.Length;
        return word.Length;
    }

    /// <summary>Whether the list holds <paramref name="stem"/> alone or with an ending other than <paramref name="removed"/>.</summary>
    private bool IsListedStem(ReadOnlySpan<char> stem, string removed)
    {
        if (knowledge.IsListed(stem))
            return true;
        Span<char> buffer = stackalloc char[stem.Length + 3];
        stem.CopyTo(buffer);
        foreach (var suffix in Suffixes)
        {
            if (suffix == removed)
                continue;
            suffix.CopyTo(buffer[stem.Length..]);
            if (knowledge.IsListed(buffer[..(stem.Length + suffix.Length)]))
                return true;
        }
        return false;
    }
}
