using System.Text;

namespace Search.Core.Index;

/// <summary>
/// A document's body as its stored fields hold it: UTF-8 bytes (<see cref="LuceneDocumentMapper"/> stores it so), or text
/// in a segment written before. Why bytes: Lucene decodes a stored text into a new string, counting its characters
/// first, and a page of ten hits made ten bodies of strings only for a snippet and the quotations' texts to be cut
/// out of them; the decoding was 5% of a search served over HTTP, the strings a seventh of what it allocated (a perf
/// profile and <c>Search.Bench queries</c>, docs/performance.md).
/// </summary>
internal readonly struct StoredBody
{
    private readonly byte[]? _utf8;
    private readonly string? _text;

    private StoredBody(byte[]? utf8, string? text) => (_utf8, _text) = (utf8, text);

    public static StoredBody OfUtf8(byte[] utf8) => new(utf8, null);

    public static StoredBody OfText(string text) => new(null, text);

    /// <summary>The body as a string of its own (empty when none was read).</summary>
    public override string ToString() => _text ?? (_utf8 is null ? "" : Encoding.UTF8.GetString(_utf8));

    /// <summary>
    /// The body's characters, decoded into this thread's buffer: valid until the thread's next call, which is all a
    /// hit's snippet and quotations need. A character Lucene's own decoding would have replaced is replaced alike
    /// (U+FFFD), so the indexed offsets keep pointing at the same characters.
    /// </summary>
    public ReadOnlySpan<char> Decoded()
    {
        if (_text is not null)
            return _text;
        if (_utf8 is null)
            return [];
        // A UTF-8 byte never makes more than one UTF-16 character.
        if (t_chars is null || t_chars.Length < _utf8.Length)
            t_chars = new char[Math.Max(_utf8.Length, 2 * (t_chars?.Length ?? 0))];
        return t_chars.AsSpan(0, Encoding.UTF8.GetChars(_utf8, t_chars));
    }

    [ThreadStatic]
    private static char[]? t_chars;
}
