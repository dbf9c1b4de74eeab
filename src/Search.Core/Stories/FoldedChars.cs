using Search.Core.Text;

namespace Search.Core.Stories;

/// <summary>
/// <see cref="ArabicLetters"/>' folding of every UTF-16 character, worked out once into a table: a
/// body is fingerprinted a character at a time without copying its words (a word-by-word copy and
/// normalisation cost 77 µs an article, three times the cost allowed to stories in a rebuild).
/// Presentation forms, which expand into several letters, are marked <see cref="Expands"/>.
/// </summary>
internal static class FoldedChars
{
    /// <summary>Marks a character that stands for several letters (<see cref="ArabicPresentationForms.Expand"/>).</summary>
    public const char Expands = '\uFFFF';

    private static readonly char[] Table = Build();

    /// <summary>The folded character, <c>'\0'</c> when folding removes it, or <see cref="Expands"/>.</summary>
    public static char Fold(char c) => Table[c];

    private static char[] Build()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
            table[c] = ArabicPresentationForms.IsPresentationForm((char)c) ? Expands : ArabicLetters.Fold((char)c);
        return table;
    }
}
