using System.Collections.Frozen;
using Search.Core.Analysis;

namespace Search.Core.Quotes;

/// <summary>
/// Every word of the attribution grammar with its classes, folded like the search analysis folds
/// (<see cref="ArabicNormalizer"/>, hamza on a seat folded), so <c>أكد</c>, <c>اكد</c> and <c>أكّد</c>
/// are one word. Immutable and shared by every extraction.
/// </summary>
internal sealed class QuoteLexicon
{
    /// <summary>Longer words are no word of the lexicon and are not folded for a lookup.</summary>
    private const int LongestWord = 24;

    private readonly FrozenDictionary<string, WordClass> _words;
    private readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public static QuoteLexicon Default { get; } = new();

    public ArabicNormalizer Normalizer { get; } = new(HamzaPolicy.FoldSeats);

    private QuoteLexicon()
    {
        var words = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        void Add(IEnumerable<string> list, WordClass wordClass)
        {
            foreach (var word in list)
            {
                var folded = Normalizer.Normalize(word);
                words[folded] = words.GetValueOrDefault(folded) | wordClass;
            }
        }
        static IEnumerable<string> Split(string list) => list.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

        foreach (var (form, wordClass) in SpeechVerbs.Forms())
            Add([form], wordClass);
        Add(Split(ClauseWords.Complementizers), WordClass.Complementizer);
        Add(Split(ClauseWords.LinkPrepositions), WordClass.LinkPreposition);
        Add(Split(ClauseWords.Sources), WordClass.Source);
        Add(Split(ClauseWords.Circumstances), WordClass.Circumstance);
        Add(Split(ClauseWords.Pronouns), WordClass.Pronoun);
        Add(SpeakerWords.WithArticle(SpeakerWords.RoleHeads), WordClass.RoleHead);
        Add(Split(SpeakerWords.Honorifics), WordClass.Honorific);
        Add(SpeakerWords.WithArticle(SpeakerWords.OrganisationHeads), WordClass.OrganisationHead);
        Add(SpeakerWords.WithArticle(SpeakerWords.Anonymous), WordClass.Anonymous);
        Add(SpeakerWords.WithArticle(SpeakerWords.Nouns), WordClass.Noun);
        Add(Split(SpeakerWords.NameParticles), WordClass.NameParticle);
        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The classes of a word as written in a text; <see cref="WordClass.None"/> for a word outside the grammar (a name, most often).</summary>
    public WordClass Classify(ReadOnlySpan<char> word)
    {
        if (word.Length > LongestWord || word.SequenceEqual("علي"))
            return WordClass.None;                                   // the name علي, which folds like the preposition على
        Span<char> buffer = stackalloc char[LongestWord];
        word.CopyTo(buffer);
        var folded = buffer[..Normalizer.Normalize(buffer[..word.Length])];
        if (_lookup.TryGetValue(folded, out var wordClass))
            return wordClass;
        return Prefixed(folded);
    }

    /// <summary>A title, organisation or noun behind <c>ل</c>, <c>ب</c> or <c>لل</c> (<c>للوزارة</c> is <c>ل</c> + <c>الوزارة</c>).</summary>
    private WordClass Prefixed(Span<char> folded)
    {
        const WordClass Speakers = WordClass.RoleHead | WordClass.OrganisationHead | WordClass.Anonymous | WordClass.Noun;
        if (folded.Length < 4 || folded[0] is not ('\u0644' or '\u0628'))
            return WordClass.None;
        WordClass found;
        if (folded[0] == '\u0644' && folded[1] == '\u0644')
        {
            folded[0] = '\u0627';                                     // لل → ال
            found = _lookup.TryGetValue(folded, out var definite) ? definite : WordClass.None;
        }
        else
        {
            found = _lookup.TryGetValue(folded[1..], out var bare) ? bare : WordClass.None;
        }
        return (found & Speakers) != 0 ? (found & Speakers) | WordClass.Prefixed : WordClass.None;
    }

    /// <summary>The folded form of a word (for names and keys).</summary>
    public string Fold(ReadOnlySpan<char> word) => Normalizer.Normalize(word.ToString());
}
