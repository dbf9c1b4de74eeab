using Search.Core.Text;
namespace Search.Core.Analysis;

/// <summary>What becomes of hamza on a seat (<c>ؤ</c>, <c>ئ</c>) and on the line (<c>ء</c>). Hamza on alef always folds to <c>ا</c>.</summary>
internal enum HamzaPolicy
{
    /// <summary><c>ؤ</c>, <c>ئ</c> and <c>ء</c> stay as written (Lucene's choice).</summary>
    Keep,

    /// <summary><c>ؤ</c> → <c>و</c>, <c>ئ</c> → <c>ي</c>; <c>ء</c> stays.</summary>
    FoldSeats,

    /// <summary><c>ؤ</c> → <c>و</c>, <c>ئ</c> → <c>ي</c>, and <c>ء</c> is dropped: what people type when they leave hamza out
    /// (<c>مسئول</c>/<c>مسؤول</c> still differ, <c>شيء</c>/<c>شئ</c>/<c>شى</c> meet).</summary>
    FoldSeatsDropHamza,

    /// <summary><c>ؤ</c> and <c>ئ</c> → <c>ء</c>: the seat spelling variants meet (<c>مسئول</c> = <c>مسؤول</c>), hamza stays.</summary>
    Unify,
}

/// <summary>
/// Orthographic normalisation of one word, beyond Lucene's <c>ArabicNormalizer</c>: compatibility
/// decomposition of presentation forms (<c>ﻻ</c> → <c>لا</c>); removal of every haraka, Quranic mark and
/// superscript alef (U+0670), of tatweel and of invisible format characters (ZWNJ, bidi marks, soft
/// hyphen); <c>آ أ إ ٱ</c> → <c>ا</c>; <c>ى ی</c> → <c>ي</c>; <c>ک</c> → <c>ك</c>; <c>ة ۀ ە ھ</c> → <c>ه</c>;
/// digits folded (<see cref="ArabicDigits"/>); hamza per <see cref="HamzaPolicy"/>; the alef of a written
/// tanween fath dropped; other scripts lower-cased.
/// </summary>
internal sealed class ArabicNormalizer(HamzaPolicy hamza, bool dropTanweenAlef = false)
{
    public HamzaPolicy Hamza { get; } = hamza;

    /// <summary>
    /// Whether the alef that carries tanween fath (<c>إعصاراً</c>, <c>كثيراً</c>) is dropped with the mark,
    /// so the accusative meets the bare noun (<c>إعصار</c>). Only where the mark is written: a bare final
    /// alef is part of too many words (<c>أمريكا</c>, <c>سوريا</c>) to be guessed at.
    /// </summary>
    public bool DropTanweenAlef { get; } = dropTanweenAlef;

    /// <summary>True when the word holds presentation forms, which <see cref="Expand"/> must decompose first (it may lengthen the word).</summary>
    public static bool NeedsExpansion(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (ArabicPresentationForms.IsPresentationForm(c))
                return true;
        return false;
    }

    /// <summary>The word with each presentation form replaced by the letters it stands for.</summary>
    public static string Expand(ReadOnlySpan<char> word)
    {
        var expanded = new System.Text.StringBuilder(word.Length + 4);
        foreach (var c in word)
        {
            if (ArabicPresentationForms.IsPresentationForm(c) && ArabicPresentationForms.Decompose(c) is { } letters)
                expanded.Append(letters);
            else
                expanded.Append(c);
        }
        return expanded.ToString();
    }

    /// <summary>Normalises a word in place (after <see cref="Expand"/> where needed); returns its new length, which is never longer.</summary>
    public int Normalize(Span<char> word)
    {
        if (DropTanweenAlef && word.Length >= 4 && IsTanweenAlef(word[^2], word[^1]))
            word = word[..^2];
        var length = 0;
        foreach (var c in word)
        {
            var folded = Fold(c);
            if (folded != '\0')
                word[length++] = folded;
        }
        return length;
    }

    /// <summary>Normalises a whole text or word (tests, word lists).</summary>
    public string Normalize(string text)
    {
        var chars = (NeedsExpansion(text) ? Expand(text) : text).ToCharArray();
        return new string(chars, 0, Normalize(chars));
    }

    /// <summary>Alef and tanween fath, in either order of writing.</summary>
    private static bool IsTanweenAlef(char first, char second) =>
        (first == '\u0627' && second == '\u064B') || (first == '\u064B' && second == '\u0627');

    /// <summary>The folded character, or <c>'\0'</c> when it is to be removed.</summary>
    private char Fold(char c)
    {
        if (c < '\u0080')
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        switch (c)
        {
            // harakat, shadda, sukun, the extended marks (U+0656–U+065F) and hamza above/below as marks
            case >= '\u064B' and <= '\u065F':
            case '\u0670':                                    // superscript (dagger) alef
            case >= '\u0610' and <= '\u061A':                 // honorific and Quranic signs above letters
            case >= '\u06D6' and <= '\u06DC':                 // Quranic annotation signs
            case >= '\u06DF' and <= '\u06E4':
            case '\u06E7' or '\u06E8':
            case >= '\u06EA' and <= '\u06ED':
            case '\u0640':                                    // tatweel
            case '\u061C':                                    // Arabic letter mark
            case '\u00AD':                                    // soft hyphen
            case >= '\u200B' and <= '\u200F':                 // zero widths, ZWNJ, ZWJ, LRM, RLM
            case >= '\u202A' and <= '\u202E':                 // bidi embeddings and overrides
            case >= '\u2060' and <= '\u2064':
            case >= '\u2066' and <= '\u2069':                 // bidi isolates
            case '\uFEFF':                                    // zero-width no-break space
                return '\0';
            case '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673' or '\u0675':
                return '\u0627';                              // آ أ إ ٱ ٲ ٳ ٵ → ا
            case '\u0649' or '\u06CC' or '\u06D0':
                return '\u064A';                              // ى ی ې → ي
            case '\u06A9' or '\u06AA':
                return '\u0643';                              // ک ڪ → ك
            case '\u0629' or '\u06C0' or '\u06C2' or '\u06C3' or '\u06D5' or '\u06BE':
                return '\u0647';                              // ة ۀ ۂ ۃ ە ھ → ه
            case '\u0624' or '\u0676':                        // ؤ ٶ
                return Hamza switch { HamzaPolicy.Keep => '\u0624', HamzaPolicy.Unify => '\u0621', _ => '\u0648' };
            case '\u0626' or '\u0678':                        // ئ ٸ
                return Hamza switch { HamzaPolicy.Keep => '\u0626', HamzaPolicy.Unify => '\u0621', _ => '\u064A' };
            case '\u0621':                                    // ء
                return Hamza == HamzaPolicy.FoldSeatsDropHamza ? '\0' : c;
            case >= '\u0660' and <= '\u0669':
            case >= '\u06F0' and <= '\u06F9':
                return ArabicDigits.Fold(c);
            case >= '\u0600' and <= '\u06FF':
                return c;
            default:
                return char.IsUpper(c) ? char.ToLowerInvariant(c) : c;
        }
    }
}
