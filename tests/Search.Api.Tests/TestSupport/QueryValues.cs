using System.Text;

namespace Search.Api.Tests.TestSupport;

/// <summary>Query-string encoding for fuzzed text (<see cref="Search.Core.Tests.TestSupport.RandomQueryText"/>), broken bytes included.</summary>
public static class QueryValues
{
    /// <summary>
    /// The text percent-encoded for a query string as UTF-8; a lone surrogate, which UTF-8 cannot
    /// carry, goes as the three bytes a careless encoder would write (<c>%ED%A0%80</c>: not UTF-8),
    /// so the service meets broken bytes too.
    /// </summary>
    public static string ToQueryValue(string text)
    {
        var encoded = new StringBuilder(text.Length * 6);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                foreach (var b in Encoding.UTF8.GetBytes(text.Substring(i, 2)))
                    encoded.Append('%').Append(b.ToString("X2"));
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                encoded.Append($"%{0xE0 | (c >> 12):X2}%{0x80 | ((c >> 6) & 0x3F):X2}%{0x80 | (c & 0x3F):X2}");
            }
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
            {
                encoded.Append(c);
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                    encoded.Append('%').Append(b.ToString("X2"));
            }
        }
        return encoded.ToString();
    }

    /// <summary>The text with every character outside printable ASCII as <c>\uXXXX</c>, for failure messages.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
            escaped.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}");
        return escaped.ToString();
    }
}
