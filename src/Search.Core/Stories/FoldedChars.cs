using Search.Core.Analysis;

namespace Search.Core.Stories;

/// <summary>
/// <see cref="ArabicNormalizer"/>'s folding of every UTF-16 character, worked out once into a table: a
/// body is fingerprinted a character at a time without copying its words (a word-by-word copy and
/// normalisation cost 77 µs an article, three times the cost allowed to stories in a rebuild).
/// Presentation forms, which expand into several letters, are marked <see cref="Expands"/>.
/// </summary>
internal static class FoldedChars
{
    /// <summary>Marks a character that stands for several letters (<see cref="ArabicNormalizer.Expand"/>).</summary>
    public const char Expands = '\uFFFF';

    private static readonly char[] Table = Build();

    /// <summary>The folded character, <c>'\0'</c> when folding removes it, or <see cref="Expands"/>.</summary>
    public static char Fold(char c) => Table[c];

    private static char[] Build()
    {
        var normalizer = new ArabicNormalizer(HamzaPolicy.FoldSeats);
        var table = new char[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            one[0] = (char)c;
            if (ArabicNormalizer.NeedsExpansion(one))
            {
                table[c] = Expands;
                continue;
            }
            table[c] = normalizer.Normalize(one) == 1 ? one[0] : '\0';
        }
        return table;
    }
}
