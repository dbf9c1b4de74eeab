using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Search.Core.Quotes;

/// <summary>
/// The tokenizer's fast path for the text most of a body is (four characters in five are Arabic letters,
/// one in six a space): 32 characters compared at once (two vectors of 16; 16 alone left more words cut at the
/// block's end to read again, 0.22 s against 0.19 s), and each word made of plain letters and ended
/// by a space taken from a bit mask, without a branch a character. A word's end is a branch the
/// processor cannot foresee; read character by character the corpus's 19 million words cost 0.36 s.
/// </summary>
internal static class LetterRuns
{
    private const int Width = 32;

    /// <summary>
    /// The letters U+0621–U+064A but tatweel (U+0640): word characters (<see cref="QuoteTokenizer"/>) that keep a
    /// word's shape (<see cref="QuoteLexicon.KeepsShape"/>), and never a joiner's neighbour that matters (a joiner
    /// stands beside a character outside them).
    /// </summary>
    private const char FirstLetter = '\u0621', LastLetter = '\u064A', Tatweel = '\u0640';

    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>
    /// Adds the words of the 32 characters from <paramref name="i"/>, a token's start, that are plain letters
    /// ended by a space before any other character, or by that character when it can neither belong to a word
    /// nor join two (a comma, a full stop, a quotation mark after a word); returns the position after the last
    /// space, or that character's, or <paramref name="i"/> when no word ends so (the tokenizer then reads on
    /// one character at a time).
    /// </summary>
    public static int Take(string text, int i, List<QuoteToken> tokens)
    {
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        var (letters, spaces) = Bits(Vector256.LoadUnsafe(ref chars, (nuint)i));
        var (moreLetters, moreSpaces) = Bits(Vector256.LoadUnsafe(ref chars, (nuint)(i + Vector256<ushort>.Count)));
        letters |= moreLetters << Vector256<ushort>.Count;
        spaces |= moreSpaces << Vector256<ushort>.Count;
        var others = ~(letters | spaces) & ((1UL << Width) - 1);
        int next;
        if (others == 0)
        {
            if (spaces == 0)
                return i;
            next = 64 - BitOperations.LeadingZeroCount(spaces);     // after the last space
        }
        else
        {
            var other = BitOperations.TrailingZeroCount(others);
            var spacesBefore = spaces & ((1UL << other) - 1);
            if (other > 0 && (letters & (1UL << (other - 1))) != 0 && EndsWord(text[i + other]))
                next = other;                                        // the other character is the next token's
            else if (spacesBefore != 0)
                next = 64 - BitOperations.LeadingZeroCount(spacesBefore);
            else
                return i;
        }
        var words = letters & ((1UL << next) - 1);
        while (words != 0)
        {
            var first = BitOperations.TrailingZeroCount(words);
            var end = first + BitOperations.TrailingZeroCount(~(words >> first));
            tokens.Add(new QuoteToken(i + first, i + end, TokenKind.Word, Shape: QuoteLexicon.ShapeOfKept(text.AsSpan(i + first, end - first))));
            words &= ~0UL << end;
        }
        return i + next;
    }

    /// <summary>A bit a character: whether it is a plain letter, whether it is a space.</summary>
    private static (ulong Letters, ulong Spaces) Bits(Vector256<ushort> block)
    {
        var letters = Vector256.LessThanOrEqual(block - Vector256.Create((ushort)FirstLetter), Vector256.Create((ushort)(LastLetter - FirstLetter)))
            & ~Vector256.Equals(block, Vector256.Create((ushort)Tatweel));
        return (letters.ExtractMostSignificantBits(), Vector256.Equals(block, Vector256.Create((ushort)' ')).ExtractMostSignificantBits());
    }

    /// <summary>After a plain letter, a character outside words that is no joiner: a hyphen may join two names (<see cref="QuoteTokenizer"/>).</summary>
    private static bool EndsWord(char c) => c != '-' && !QuoteTokenizer.IsWordChar(c);

    /// <summary>Whether 32 characters from <paramref name="i"/> are there to compare.</summary>
    public static bool Fits(string text, int i) => i <= text.Length - Width;
}
