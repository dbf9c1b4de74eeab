using Search.Core.Analysis;
using Search.Core.Text;

namespace Search.Core.Tests.Analysis;

public class ArabicProcliticsTests
{
    private static readonly ArabicProclitics Proclitics = new(KnownWordList.Default);

    private static string Strip(string word)
    {
        var normalized = ArabicLetters.Fold(word);
        return normalized[Proclitics.PrefixLength(normalized)..];
    }

    [Theory]
    [InlineData("وزير", "وزير")]            // bare and definite forms come to the same stem
    [InlineData("الوزير", "وزير")]
    [InlineData("والوزير", "وزير")]
    [InlineData("للوزير", "وزير")]
    [InlineData("ووزير", "وزير")]
    [InlineData("بالوزير", "وزير")]
    [InlineData("فالوزير", "وزير")]
    [InlineData("وبالوزير", "وزير")]
    [InlineData("واشنطن", "واشنطن")]        // first letters that belong to the word
    [InlineData("وطني", "وطني")]
    [InlineData("فلسطين", "فلسطين")]
    [InlineData("بريطانيا", "بريطانيا")]
    [InlineData("لبنان", "لبنان")]
    [InlineData("كتاب", "كتاب")]
    [InlineData("وزارة", "وزاره")]
    [InlineData("وزيرة", "وزيره")]          // a known word with an ending keeps its first letter
    [InlineData("وصلت", "وصلت")]
    [InlineData("والدة", "والده")]
    [InlineData("وفلسطين", "فلسطين")]      // the conjunction in front of such a word
    [InlineData("وواشنطن", "واشنطن")]
    [InlineData("للبنان", "لبنان")]         // ل + لبنان, not لل + بنان
    [InlineData("ولبنان", "لبنان")]
    [InlineData("بمصر", "مصر")]             // a lone preposition in front of a known word
    [InlineData("لفلسطين", "فلسطين")]
    [InlineData("وبمصر", "مصر")]
    [InlineData("وقال", "قال")]             // the conjunction in front of any other word of three letters or more
    [InlineData("فقال", "فقال")]            // a lone ف is no conjunction (فروبل, فاغنر stay whole)
    [InlineData("فروبل", "فروبل")]
    [InlineData("وأكد", "اكد")]
    [InlineData("وقت", "وقت")]              // three letters: never stripped
    [InlineData("ولد", "ولد")]
    [InlineData("بيت", "بيت")]
    [InlineData("الله", "الله")]            // not ال + له
    [InlineData("بالله", "الله")]
    [InlineData("والله", "الله")]
    [InlineData("اليوم", "يوم")]
    [InlineData("الدم", "دم")]              // two letters may remain after the article
    [InlineData("ألمانيا", "المانيا")]      // a known word's own أل, however written, is no article
    [InlineData("المانيا", "المانيا")]
    [InlineData("بالمانيا", "المانيا")]      // ب + ألمانيا, not بال + مانيا
    [InlineData("وألعاب", "العاب")]
    [InlineData("الالعاب", "العاب")]
    public void Strips_proclitics_without_damaging_words(string word, string stem) => Assert.Equal(stem, Strip(word));
}
