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
/// Orthographic normalisation of one word for analysis: the letter folding of <see cref="ArabicLetters"/>
/// (presentation forms decomposed first, marks and invisible characters removed, letter variants and digits
/// folded, other scripts lower-cased), with hamza on a seat per <see cref="HamzaPolicy"/> and, optionally,
/// the alef of a written tanween fath dropped.
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

    /// <summary>Normalises a word in place (after <see cref="ArabicPresentationForms.Expand"/> where needed); returns its new length, which is never longer.</summary>
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
        var chars = (ArabicPresentationForms.Contains(text) ? ArabicPresentationForms.Expand(text) : text).ToCharArray();
        return new string(chars, 0, Normalize(chars));
    }

    /// <summary>Alef and tanween fath, in either order of writing.</summary>
    private static bool IsTanweenAlef(char first, char second) =>
        (first == '\u0627' && second == '\u064B') || (first == '\u064B' && second == '\u0627');

    /// <summary>The folded character, or <c>'\0'</c> when it is to be removed: <see cref="ArabicLetters.Fold(char)"/> but for hamza.</summary>
    private char Fold(char c) => c switch
    {
        '\u0624' or '\u0676' => Hamza switch { HamzaPolicy.Keep => '\u0624', HamzaPolicy.Unify => '\u0621', _ => '\u0648' },   // ؤ ٶ
        '\u0626' or '\u0678' => Hamza switch { HamzaPolicy.Keep => '\u0626', HamzaPolicy.Unify => '\u0621', _ => '\u064A' },   // ئ ٸ
        '\u0621' => Hamza == HamzaPolicy.FoldSeatsDropHamza ? '\0' : c,                                                          // ء
        _ => ArabicLetters.Fold(c),
    };
}
