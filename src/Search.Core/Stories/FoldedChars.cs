using Search.Core.Text;

namespace Search.Core.Stories;

/// <summary>
/// <see cref="ArabicLetters"/>' folding of a character as fingerprinting reads a body, a character at a time
/// without copying its words (a word-by-word copy and normalisation cost 77 µs an article, three times the cost
/// allowed to stories in a rebuild): presentation forms, which expand into several letters, are marked
/// <see cref="Expands"/>.
/// </summary>
internal static class FoldedChars
{
    /// <summary>Marks a character that stands for several letters (<see cref="ArabicPresentationForms.Expand"/>).</summary>
    public const char Expands = '\uFFFF';

    /// <summary>The folded character, <c>'\0'</c> when folding removes it, or <see cref="Expands"/>.</summary>
    public static char Fold(char c) => ArabicPresentationForms.IsPresentationForm(c) ? Expands : ArabicLetters.Fold(c);
}
