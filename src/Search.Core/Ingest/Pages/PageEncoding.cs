using System.Text;

namespace Search.Core.Ingest.Pages;

/// <summary>A page's text and the name of the encoding it was read with.</summary>
internal sealed record DecodedPage(string Text, string Encoding);

/// <summary>
/// Decodes a saved page whose encoding nobody has to state. In order: a byte-order mark (UTF-8,
/// UTF-16 LE or BE); UTF-16 without one, told by its pattern of zero and 0x06 bytes (Arabic is
/// U+06xx); UTF-8, which text in another encoding almost never passes (a stray bad byte is
/// forgiven); the charset the page
/// or request declares; else Windows-1256, the code page of older Arabic sites.
/// </summary>
internal static class PageEncoding
{
    private const int SniffBytes = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Taken from the provider rather than registered with <see cref="Encoding.RegisterProvider"/>:
    /// the code pages are part of .NET, and asking the provider leaves the process's encodings as they were.
    /// </summary>
    public static Encoding Windows1256 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declaredCharset"/> (from HTTP or the page) is used only when the bytes do not tell.</summary>
    public static DecodedPage Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new DecodedPage(Encoding.UTF8.GetString(bytes[3..]), "utf-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new DecodedPage(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new DecodedPage(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        if (LooksLikeUtf16(bytes, out var bigEndian))
            return bigEndian
                ? new DecodedPage(Encoding.BigEndianUnicode.GetString(bytes), "utf-16be")
                : new DecodedPage(Encoding.Unicode.GetString(bytes), "utf-16le");
        try
        {
            return new DecodedPage(StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
        }
        if (IsUtf8WithAFewBadBytes(bytes, out var text))
            return new DecodedPage(text, "utf-8");
        var declared = Resolve(declaredCharset);
        return declared is not null
            ? new DecodedPage(declared.GetString(bytes), declared.WebName)
            : new DecodedPage(Windows1256.GetString(bytes), Windows1256.WebName);
    }

    /// <summary>
    /// The charset an HTML page declares in its first bytes (<c>&lt;meta charset="…"&gt;</c> or
    /// <c>content="text/html; charset=…"</c>), read as ASCII before the page can be decoded.
    /// </summary>
    public static string? DeclaredInHtml(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]);
        var at = head.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var i = at + "charset".Length;
            while (i < head.Length && (head[i] is ' ' or '=' or '"' or '\''))
                i++;
            var start = i;
            while (i < head.Length && (char.IsAsciiLetterOrDigit(head[i]) || head[i] is '-' or '_' or ':' or '.'))
                i++;
            if (i > start)
                return head[start..i];
            at = head.IndexOf("charset", i, StringComparison.OrdinalIgnoreCase);
        }
        return null;
    }

    /// <summary>
    /// A declared charset worth believing over Windows-1256. Latin ones are not: on an Arabic page
    /// they are a server's default, not the page's encoding.
    /// </summary>
    private static Encoding? Resolve(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return null;
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(charset.Trim());
        if (encoding is null)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim());
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        return encoding.CodePage is 20127 or 28591 or 1252 or 65001 ? null : encoding;
    }

    /// <summary>
    /// A UTF-8 page with a stray bad byte (a truncated character, a pasted fragment) stays UTF-8:
    /// text in a single-byte code page makes nearly every non-ASCII character a bad sequence.
    /// </summary>
    private static bool IsUtf8WithAFewBadBytes(ReadOnlySpan<byte> bytes, out string text)
    {
        text = Encoding.UTF8.GetString(bytes);
        int bad = 0, nonAscii = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD') bad++;
            else if (c > '\u007F') nonAscii++;
        }
        return bad * 100 < nonAscii;
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: in text that is mostly ASCII or Arabic, one byte of each
    /// pair is 0x00 or 0x06 nearly always, and the other almost never is. (Such bytes are valid
    /// UTF-8 control characters, so this is looked at before UTF-8.)
    /// </summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..(Math.Min(bytes.Length, SniffBytes) & ~1)];
        if (sample.Length < 8)
            return false;
        int even = 0, odd = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] is 0x00 or 0x06) even++;
            if (sample[i + 1] is 0x00 or 0x06) odd++;
        }
        var pairs = sample.Length / 2;
        if (odd >= pairs * 0.6 && even <= pairs * 0.1)
            return true;
        bigEndian = even >= pairs * 0.6 && odd <= pairs * 0.1;
        return bigEndian;
    }
}
