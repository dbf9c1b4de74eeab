using Search.Core.Text;

namespace Search.Core.Analysis;

/// <summary>What the clitic stripper may ask about words before it takes a letter for a proclitic.</summary>
internal interface IArabicWordKnowledge
{
    /// <summary>The word (normalised) is a word of its own whose first letter, though it looks like a proclitic, belongs to it (<c>وزير</c>, <c>فلسطين</c>).</summary>
    bool KeepsFirstLetter(ReadOnlySpan<char> word);

    /// <summary>The word (normalised) is known as a word, so a lone preposition in front of it can be stripped (<c>بمصر</c> → <c>مصر</c>).</summary>
    bool IsWord(ReadOnlySpan<char> word);

    /// <summary>The word (normalised) is listed exactly as it is: its ending is not to be taken for a suffix (<c>لبنان</c>, <c>فلسطين</c>).</summary>
    bool IsListed(ReadOnlySpan<char> word);
}

/// <summary>
/// Word knowledge from a fixed list (<see cref="ArabicKnownWords"/>): a listed word, or a listed word with
/// an inflectional or pronoun ending (<c>وزيرة</c>, <c>وطنيون</c>, <c>وصلت</c>), keeps its first letter; a
/// listed word, or one with a plural or nisba ending, is a word a preposition can be stripped in front of.
/// </summary>
internal sealed class KnownWordList : IArabicWordKnowledge
{
    /// <summary>Endings a listed word may carry and still keep its first letter (normalised: ة is ه).</summary>
    private static readonly string[] InflectedEndings =
        ["يين", "يون", "يات", "تها", "تهم", "هما", "يه", "ات", "ان", "ين", "ون", "ها", "هم", "نا", "كم", "تم", "وا", "ته", "ه", "ي", "ا", "ت", "ك"];

    /// <summary>Endings a listed word may carry and still count as a word after a stripped preposition.</summary>
    private static readonly string[] WordEndings = ["يين", "يون", "يات", "يه", "ات", "ين", "ون", "ي"];

    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="lists">Whitespace-separated word lists, in ordinary spelling; folded (<see cref="ArabicLetters"/>) as the words they are looked up for.</param>
    private KnownWordList(IEnumerable<string> lists)
    {
        foreach (var list in lists)
            foreach (var word in list.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                _words.Add(ArabicLetters.Fold(word));
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shipped list (<see cref="ArabicKnownWords"/>). Immutable and shared.</summary>
    public static KnownWordList Default { get; } = new(ArabicKnownWords.All);

    public bool KeepsFirstLetter(ReadOnlySpan<char> word) => Matches(word, InflectedEndings);

    public bool IsWord(ReadOnlySpan<char> word) => Matches(word, WordEndings);

    public bool IsListed(ReadOnlySpan<char> word) => _lookup.Contains(word);

    private bool Matches(ReadOnlySpan<char> word, string[] endings)
    {
        if (_lookup.Contains(word))
            return true;
        foreach (var ending in endings)
            if (word.Length >= ending.Length + 3 && word.EndsWith(ending, StringComparison.Ordinal) && _lookup.Contains(word[..^ending.Length]))
                return true;
        return false;
    }
}
