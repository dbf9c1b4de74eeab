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
    // the definite, bare and cliticised forms of a word are one word: its exact form leaves the proclitics off
    [InlineData("الوزير", "=وزير")]
    [InlineData("وزير", "=وزير")]
    [InlineData("والوزير", "=وزير")]
    [InlineData("للوزير", "=وزير")]
    [InlineData("ووزير", "=وزير")]
    // first letters that belong to the word are not taken for proclitics
    [InlineData("واشنطن", "=واشنطن")]
    [InlineData("وطني", "وطن/=وطني")]
    [InlineData("فلسطين", "=فلسطين")]
    [InlineData("بريطانيا", "=بريطانيا")]
    [InlineData("لبنان", "=لبنان")]
    [InlineData("للبنان", "=لبنان")]
    [InlineData("وفلسطين", "=فلسطين")]
    [InlineData("بمصر", "=مصر")]
    [InlineData("وقال", "=قال")]
    // hamza and alef variants
    [InlineData("أحمد", "=احمد")]
    [InlineData("إحمد", "=احمد")]
    [InlineData("احمد", "=احمد")]
    [InlineData("الأمريكية", "امريك/=امريكيه")]
    [InlineData("الامريكيه", "امريك/=امريكيه")]
    [InlineData("الأمريكيّة", "امريك/=امريكيه")]
    [InlineData("القرآن", "=قران")]
    [InlineData("ٱلقرآن", "=قران")]
    [InlineData("مسؤول", "=مسوول")]
    [InlineData("رئيس", "=رييس")]
    [InlineData("سماء", "=سماء")]
    // diacritics, superscript alef, tatweel, presentation forms
    [InlineData("مُحَمَّدٌ", "=محمد")]
    [InlineData("الرَّحْمٰن", "=رحمن")]
    [InlineData("الوزيـــر", "=وزير")]
    [InlineData("ﺍﻟﺴﻼﻡ", "=سلام")]
    [InlineData("فارسی", "فارس/=فارسي")]
    [InlineData("کتاب", "=كتاب")]
    // names
    [InlineData("الله", "=الله")]
    [InlineData("عبدالله", "=عبدالله")]
    [InlineData("CNN", "=cnn")]
    // a listed word and its relative adjective, feminine and plurals meet (the list protects first letters, not endings)
    [InlineData("أمريكي", "امريك/=امريكي")]
    [InlineData("الأمريكيون", "امريك/=امريكيون")]
    [InlineData("المصريين", "مصر/=مصريين")]
    [InlineData("وزارة", "وزار/=وزاره")]
    [InlineData("وزارات", "وزار/=وزارات")]
    [InlineData("المطاط", "=مطاط")]
    [InlineData("مطاطي", "مطاط/=مطاطي")]
    // an ending that is the word's own stays
    [InlineData("الفلسطينيين", "فلسطين/=فلسطينيين")]
    [InlineData("مواطنين", "مواطن/=مواطنين")]
    // a lone ف is the word's own (names), the article behind it is still taken off
    [InlineData("فروبل", "=فروبل")]
    [InlineData("فريدريك", "=فريدريك")]
    [InlineData("فالوزير", "=وزير")]
    // أل that is the word's own, with or without its hamza
    [InlineData("ألمانيا", "=المانيا")]
    [InlineData("المانيا", "=المانيا")]
    [InlineData("بألمانيا", "=المانيا")]
    [InlineData("ألعاب", "=العاب")]
    [InlineData("الألعاب", "=العاب")]
    [InlineData("ألقى", "=القي")]
    // numbers with a clitic or a calendar mark attached are the number
    [InlineData("1911م", "1911/=1911م")]
    [InlineData("١٤٤٢هـ", "1442/=1442ه")]
    [InlineData("ب2018", "=2018")]
    [InlineData("الـ15", "=15")]
    [InlineData("كم2", "=كم2")]
    public void Analyses_words(string word, string expected) => Assert.Equal(expected, Analyze(word));

    [Theory]
    // stop words are matched after normalisation, so the question and function words drop out however they are written
    [InlineData("كيف تأسست الجامعة؟", "_ =تاسست جامع/=جامعه")]
    [InlineData("لماذا سمي وادي الرافدين بهذا الاسم", "_ =سمي واد/=وادي رافد/=رافدين _ =اسم")]
    [InlineData("ولد عام 1911م في القاهرة، وتوفي سنة 1990 م", "=ولد =عام 1911/=1911م _ =قاهره توف/=توفي =سنه =1990")]
    [InlineData("ما هو سبب وفاة الملك؟", "_ =سبب =وفاه =ملك")]
    [InlineData("ذهب الوزير إلَى واشنطن في ٢٠٢١", "=ذهب =وزير _ =واشنطن _ =2021")]
    [InlineData("وزير الخارجية البريطاني والوزير اللبناني", "=وزير خارج/=خارجيه بريطان/=بريطاني =وزير لبنان/=لبناني")]
    public void Analyses_sentences(string text, string expected) => Assert.Equal(expected, Analyze(text));

    [Fact]
    public void Has_a_version() => Assert.False(string.IsNullOrWhiteSpace(ArabicSearchAnalyzer.Version));
}
