namespace Search.Core.Text;

/// <summary>
/// The one folding of the ways a letter of Arabic text is written, used by the analysis (every indexed
/// word and query word), the date reader and the page reader (their word tables are written once and
/// match every spelling): diacritics, Quranic marks, tatweel and invisible format characters removed;
/// <c>آ أ إ ٱ</c> → <c>ا</c>; <c>ى ی</c> → <c>ي</c>; <c>ک</c> → <c>ك</c>; <c>ة ۀ ە ھ</c> → <c>ه</c>;
/// hamza on a seat folded onto the seat (<c>ؤ</c> → <c>و</c>, <c>ئ</c> → <c>ي</c>), <c>ء</c> kept;
/// Arabic-Indic and Eastern Arabic-Indic digits → <c>0–9</c>; other scripts lower-cased.
/// Presentation forms are decomposed before folding (<see cref="ArabicPresentationForms"/>).
/// </summary>
internal static class ArabicLetters
{
    /// <summary>
    /// The folded character, or <c>'\0'</c> when it is to be removed: read from a table of every UTF-16 character's
    /// answer (128 KB), as every character of every indexed text, quotation and story fingerprint is folded; the
    /// tests one after another were a tenth of quotation extraction's time, and quotation extraction and story
    /// fingerprinting kept tables of their own before.
    /// </summary>
    public static char Fold(char c) => Folded[c];

    private static readonly char[] Folded = BuildFolded();

    private static char[] BuildFolded()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
            table[c] = FoldOne((char)c);
        return table;
    }

    private static char FoldOne(char c)
    {
        if (c < '\u0080')
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        switch (c)
        {
            case var _ when IsRemoved(c):
                return '\0';
            case '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673' or '\u0675':
                return '\u0627';                              // آ أ إ ٱ ٲ ٳ ٵ → ا
            case '\u0649' or '\u06CC' or '\u06D0':
                return '\u064A';                              // ى ی ې → ي
            case '\u06A9' or '\u06AA':
                return '\u0643';                              // ک ڪ → ك
            case '\u0629' or '\u06C0' or '\u06C2' or '\u06C3' or '\u06D5' or '\u06BE':
                return '\u0647';                              // ة ۀ ۂ ۃ ە ھ → ه
            case '\u0624' or '\u0676':
                return '\u0648';                              // ؤ ٶ → و
            case '\u0626' or '\u0678':
                return '\u064A';                              // ئ ٸ → ي
            case >= '\u0660' and <= '\u0669':
            case >= '\u06F0' and <= '\u06F9':
                return (char)('0' + DigitValue(c));
            case >= '\u0600' and <= '\u06FF':
                return c;
            default:
                return char.IsUpper(c) ? char.ToLowerInvariant(c) : c;
        }
    }

    /// <summary>A word folded letter by letter (<see cref="Fold(char)"/>), presentation forms decomposed first.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(FoldWhole(word, buffer));
    }

    /// <summary>
    /// The word as <see cref="Fold(ReadOnlySpan{char})"/> folds it, presentation forms decomposed, written into
    /// <paramref name="buffer"/> (as long as the word at least) for a caller that copies it on: no string made. A
    /// word with presentation forms, which decompose into more letters than it has, is folded into a string of its
    /// own instead (rare).
    /// </summary>
    public static ReadOnlySpan<char> FoldWhole(ReadOnlySpan<char> word, Span<char> buffer) =>
        ArabicPresentationForms.Contains(word)
            ? Fold(ArabicPresentationForms.Expand(word))
            : buffer[..Fold(word, buffer)];

    /// <summary>
    /// Folds a word into <paramref name="folded"/> (as long as the word at least) without allocating; returns the
    /// folded length. Presentation forms are left as they are: a word looked up this way (a function word) is
    /// not written with them.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> folded)
    {
        var length = 0;
        foreach (var c in word)
            if (Fold(c) is var letter and not '\0')
                folded[length++] = letter;
        return length;
    }

    /// <summary>
    /// Marks that decorate a word without changing it (harakat, shadda, sukun, superscript alef, Quranic
    /// signs, tatweel) and invisible format characters (zero widths, joiners, direction marks, soft hyphen):
    /// a word tokenizer keeps them inside the word, and folding removes them.
    /// </summary>
    public static bool IsRemoved(char c) => c switch
    {
        >= '\u064B' and <= '\u065F' => true,                  // harakat, shadda, sukun, extended marks, hamza marks
        '\u0670' => true,                                     // superscript (dagger) alef
        >= '\u0610' and <= '\u061A' => true,                  // honorific and Quranic signs above letters
        >= '\u06D6' and <= '\u06DC' => true,                  // Quranic annotation signs
        >= '\u06DF' and <= '\u06E4' => true,
        '\u06E7' or '\u06E8' => true,
        >= '\u06EA' and <= '\u06ED' => true,
        '\u0640' => true,                                     // tatweel
        '\u061C' => true,                                     // Arabic letter mark
        '\u00AD' => true,                                     // soft hyphen
        >= '\u200B' and <= '\u200F' => true,                  // zero widths, ZWNJ, ZWJ, LRM, RLM
        >= '\u202A' and <= '\u202E' => true,                  // bidi embeddings and overrides
        >= '\u2060' and <= '\u2064' => true,
        >= '\u2066' and <= '\u2069' => true,                  // bidi isolates
        '\uFEFF' => true,                                     // zero-width no-break space
        _ => false,
    };

    /// <summary>
    /// What a word tokenizer keeps inside a word: the marks that decorate letters and the joiners
    /// (<c>ZWNJ</c>, <c>ZWJ</c>). Direction marks, zero-width spaces and the like separate words instead.
    /// </summary>
    public static bool IsIgnorableInWord(char c) => IsRemoved(c) && !IsDirectionMark(c) && c is not ('\u200B' or '\u00AD' or '\uFEFF');

    /// <summary>Direction marks and isolates that copy-and-paste leaves around dates and numbers.</summary>
    public static bool IsDirectionMark(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF';

    /// <summary>The value of a Western, Arabic-Indic (U+0660–0669) or Eastern Arabic-Indic (U+06F0–06F9) digit, else -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };

    /// <summary>Arabic-Indic and Eastern Arabic-Indic digits of a text to ASCII; everything else as it is.</summary>
    public static string FoldDigits(string text)
    {
        if (!text.Any(c => c > '9' && DigitValue(c) >= 0))
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = DigitValue(source[i]) is var digit and >= 0 ? (char)('0' + digit) : source[i];
        });
    }
}
