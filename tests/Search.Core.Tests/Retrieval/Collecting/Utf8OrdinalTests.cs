using System.Text;
using Search.Core.Retrieval.Collecting;

namespace Search.Core.Tests.Retrieval.Collecting;

public sealed class Utf8OrdinalTests
{
    /// <summary>
    /// Characters from each range where UTF-8's order and UTF-16's could part: ASCII, Arabic, the last of the
    /// BMP before and after the surrogates (U+D7FF, U+E000, U+FFFD), and characters above U+FFFF (pairs).
    /// </summary>
    private static readonly string[] Pieces = ["a", "z", "0", "ب", "ي", "\uD7FF", "\uE000", "\uF8FF", "\uFB50", "\uFFFD", "😀", "𝄞", "\U0010FFFD", "\U00010000"];

    [Fact]
    public void Texts_compare_as_their_strings_do_ordinally()
    {
        var random = new Random(17);
        string Text() => string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => Pieces[random.Next(Pieces.Length)]));
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b) = (Text(), Text());
            var expected = Math.Sign(string.CompareOrdinal(a, b));
            Assert.True(expected == Math.Sign(Utf8Ordinal.Compare(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b))), $"'{a}' against '{b}'");
        }
    }

    [Theory]
    [InlineData("t\uE000", "t😀")] // UTF-16 puts the pair (D83D) first, code points the other way
    [InlineData("t\uFFFD", "t\U00010000")]
    [InlineData("ab", "abc")]
    [InlineData("", "a")]
    [InlineData("بيان", "بيانات")]
    public void A_pair_compares_as_its_strings_do_either_way_round(string first, string second)
    {
        var (a, b) = (Encoding.UTF8.GetBytes(first), Encoding.UTF8.GetBytes(second));
        Assert.Equal(Math.Sign(string.CompareOrdinal(first, second)), Math.Sign(Utf8Ordinal.Compare(a, b)));
        Assert.Equal(-Math.Sign(Utf8Ordinal.Compare(a, b)), Math.Sign(Utf8Ordinal.Compare(b, a)));
        Assert.Equal(0, Utf8Ordinal.Compare(a, a));
    }
}
