using System.Text;

namespace Search.Client;

/// <summary>
/// Turns any text (a user's question, a title) into a query the service reads as a plain bag of words:
/// quotation marks, leading <c>+</c>/<c>-</c> signs and the operators <c>OR</c>, <c>AND</c>, <c>||</c>,
/// <c>&amp;&amp;</c> standing alone are removed, so the text is never rejected and never reinterpreted.
/// </summary>
public static class PlainTextQuery
{
    /// <summary>The service reads at most this many characters of a query.</summary>
    public const int MaxLength = 1_000;

    private static readonly string[] Operators = ["OR", "AND", "||", "&&"];

    public static string Escape(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var words = new StringBuilder(text.Length);
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (IsQuote(c) || char.IsWhiteSpace(c) || char.IsControl(c))
                Flush(words, word);
            else
                word.Append(c);
        }
        Flush(words, word);
        if (words.Length <= MaxLength)
            return words.ToString();
        var cut = words.ToString(0, MaxLength + 1).LastIndexOf(' ');
        return words.ToString(0, cut > 0 ? cut : MaxLength);
    }

    private static void Flush(StringBuilder words, StringBuilder word)
    {
        var start = 0;
        while (start < word.Length && word[start] is '+' or '-')
            start++;
        var text = word.ToString(start, word.Length - start);
        word.Clear();
        if (text.Length == 0 || Operators.Contains(text, StringComparer.Ordinal))
            return;
        if (words.Length > 0)
            words.Append(' ');
        words.Append(text);
    }

    /// <summary>The quotation marks the service's query syntax reads as phrase delimiters.</summary>
    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '«' or '»' or '„';
}
