using System.Buffers;
using System.Text;
using Search.Api.RequestLines;

namespace Search.Api.Tests.RequestLines;

/// <summary>
/// The escaper on byte streams as a connection delivers them, cut at every possible place: only the
/// targets of request lines change, never headers or bodies, and what is not HTTP/1.x passes as it is.
/// </summary>
public sealed class RequestTargetEscaperTests
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    /// <summary>The stream through one escaper, fed in two reads split at <paramref name="cut"/>.</summary>
    private static string Escape(byte[] stream, int cut)
    {
        var escaper = new RequestTargetEscaper();
        var output = new ArrayBufferWriter<byte>();
        escaper.Process(new ReadOnlySequence<byte>(stream[..cut]), output);
        escaper.Process(new ReadOnlySequence<byte>(stream[cut..]), output);
        return Encoding.Latin1.GetString(output.WrittenSpan);
    }

    /// <summary>The same output whichever way the stream is cut into reads.</summary>
    private static string EscapeEveryWay(byte[] stream)
    {
        var whole = Escape(stream, stream.Length);
        for (var cut = 0; cut < stream.Length; cut++)
            Assert.Equal(whole, Escape(stream, cut));
        return whole;
    }

    [Fact]
    public void Raw_utf8_in_the_target_is_percent_encoded_and_the_rest_of_the_line_kept()
    {
        var escaped = EscapeEveryWay(Utf8.GetBytes("GET /api/search?q=وزارة%20الصحة&size=3 HTTP/1.1\r\nHost: x\r\n\r\n"));

        Assert.Equal("GET /api/search?q=" + Uri.EscapeDataString("وزارة") + "%20" + Uri.EscapeDataString("الصحة") + "&size=3 HTTP/1.1\r\nHost: x\r\n\r\n", escaped);
    }

    [Fact]
    public void An_ascii_stream_passes_unchanged()
    {
        var stream = "GET /api/status HTTP/1.1\r\nHost: x\r\n\r\nGET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";

        Assert.Equal(stream, EscapeEveryWay(Encoding.ASCII.GetBytes(stream)));
    }

    [Fact]
    public void A_body_of_known_length_is_not_touched_and_the_next_request_line_is_escaped()
    {
        // The body holds non-ASCII bytes and a line that looks like a request: both stay as they are.
        var body = Utf8.GetBytes("GET /يبدو?كطلب HTTP/1.1\r\n{\"body\":\"نص\"}");
        var stream = Concat(
            Utf8.GetBytes($"POST /api/documents HTTP/1.1\r\nContent-Length: {body.Length}\r\ncontent-type: application/json\r\n\r\n"),
            body,
            Utf8.GetBytes("GET /api/search?q=نص HTTP/1.1\r\n\r\n"));

        var escaped = EscapeEveryWay(stream);

        Assert.Contains(Encoding.Latin1.GetString(body), escaped);
        Assert.EndsWith("GET /api/search?q=%D9%86%D8%B5 HTTP/1.1\r\n\r\n", escaped);
    }

    [Fact]
    public void A_chunked_body_with_extensions_and_trailers_is_not_touched()
    {
        var first = Utf8.GetBytes("نص\r\nGET /x?ي HTTP/1.1\r\n");
        var stream = Concat(
            Utf8.GetBytes("POST /api/pages HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"),
            Utf8.GetBytes($"{first.Length:x};name=value\r\n"), first, "\r\n"u8.ToArray(),
            "3\r\nabc\r\n0\r\nTrailer: ي\r\n\r\n"u8.ToArray(),
            Utf8.GetBytes("GET /?q=ي HTTP/1.1\r\n\r\n"));

        var escaped = EscapeEveryWay(stream);

        Assert.Equal(Encoding.Latin1.GetString(stream[..^Utf8.GetByteCount("GET /?q=ي HTTP/1.1\r\n\r\n")]) + "GET /?q=%D9%8A HTTP/1.1\r\n\r\n", escaped);
    }

    [Theory]
    [InlineData(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0xC3, 0xA9, (byte)'\n', 0xFF })]
    [InlineData(new byte[] { (byte)'P', (byte)'R', (byte)'I', (byte)' ', (byte)'*', (byte)' ', (byte)'H', (byte)'T', (byte)'T', (byte)'P', (byte)'/', (byte)'2', (byte)'.', (byte)'0', (byte)'\r', (byte)'\n', 0xD9, 0x88, (byte)'\n' })]
    public void What_is_not_http1_passes_unchanged(byte[] stream)
    {
        Assert.Equal(Encoding.Latin1.GetString(stream), EscapeEveryWay(stream));
    }

    [Fact]
    public void After_an_upgrade_nothing_is_read_as_a_request_any_more()
    {
        var stream = Concat(Utf8.GetBytes("GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"), Utf8.GetBytes("GET /ي HTTP/1.1\r\n\r\n"));

        Assert.Equal(Encoding.Latin1.GetString(stream), EscapeEveryWay(stream));
    }

    [Fact]
    public void A_line_longer_than_any_limit_is_left_for_kestrel_to_refuse()
    {
        var stream = Utf8.GetBytes("GET /?q=" + new string('ي', 70_000) + " HTTP/1.1\r\n\r\n");
        var escaper = new RequestTargetEscaper();
        var output = new ArrayBufferWriter<byte>();

        escaper.Process(new ReadOnlySequence<byte>(stream), output);

        Assert.True(escaper.PassingThrough);
        Assert.Equal(stream, output.WrittenSpan.ToArray());
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
