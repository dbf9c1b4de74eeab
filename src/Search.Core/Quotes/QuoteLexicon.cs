using System.Collections.Frozen;

namespace Search.Core.Quotes;

/// <summary>
/// Every word of the attribution grammar with its classes, folded like the search analysis folds
/// (<see cref="Text.ArabicLetters"/>, hamza on a seat folded), so <c>أكد</c>, <c>اكد</c> and <c>أكّد</c>
/// are one word; with the forms behind a conjunction (<c>وفي</c>, <c>وقائد</c>) and a preposition
/// (<c>لوكالة</c>, <c>للوزارة</c>, <c>بالجامعة</c>) listed too, so a word costs one lookup. Most words of a
/// text are in no list: a filter on their length and first and last letters answers for them without
/// folding or lookup (extraction has 35 µs a document; see docs/quotes.md). Immutable and shared.
/// </summary>
internal sealed class QuoteLexicon
{
    /// <summary>Longer words are no word of the lexicon.</summary>
    private const int LongestWord = 24;

    /// <summary>Classes a word keeps behind <c>و</c> or <c>ف</c> (<c>وفي</c>, <c>فالدراسة</c>); a title behind them goes on a title (<c>وقائد</c>).</summary>
    private const WordClass Conjoinable = WordClass.Circumstance | WordClass.Pronoun | WordClass.Anonymous | WordClass.Statement
        | WordClass.OrganisationHead | WordClass.Noun;

    /// <summary>Classes a word keeps behind <c>ل</c>, <c>ب</c> or <c>لل</c> (<c>لوكالة</c>, <c>للدكتور</c>).</summary>
    private const WordClass Preposable = WordClass.RoleHead | WordClass.OrganisationHead | WordClass.Anonymous | WordClass.Noun | WordClass.Honorific;

    private readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>
    /// A bit per shape (length, first, second and last letters, hashed) of the folded words listed, and of the
    /// cues alone: a word whose shape has no bit is in no list. 2^18 bits hold the lexicon's shapes with few
    /// collisions (a few per cent of other words pass and are looked up for nothing).
    /// </summary>
    private readonly System.Collections.BitArray _shapes = new(ShapeSlots);
    private readonly System.Collections.BitArray _cueShapes = new(ShapeSlots);

    private const int ShapeSlots = 1 << 18;

    private const WordClass Cues = WordClass.SayVerb | WordClass.SayParticiple | WordClass.Source;

    public static QuoteLexicon Default { get; } = new();

    private QuoteLexicon()
    {
        var words = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        void Add(IEnumerable<string> list, WordClass wordClass)
        {
            foreach (var word in list)
            {
                var folded = Text.ArabicLetters.Fold(word);
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
        Add(Split(SpeakerWords.Kinship), WordClass.RoleHead | WordClass.Kin);
        Add(Split(SpeakerWords.Honorifics), WordClass.Honorific);
        Add(SpeakerWords.WithArticle(SpeakerWords.OrganisationHeads), WordClass.OrganisationHead);
        Add(SpeakerWords.WithArticle(SpeakerWords.Anonymous), WordClass.Anonymous);
        Add(SpeakerWords.WithArticle(SpeakerWords.Statements), WordClass.Anonymous | WordClass.Statement);
        Add(SpeakerWords.WithArticle(SpeakerWords.Nouns), WordClass.Noun);
        Add(Split(SpeakerWords.NameParticles), WordClass.NameParticle);

        // A listed word wins over a variant spelled the same (ولي is a title, not و + لي).
        var all = new Dictionary<string, WordClass>(words, StringComparer.Ordinal);
        foreach (var (variant, wordClass) in words.SelectMany(w => Variants(w.Key, w.Value)))
            if (!words.ContainsKey(variant))
                all[variant] = all.GetValueOrDefault(variant) | wordClass;
        foreach (var (word, wordClass) in all)
        {
            _shapes[Shape(word)] = true;
            if ((wordClass & Cues) != 0)
                _cueShapes[Shape(word)] = true;
        }
        _lookup = all.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A word's forms behind a conjunction or a preposition, with the classes they carry.</summary>
    private static IEnumerable<(string, WordClass)> Variants(string word, WordClass wordClass)
    {
        var conjoined = (wordClass & Conjoinable) | ((wordClass & WordClass.RoleHead) != 0 ? WordClass.RoleHead | WordClass.Prefixed : WordClass.None);
        if (conjoined != WordClass.None)
        {
            yield return ("و" + word, conjoined | WordClass.Conjoined);
            yield return ("ف" + word, conjoined | WordClass.Conjoined);
        }
        var prefixed = wordClass & Preposable;
        if (prefixed == WordClass.None)
            yield break;
        prefixed |= WordClass.Prefixed;
        yield return ("ب" + word, prefixed);                        // بوزارة، بالجامعة
        if (word.StartsWith("ال", StringComparison.Ordinal))
        {
            yield return ("ل" + word[1..], prefixed);               // ل + الوزارة → للوزارة
            if (word.StartsWith("الل", StringComparison.Ordinal))
                yield return ("ل" + word[2..], prefixed);           // ل + اللاجئين → للاجئين
        }
        else
        {
            yield return ("ل" + word, prefixed);                    // لوكالة
        }
    }

    /// <summary>The classes of a word as written in a text, given its shape; <see cref="WordClass.None"/> for a word outside the grammar (a name, most often).</summary>
    public WordClass Classify(ReadOnlySpan<char> word, int shape)
    {
        if (word.Length > LongestWord || word.IsEmpty || word.SequenceEqual("علي"))
            return WordClass.None;                                   // the name علي, which folds like the preposition على
        if (shape != NoShape && !_shapes[shape])
            return Article(word) | VerbalNoun(word);
        Span<char> buffer = stackalloc char[LongestWord];
        var folded = buffer[..Text.ArabicLetters.Fold(word, buffer)];
        if (folded.IsEmpty)
            return WordClass.None;
        return _lookup.TryGetValue(folded, out var wordClass) ? wordClass : Article(folded) | VerbalNoun(folded);
    }

    /// <summary>
    /// The verbal noun تفعيل (<c>تصحيح</c>, <c>تطوير</c>, <c>لتعزيز</c>), a noun of titles and circumstances
    /// (<c>رئيس لجنة لتصحيح أوضاع …</c>) and almost never a name; behind a preposition it goes on a title.
    /// </summary>
    private static WordClass VerbalNoun(ReadOnlySpan<char> word)
    {
        var prefixed = word.StartsWith("لل") || word.StartsWith("بال") ? 3 - (word[0] == 'ل' ? 1 : 0)
            : word.StartsWith("ال") ? 2
            : word.Length == 6 && word[0] is 'ل' or 'ب' or 'و' ? 1
            : 0;
        var stem = word[prefixed..];
        if (stem.Length != 5 || stem[0] != 'ت' || stem[3] != 'ي')
            return WordClass.None;
        return prefixed > 0 && word[0] is 'ل' or 'ب' ? WordClass.Noun | WordClass.Prefixed : WordClass.Noun;
    }

    /// <summary>Whether a word of this shape may be a verb of saying, a participle or a source word; false is certain, true is to be looked up.</summary>
    public bool MayBeCue(int shape) => shape == NoShape || _cueShapes[shape];

    /// <summary>لل or بال is a preposition and the article whatever the word (للمشاريع، بالجامعة): never a name's start.</summary>
    private static WordClass Article(ReadOnlySpan<char> word) =>
        word.Length >= 4 && (word.StartsWith("لل") || word.StartsWith("بال")) ? WordClass.Prefixed : WordClass.None;

    /// <summary>The shape of a word too long for the lexicon or one folding would shorten: it takes the long way.</summary>
    public const int NoShape = -1;

    /// <summary>
    /// The shape of a word as its folded form would have it (length, first, second and last letters,
    /// hashed), read without folding; <see cref="NoShape"/> for a word too long for the lexicon, or one
    /// folding would shorten (marks, tatweel, invisible characters) or change elsewhere (capitals).
    /// </summary>
    public static int ShapeOf(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (!KeepsShape(c))
                return NoShape;
        return ShapeOfKept(word);
    }

    /// <summary><see cref="ShapeOf"/> of a word whose characters the caller has seen all keep their shape (<see cref="KeepsShape"/>).</summary>
    public static int ShapeOfKept(ReadOnlySpan<char> word) =>
        word.Length > LongestWord ? NoShape : Shape(word.Length, FoldLetter(word[0]), word.Length > 1 ? FoldLetter(word[1]) : '\0', FoldLetter(word[^1]));

    /// <summary>A character that folding neither drops nor changes other than at the word's edges as <see cref="FoldLetter"/> does: not a mark, tatweel, invisible character or capital.</summary>
    public static bool KeepsShape(char c) =>
        c is not (>= '\u064B' and <= '\u065F' or '\u0640' or '\u0670' or >= '\u06D6' and <= '\u06ED' or >= '\u2000' or >= 'A' and <= 'Z' or >= '\u0600' and <= '\u061A');

    private static int Shape(string folded) => Shape(folded.Length, folded[0], folded.Length > 1 ? folded[1] : '\0', folded[^1]);

    private static int Shape(int length, char first, char second, char last) =>
        (int)(((uint)length * 0x9E3779B1u ^ (uint)first * 0x85EBCA77u ^ (uint)second * 0xC2B2AE3Du ^ (uint)last * 0x27D4EB2Fu) % ShapeSlots);

    /// <summary>The letter variants <see cref="Text.ArabicLetters"/> folds at a word's edges (hamza on a seat folded onto the seat).</summary>
    private static char FoldLetter(char c) => c is >= '\u0600' and < '\u0700' ? ArabicLetters[c - '\u0600'] : c;

    private static readonly char[] ArabicLetters = CreateArabicLetters();

    private static char[] CreateArabicLetters()
    {
        var letters = new char[0x100];
        for (var i = 0; i < letters.Length; i++)
        {
            var c = (char)('\u0600' + i);
            letters[i] = c switch
            {
                '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673' or '\u0675' => '\u0627',
                '\u0649' or '\u06CC' or '\u06D0' or '\u0626' or '\u0678' => '\u064A',
                '\u0629' or '\u06C0' or '\u06C2' or '\u06C3' or '\u06D5' or '\u06BE' => '\u0647',
                '\u0624' or '\u0676' => '\u0648',
                '\u06A9' or '\u06AA' => '\u0643',
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                _ => c,
            };
        }
        return letters;
    }

    /// <summary>Whether a word of a text folds to <paramref name="folded"/>, without allocating: letter by letter, up to the first that differs.</summary>
    public bool FoldsTo(ReadOnlySpan<char> word, string folded)
    {
        if (word.Length < folded.Length || word.Length > LongestWord || (word.Length == folded.Length && FoldLetter(word[0]) != folded[0]))
            return false;
        var length = 0;
        foreach (var c in word)
            if (Text.ArabicLetters.Fold(c) is var letter and not '\0' && (length == folded.Length || folded[length++] != letter))
                return false;
        return length == folded.Length;
    }
}
