using System.Text;
using System.Text.Json;

namespace Search.Core.Ingest.Json;

/// <summary>
/// Says where malformed JSON goes wrong as people count: the column in characters from 1, not
/// System.Text.Json's "LineNumber: 0 | BytePositionInLine: 1" (from 0, in UTF-8 bytes, which an
/// Arabic line makes twice the characters).
/// </summary>
public static class JsonErrorText
{
    /// <summary>"malformed JSON at column 7: 'x' is an invalid start of a value." for an error in <paramref name="line"/>.</summary>
    public static string InLine(JsonException error, string line) =>
        $"malformed JSON at column {Column(Encoding.UTF8.GetBytes(line), error.BytePositionInLine)}: {Message(error)}";

    /// <summary>The same for an error in a whole body; its line (from 1) is <see cref="Line"/>.</summary>
    public static string InBody(JsonException error, ReadOnlySpan<byte> utf8)
    {
        var start = 0;
        for (var line = 0L; line < (error.LineNumber ?? 0); line++)
        {
            var next = utf8[start..].IndexOf((byte)'\n');
            if (next < 0)
                break;
            start += next + 1;
        }
        return $"malformed JSON at line {Line(error)}, column {Column(utf8[start..], error.BytePositionInLine)}: {Message(error)}";
    }

    /// <summary>The line of the error, from 1.</summary>
    public static int Line(JsonException error) => (int)(error.LineNumber ?? 0) + 1;

    private static long Column(ReadOnlySpan<byte> line, long? bytePosition)
    {
        var bytes = (int)Math.Clamp(bytePosition ?? 0, 0, line.Length);
        return Encoding.UTF8.GetCharCount(line[..bytes]) + 1;
    }

    /// <summary>The parser's sentence without the position and path it appends.</summary>
    private static string Message(JsonException error)
    {
        var message = error.Message;
        foreach (var tail in (string[])[" LineNumber:", " Path:"])
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0)
                message = message[..cut];
        }
        return message.Trim();
    }
}
