using Search.Core.Text;

namespace Search.Core.Analysis;

/// <summary>
/// The per-word part of the analysis, which depends on the word alone: expand presentation forms, normalise
/// (<see cref="ArabicLetters"/>), drop stop words (<see cref="ArabicStopWords"/>, matched on the normalised
/// word), read a number with letters attached as the number (<see cref="ArabicNumbers"/>) or strip clitics and
/// suffixes (<see cref="ArabicProclitics"/>, <see cref="ArabicSuffixes"/>): the exact form is the word without
/// its proclitics, the stem that without its suffixes too.
/// <para>
/// It remembers what it made of the words it met last, keyed by the word as the tokenizer gave it, since news
/// text repeats its words: a word seen before costs one lookup instead of folding it and asking the stop words,
/// the clitics and the suffixes again (four to eight hash lookups of the word and its parts). Those lookups
/// were a quarter of the analysis's time in a profile of a full rebuild of the corpus, and the analysis a sixth
/// of the rebuild's (docs/performance.md). The memory is a fixed table of slots, one word a slot, the newest word
/// replacing the one before it in its slot: bounded whatever the text, and shared by every thread without a
/// lock, since a slot holds a word's entry (<see cref="AnalysedWord"/>), never changed once written and replaced
/// whole, so a reader sees the old word or the new one, and checks which.
/// </para>
/// </summary>
internal sealed class ArabicWordAnalysis(ArabicStopWords stopWords, ArabicProclitics proclitics, ArabicSuffixes suffixes)
{
    /// <summary>
    /// 32,768 slots: about 3 MB when full (the slot table and each word's entry), for each analyzer (one in the service).
    /// </summary>
    private const int SlotBits = 15;

    /// <summary>Longer tokens (URLs, glued junk) are analysed every time: rare, and they would crowd the slots.</summary>
    private const int MaxRememberedLength = 24;

    private readonly Slot[] _slots = new Slot[1 << SlotBits];

    public AnalysedWord Analyse(ReadOnlySpan<char> token)
    {
        if (token.Length > MaxRememberedLength)
            return AnalyseAnew(token);
        ref var slot = ref _slots[SlotOf(token)].Entry;
        if (Volatile.Read(ref slot) is { } entry)
        {
            var remembered = AnalysedWord.FromEntry(entry);
            if (remembered.Is(token))
                return remembered;
        }
        var word = AnalyseAnew(token);
        Volatile.Write(ref slot, word.Entry);
        return word;
    }

    private AnalysedWord AnalyseAnew(ReadOnlySpan<char> token)
    {
        // Folded into the stack: the entry made below is the one copy kept.
        Span<char> buffer = token.Length <= 256 ? stackalloc char[token.Length] : new char[token.Length];
        var word = ArabicLetters.FoldWhole(token, buffer);
        if (word.Length == 0 || stopWords.Contains(word))
            return AnalysedWord.Drop(token);
        var (start, end) = (0, word.Length);
        if (ArabicNumbers.Number(word) is { } number)
            (start, end) = (number.Start, number.Start + number.Length);
        else if (IsArabicLetter(word[0]))
        {
            start = proclitics.PrefixLength(word);
            end = start + suffixes.StemLength(word[start..]);
        }
        // The exact form keeps the word's endings (number, gender, the relative adjective) and leaves its
        // proclitics off: the article, a conjunction or a preposition glued on is a word of its own, not a
        // form of this one (docs/relevance.md).
        return AnalysedWord.Kept(token, word[start..], end - start);
    }

    /// <summary>FNV-1a over the token's characters, its high bits folded in: cheap, and spread well enough over Arabic words.</summary>
    private static int SlotOf(ReadOnlySpan<char> token)
    {
        var hash = 2166136261u;
        foreach (var c in token)
            hash = (hash ^ c) * 16777619u;
        return (int)((hash ^ (hash >> SlotBits)) & ((1u << SlotBits) - 1));
    }

    /// <summary>
    /// An entry of <see cref="AnalysedWord"/>, replaced whole, never changed. In a struct, so that taking a slot's
    /// reference is not checked against the array's element type, as it is in an array of arrays (a call a word).
    /// </summary>
    private struct Slot
    {
        public char[]? Entry;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';
}
