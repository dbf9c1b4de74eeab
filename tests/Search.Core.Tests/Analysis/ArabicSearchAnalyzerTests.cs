using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

/// <summary>
/// Pins what the product's analyzer makes of words and sentences. Each word gives its stem, then
/// <c>=</c> and its normalised unstemmed form at the same position, or, when it is its own stem, that
/// form alone (<c>=وزير</c>); stop words leave a gap (<c>_</c>).
/// A change here changes the index: bump <see cref="ArabicSearchAnalyzer.Version"/>.
/// </summary>
public class ArabicSearchAnalyzerTests
{
    private static readonly Analyzer Analyzer = ArabicSearchAnalyzer.Create();

    /// <summary>Terms as "stem/=exact" (or "=exact") per position, "_" before a word that follows dropped stop words.</summary>
    internal static string Analyze(string text, Analyzer? analyzer = null, string field = "body")
    {
        using var stream = (analyzer ?? Analyzer).GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var words = new List<string>();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement == 0)
            {
                words[^1] += "/" + term;
                continue;
            }
            var gap = increment.PositionIncrement > 1;
            words.Add((gap ? "_ " : "") + term);
        }
        stream.End();
        return string.Join(" ", words);
    }

    [Theory]
    // digits: ٢٠٢١ = ۲۰۲۱ = 2021
    [InlineData("٢٠٢١", "=2021")]
    [InlineData("۲۰۲۱", "=2021")]
    [InlineData("2021", "=2021")]
    // the definite, bare and cliticised forms of a word share its stem; the exact form tells them apart
    [InlineData("الوزير", "وزير/=الوزير")]
    [InlineData("وزير", "=وزير")]
    [InlineData("والوزير", "وزير/=والوزير")]
    [InlineData("للوزير", "وزير/=للوزير")]
    [InlineData("ووزير", "وزير/=ووزير")]
    // first letters that belong to the word are not taken for proclitics
    [InlineData("واشنطن", "=واشنطن")]
    [InlineData("وطني", "=وطني")]
    [InlineData("فلسطين", "=فلسطين")]
    [InlineData("بريطانيا", "=بريطانيا")]
    [InlineData("لبنان", "=لبنان")]
    [InlineData("للبنان", "لبنان/=للبنان")]
    [InlineData("وفلسطين", "فلسطين/=وفلسطين")]
    [InlineData("بمصر", "مصر/=بمصر")]
    [InlineData("وقال", "قال/=وقال")]
    // hamza and alef variants
    [InlineData("أحمد", "=احمد")]
    [InlineData("إحمد", "=احمد")]
    [InlineData("احمد", "=احمد")]
    [InlineData("الأمريكية", "امريكيه/=الامريكيه")]
    [InlineData("الامريكيه", "امريكيه/=الامريكيه")]
    [InlineData("الأمريكيّة", "امريكيه/=الامريكيه")]
    [InlineData("القرآن", "قران/=القران")]
    [InlineData("ٱلقرآن", "قران/=القران")]
    [InlineData("مسؤول", "=مسوول")]
    [InlineData("رئيس", "=رييس")]
    [InlineData("سماء", "=سماء")]
    // diacritics, superscript alef, tatweel, presentation forms
    [InlineData("مُحَمَّدٌ", "=محمد")]
    [InlineData("الرَّحْمٰن", "رحمن/=الرحمن")]
    [InlineData("الوزيـــر", "وزير/=الوزير")]
    [InlineData("ﺍﻟﺴﻼﻡ", "سلام/=السلام")]
    [InlineData("فارسی", "=فارسي")]
    [InlineData("کتاب", "=كتاب")]
    // names
    [InlineData("الله", "=الله")]
    [InlineData("عبدالله", "=عبدالله")]
    [InlineData("CNN", "=cnn")]
    public void Analyses_words(string word, string expected) => Assert.Equal(expected, Analyze(word));

    [Theory]
    // stop words are matched after normalisation, so the question and function words drop out however they are written
    [InlineData("كيف تأسست الجامعة؟", "_ =تاسست جامعه/=الجامعه")]
    [InlineData("لماذا سمي وادي الرافدين بهذا الاسم", "_ =سمي =وادي رافد/=الرافدين _ اسم/=الاسم")]
    [InlineData("ما هو سبب وفاة الملك؟", "_ =سبب =وفاه ملك/=الملك")]
    [InlineData("ذهب الوزير إلَى واشنطن في ٢٠٢١", "=ذهب وزير/=الوزير _ =واشنطن _ =2021")]
    [InlineData("وزير الخارجية البريطاني والوزير اللبناني", "=وزير خارجي/=الخارجيه بريطاني/=البريطاني وزير/=والوزير لبناني/=اللبناني")]
    public void Analyses_sentences(string text, string expected) => Assert.Equal(expected, Analyze(text));

    [Fact]
    public void Has_a_version() => Assert.False(string.IsNullOrWhiteSpace(ArabicSearchAnalyzer.Version));
}
