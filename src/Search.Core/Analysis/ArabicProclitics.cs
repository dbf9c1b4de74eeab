namespace Search.Core.Analysis;

/// <summary>
/// Finds the proclitics at the start of a normalised word, without damaging words whose first letter
/// belongs to them: <c>والوزير</c>, <c>للوزير</c>, <c>ووزير</c> and <c>الوزير</c> all come down to <c>وزير</c>,
/// which itself stays whole, as do <c>واشنطن</c>, <c>فلسطين</c>, <c>بريطانيا</c> and <c>لبنان</c>
/// (while <c>للبنان</c> is <c>ل</c> + <c>لبنان</c>). It takes the article with what may precede it (<c>و ف</c>,
/// <c>ب ك ل</c>), a lone <c>و</c> unless the word keeps its first letter, and a lone <c>ب ل ك</c> only in front
/// of a known word. A lone <c>ف</c> is not taken for the conjunction: that <c>ف</c> belongs to narrative
/// prose (<c>فقال</c>), rare in questions and headlines, while names and nouns that begin with <c>ف</c> are
/// common there and were cut (<c>فروبل</c> became <c>روبل</c>, the rouble); <c>فال</c> is still the article
/// behind it.
/// </summary>
internal sealed class ArabicProclitics(IArabicWordKnowledge knowledge)
{
    private const char Waw = '\u0648', Fa = '\u0641', Ba = '\u0628', Kaf = '\u0643', Lam = '\u0644', Alef = '\u0627';
    private const string Article = "ال";

    /// <summary>Article-bearing prefixes, longest first, with the fewest letters that must remain.</summary>
    private static readonly (string Prefix, int MinRemainder)[] ArticlePrefixes =
    [
        ("وبال", 3), ("وكال", 3), ("فبال", 3), ("فكال", 3),
        ("وال", 3), ("فال", 3), ("بال", 3), ("كال", 3), ("ولل", 2), ("فلل", 2),
        ("لل", 2), ("ال", 2),
    ];

    /// <summary>Words that look like the article and a stem but are not (<c>الله</c> is not <c>ال</c> + <c>له</c>).</summary>
    private static readonly HashSet<string> NotArticle = new(["الله", "اللهم", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي"], StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotArticleLookup = NotArticle.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many letters at the start of the word are proclitics.</summary>
    public int PrefixLength(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || !IsProcliticLetter(word[0]))
            return 0;
        if (NotArticleLookup.Contains(word))
            return 0;
        // A word that is known whole keeps its first letter, before any reading as clitics (والدة, لبنان, ألمانيا).
        if ((word[0] != Alef || word.StartsWith(Article, StringComparison.Ordinal)) && knowledge.KeepsFirstLetter(word))
            return 0;

        foreach (var (prefix, minRemainder) in ArticlePrefixes)
        {
            if (word.Length - prefix.Length < minRemainder || !word.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            // The ال is a known word's own (بالمانيا is ب + ألمانيا): only what precedes it is a clitic.
            if (prefix.Length > Article.Length && knowledge.KeepsFirstLetter(word[(prefix.Length - Article.Length)..]))
                return prefix.Length - Article.Length;
            if (prefix.EndsWith("لل", StringComparison.Ordinal))
            {
                // لل is ل + ال with the alef dropped, or ل in front of a word that starts with ل (للبنان).
                var afterPreposition = word[(prefix.Length - 1)..];
                if (knowledge.KeepsFirstLetter(afterPreposition))
                    return prefix.Length - 1;
            }
            return prefix.Length;
        }

        var conjunction = 0;
        if (word[0] == Waw && word.Length - 1 >= 3)
            conjunction = 1;
        var rest = word[conjunction..];
        if (rest.Length - 1 >= 3 && rest[0] is Ba or Lam or Kaf && !knowledge.KeepsFirstLetter(rest) && knowledge.IsWord(rest[1..]))
            return conjunction + 1;
        return conjunction;
    }

    private static bool IsProcliticLetter(char c) => c is Waw or Fa or Ba or Kaf or Lam or Alef;
}
