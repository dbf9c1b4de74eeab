using System.Globalization;
using System.Text;

namespace Search.Core.Text;

/// <summary>
/// Text from outside (a file name, a page's title) made safe to put in one log line: line breaks and
/// other control, format and separator characters become escapes (<c>\n</c>, <c>\u202E</c>), so a
/// name holding a newline cannot forge a log line of its own, nor a direction mark reorder one.
/// </summary>
internal static class LogText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        if (!text.Any(NeedsEscape))
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!NeedsEscape(c))
                escaped.Append(c);
            else
                escaped.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                });
        }
        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || c == '\\';
}
