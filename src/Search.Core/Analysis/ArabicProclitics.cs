namespace Search.Core.Analysis;

/// <summary>How proclitics (conjunctions, prepositions, the article) are found at the start of a word.</summary>
internal enum ProcliticMode
{
    /// <summary>Nothing is stripped.</summary>
    None,

    /// <summary>Lucene's <c>ArabicStemmer</c>: one of <c>ال وال بال كال فال لل</c>, or a lone <c>و</c> in front of three letters or more.</summary>
    Lucene,

    /// <summary>The article with what may precede it (<c>و ف</c>, <c>ب ك ل</c>); a lone <c>و</c>/<c>ف</c> unless the word keeps its
    /// first letter; a lone <c>ب ل ك</c> only in front of a known word.</summary>
    Rules,
}

/// <summary>
/// Finds the proclitics at the start of a normalised word, without damaging words whose first letter
/// belongs to them: <c>والوزير</c>, <c>للوزير</c>, <c>ووزير</c> and <c>الوزير</c> all come down to <c>وزير</c>,
/// which itself stays whole, as do <c>واشنطن</c>, <c>فلسطين</c>, <c>بريطانيا</c> and <c>لبنان</c>
/// (while <c>للبنان</c> is <c>ل</c> + <c>لبنان</c>).
/// </summary>
internal sealed class ArabicProclitics(ProcliticMode mode, IArabicWordKnowledge knowledge, bool stripFa = true)
{
    private const char Waw = '\u0648', Fa = '\u0641', Ba = '\u0628', Kaf = '\u0643', Lam = '\u0644', Alef = '\u0627';

    /// <summary>Article-bearing prefixes, longest first, with the fewest letters that must remain.</summary>
    private static readonly (string Prefix, int MinRemainder)[] ArticlePrefixes =
    [
        ("وبال", 3), ("وكال", 3), ("فبال", 3), ("فكال", 3),
        ("وال", 3), ("فال", 3), ("بال", 3), ("كال", 3), ("ولل", 2), ("فلل", 2),
        ("لل", 2), ("ال", 2),
    ];

    private static readonly string[] LucenePrefixes = ["ال", "وال", "بال", "كال", "فال", "لل", "و"];

    /// <summary>Words that look like the article and a stem but are not (<c>الله</c> is not <c>ال</c> + <c>له</c>).</summary>
    private static readonly HashSet<string> NotArticle = new(["الله", "اللهم", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي"], StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotArticleLookup = NotArticle.GetAlternateLookup<ReadOnlySpan<char>>();

    public ProcliticMode Mode { get; } = mode;

    /// <summary>How many letters at the start of the word are proclitics.</summary>
    public int PrefixLength(ReadOnlySpan<char> word) => Mode switch
    {
        ProcliticMode.Lucene => LuceneLength(word),
        ProcliticMode.Rules => RulesLength(word),
        _ => 0,
    };

    private static int LuceneLength(ReadOnlySpan<char> word)
    {
        foreach (var prefix in LucenePrefixes)
        {
            if (prefix.Length == 1 && word.Length < 4)
                continue;
            if (word.Length >= prefix.Length + 2 && word.StartsWith(prefix, StringComparison.Ordinal))
                return prefix.Length;
        }
        return 0;
    }

    private int RulesLength(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || !IsProcliticLetter(word[0]))
            return 0;
        if (NotArticleLookup.Contains(word))
            return 0;
        // A word that is known whole keeps its first letter, before any reading as clitics (والدة, لبنان).
        if (word[0] != Alef && knowledge.KeepsFirstLetter(word))
            return 0;

        foreach (var (prefix, minRemainder) in ArticlePrefixes)
        {
            if (word.Length - prefix.Length < minRemainder || !word.StartsWith(prefix, StringComparison.Ordinal))
                continue;
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
        if ((word[0] == Waw || (stripFa && word[0] == Fa)) && word.Length - 1 >= 3)
            conjunction = 1;
        var rest = word[conjunction..];
        if (rest.Length - 1 >= 3 && rest[0] is Ba or Lam or Kaf && !knowledge.KeepsFirstLetter(rest) && knowledge.IsWord(rest[1..]))
            return conjunction + 1;
        return conjunction;
    }

    private static bool IsProcliticLetter(char c) => c is Waw or Fa or Ba or Kaf or Lam or Alef;
}
