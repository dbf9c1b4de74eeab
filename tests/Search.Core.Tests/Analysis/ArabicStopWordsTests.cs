using Search.Core.Analysis;
using Search.Core.Text;

namespace Search.Core.Tests.Analysis;

public class ArabicStopWordsTests
{
    private static bool IsStop(string word) => ArabicStopWords.Default.Contains(ArabicLetters.Fold(word));

    [Theory]
    [InlineData("إلى")]
    [InlineData("الى")]          // typed without hamza: matched after normalisation
    [InlineData("إلَى")]         // with a haraka
    [InlineData("الَّذِي")]
    [InlineData("الذى")]         // alef maqsura for yeh
    [InlineData("هٰذا")]
    [InlineData("فِي")]
    [InlineData("وفي")]          // behind the conjunction
    [InlineData("فهو")]
    [InlineData("بهذا")]         // behind a preposition
    [InlineData("لذلك")]
    [InlineData("وبذلك")]
    [InlineData("بما")]
    [InlineData("كيف")]          // question words
    [InlineData("لماذا")]
    [InlineData("ماذا")]
    [InlineData("متى")]
    [InlineData("أين")]
    [InlineData("هل")]
    [InlineData("ما")]
    [InlineData("من")]
    [InlineData("ماهو")]         // the glued form typed in questions
    [InlineData("التي")]
    [InlineData("على")]
    [InlineData("عن")]
    [InlineData("أيضاً")]        // with tanween, whose alef the normaliser drops
    [InlineData("أيضا")]
    public void Drops_function_and_question_words(string word) => Assert.True(IsStop(word), word);

    [Theory]
    [InlineData("وزير")]
    [InlineData("واشنطن")]
    [InlineData("فلسطين")]
    [InlineData("آلية")]         // normalises like إليه, which is therefore not a stop word
    [InlineData("إمام")]         // normalises like أمام
    [InlineData("سبب")]
    [InlineData("تأسست")]
    [InlineData("بو")]           // a preposition in front of a one-letter stop word is not taken for one
    [InlineData("لبنان")]
    public void Keeps_content_words(string word) => Assert.False(IsStop(word), word);
}
