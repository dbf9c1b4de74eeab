namespace Search.Core.Analysis;

/// <summary>
/// Numbers as Arabic text writes them, letters attached: a conjunction, preposition or the article before
/// the digits (<c>و2018</c>, <c>ب2018</c>, <c>الـ15</c>, <c>بالـ20</c>) and the calendar mark after them (<c>1911م</c> for
/// ميلادي, <c>1442هـ</c> for هجري). The tokenizer keeps letters and digits together, so without this
/// <c>1911م</c> is not the year 1911. In the dev-eval passages 3% of the words holding digits were written so.
/// </summary>
public static class ArabicNumbers
{
    /// <summary>The calendar marks written apart from their year (<c>2010 م</c>, <c>1442 هـ</c>): they say nothing searchable.</summary>
    public const string CalendarMarks = "م هـ";

    /// <summary>Letters before digits that are clitics, longest first (normalised: no tatweel).</summary>
    private static readonly string[] Proclitics = ["وبال", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك"];

    /// <summary>
    /// The number in a normalised word of digits with clitics or a calendar mark attached: its start and
    /// length; or null when the word is something else (<c>كم2</c>, <c>إنترنت2</c>, <c>2021</c> itself).
    /// </summary>
    public static (int Start, int Length)? Number(ReadOnlySpan<char> word)
    {
        var first = word.IndexOfAnyInRange('0', '9');
        if (first < 0)
            return null;
        var end = first;
        while (end < word.Length && char.IsAsciiDigit(word[end]))
            end++;
        var mark = end == word.Length - 1 && word[end] is '\u0645' or '\u0647' ? 1 : 0;
        if (end + mark != word.Length || (first == 0 && mark == 0))
            return null;
        return first == 0 || IsProclitic(word[..first]) ? (first, end - first) : null;
    }

    private static bool IsProclitic(ReadOnlySpan<char> letters)
    {
        foreach (var proclitic in Proclitics)
            if (letters.SequenceEqual(proclitic))
                return true;
        return false;
    }
}
