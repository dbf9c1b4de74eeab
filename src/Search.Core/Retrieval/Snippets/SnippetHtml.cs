using System.Buffers;
using System.Text;

namespace Search.Core.Retrieval.Snippets;

/// <summary>
/// Appends a range of a body to a snippet HTML-escaped exactly as <see cref="System.Net.WebUtility.HtmlEncode(string)"/>
/// would escape it (the snippets stay byte for byte what they were), without cutting the range out first.
/// Why: a page of ten snippets cut each body into a substring per run between matches, then flattened and
/// escaped each into new strings: about 4.7% of what an HTTP search allocated (gc-verbose trace over perf.py's
/// searches), all garbage by the time the response was written.
/// </summary>
internal static class SnippetHtml
{
    /// <summary>Appends <c>text[start..end]</c> escaped; with <paramref name="flatten"/>, each line ending
    /// (as <see cref="string.ReplaceLineEndings(string)"/> knows them: CR, LF, CRLF, NEL, FF, LS, PS) becomes one space.</summary>
    public static void Append(StringBuilder html, ReadOnlySpan<char> text, int start, int end, bool flatten)
    {
        var special = flatten ? SpecialOrLineEnd : Special;
        var i = start;
        while (i < end)
        {
            var next = text[i..end].IndexOfAny(special);
            if (next < 0)
                break;
            html.Append(text.Slice(i, next));
            i += next;
            var c = text[i++];
            switch (c)
            {
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '&': html.Append("&amp;"); break;
                case >= '\u00A0' and <= '\u00FF':
                    html.Append("&#").Append((int)c).Append(';');
                    break;
                case >= '\uD800' and <= '\uDFFF':
                    // A whole pair is written as its code point; a lone half (or a pair cut by the range's
                    // end) as U+FFFD, as WebUtility does.
                    if (char.IsHighSurrogate(c) && i < end && char.IsLowSurrogate(text[i]))
                        html.Append("&#").Append(char.ConvertToUtf32(c, text[i++])).Append(';');
                    else
                        html.Append('\uFFFD');
                    break;
                default:
                    // A line ending (only looked for when flattening): CRLF is one.
                    if (c == '\r' && i < end && text[i] == '\n')
                        i++;
                    html.Append(' ');
                    break;
            }
        }
        html.Append(text[i..end]);
    }

    private const string Escaped = "<>\"'&";
    private const string LineEnds = "\r\n\f\u0085\u2028\u2029";

    /// <summary>Characters WebUtility escapes: markup, Latin-1's upper half, surrogates.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(Escaped + Range('\u00A0', '\u00FF') + Range('\uD800', '\uDFFF'));
    private static readonly SearchValues<char> SpecialOrLineEnd = SearchValues.Create(Escaped + LineEnds + Range('\u00A0', '\u00FF') + Range('\uD800', '\uDFFF'));

    private static string Range(char first, char last) => string.Create(last - first + 1, first, (chars, from) =>
    {
        for (var k = 0; k < chars.Length; k++)
            chars[k] = (char)(from + k);
    });
}
