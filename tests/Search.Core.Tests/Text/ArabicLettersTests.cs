using Search.Core.Text;

namespace Search.Core.Tests.Text;

/// <summary>The one letter folding the analysis, the date reader and the page reader share.</summary>
public class ArabicLettersTests
{
    [Theory]
    [InlineData("٢٠٢١", "2021")]        // Arabic-Indic
    [InlineData("۲۰۲۱", "2021")]        // Eastern Arabic-Indic (Persian, Urdu)
    [InlineData("٠١٢٣٤٥٦٧٨٩", "0123456789")]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")]
    [InlineData("عام ٢٠٢١م", "عام 2021م")]
    [InlineData("2021", "2021")]
    [InlineData("١٫٥", "1٫5")]          // the Arabic decimal separator is not a digit
    public void Folds_every_digit_to_ASCII_and_nothing_else(string text, string expected) =>
        Assert.Equal(expected, ArabicLetters.FoldDigits(text));

    [Theory]
    [InlineData("أَحْمَد", "احمد")]                 // diacritics go, hamza on alef folds
    [InlineData("إبريل", "ابريل")]
    [InlineData("آذار", "اذار")]
    [InlineData("القاهــــرة", "القاهره")]          // tatweel goes, taa marbuta folds
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("یکشنبه", "يكشنبه")]              // Persian yeh and keheh
    [InlineData("مسؤول", "مسوول")]                // hamza on a seat folds onto the seat
    [InlineData("رئيس", "رييس")]
    [InlineData("شيء", "شيء")]                    // hamza on the line stays
    [InlineData("ﻻ", "لا")]                       // presentation forms are decomposed
    [InlineData("March", "march")]
    [InlineData("٢٧", "27")]
    [InlineData("بي\u200Cان", "بيان")]            // a joiner inside a word goes
    [InlineData("مُحَمَّدٌ", "محمد")]               // harakat, shadda, tanween
    [InlineData("هٰذا", "هذا")]                    // superscript (dagger) alef U+0670
    [InlineData("الرَّحْمٰنِ", "الرحمن")]
    [InlineData("ٱلْحَمْدُ", "الحمد")]             // alef wasla
    [InlineData("کتاب", "كتاب")]                   // keheh U+06A9
    [InlineData("ﷲ", "الله")]                      // presentation-form ligature
    [InlineData("ﺍﻟﺴﻼﻡ", "السلام")]                // isolated, initial, medial and final forms
    [InlineData("\u200Fوزارة\u200E", "وزاره")]     // bidi marks
    [InlineData("إعصاراً", "اعصارا")]              // the alef of tanween fath stays (dropping it was measured: docs/relevance.md)
    [InlineData("أمريكا", "امريكا")]
    [InlineData("Ünïcode", "ünïcode")]
    public void Folds_a_word_to_one_spelling(string word, string expected) => Assert.Equal(expected, ArabicLetters.Fold(word));

    [Fact]
    public void Folds_a_word_in_place_never_lengthening_it()
    {
        var word = "مُـحَـمَّـد".ToCharArray();
        var length = ArabicLetters.Fold(word, word);
        Assert.Equal("محمد", new string(word, 0, length));
    }

    [Theory]
    [InlineData('\u064E', true)]    // fatha
    [InlineData('\u0640', true)]    // tatweel
    [InlineData('\u200C', true)]    // ZWNJ
    [InlineData('\u200F', false)]   // a direction mark separates words
    [InlineData('\u200B', false)]   // so does a zero-width space
    [InlineData('ب', false)]
    public void Keeps_marks_and_joiners_inside_a_word(char c, bool inside) => Assert.Equal(inside, ArabicLetters.IsIgnorableInWord(c));
}
