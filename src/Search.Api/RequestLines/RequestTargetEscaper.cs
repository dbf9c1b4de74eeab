using System.Buffers;
using System.Globalization;
using System.Text;

namespace Search.Api.RequestLines;

/// <summary>
/// Follows the HTTP/1.x byte stream of one connection and percent-encodes the bytes above 0x7F in
/// each request line's target, so that <c>GET /api/search?q=وزارة</c> as curl sends a pasted address
/// (raw UTF-8) reaches Kestrel as <c>?q=%D9%88…</c>, which it decodes back to the same text. Kestrel
/// itself only takes ASCII targets and has no option to do otherwise (ASP.NET Core 10: no setting
/// or AppContext switch; dotnet/aspnetcore#17402), answering them with a bare 400.
/// <para>
/// Only request lines change: headers pass as they are, and bodies (by Content-Length, or chunk by
/// chunk) are copied untouched, so a body holding a line that looks like a request is never read as
/// one. Whatever is not plain HTTP/1.x (TLS, the HTTP/2 preface, an upgraded connection, a framing
/// this does not follow) passes through unchanged from there on, for Kestrel to answer as it would.
/// </para>
/// </summary>
internal sealed class RequestTargetEscaper
{
    /// <summary>Longer than Kestrel's request line (64 KB here) and header limits: a longer line is Kestrel's to refuse.</summary>
    private const int MaxLineBytes = 128 * 1024;

    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();

    private enum State { RequestLine, HeaderLine, Body, ChunkSizeLine, ChunkData, ChunkDataEnd, TrailerLine, PassThrough }

    private readonly List<byte> _line = [];
    private State _state = State.RequestLine;
    private long _remaining;
    private long _contentLength;
    private bool _chunked;
    private bool _leavesHttp;

    /// <summary>True once the connection is no longer followed (not HTTP/1.x, or its framing was not understood).</summary>
    public bool PassingThrough => _state == State.PassThrough;

    /// <summary>Writes <paramref name="input"/> to <paramref name="output"/>, with the request targets escaped.</summary>
    public void Process(ReadOnlySequence<byte> input, IBufferWriter<byte> output)
    {
        foreach (var segment in input)
            Process(segment.Span, output);
    }

    private void Process(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        while (!input.IsEmpty)
        {
            switch (_state)
            {
                case State.PassThrough:
                    output.Write(input);
                    return;
                case State.Body:
                case State.ChunkData:
                    var take = (int)Math.Min(_remaining, input.Length);
                    output.Write(input[..take]);
                    input = input[take..];
                    _remaining -= take;
                    if (_remaining == 0)
                        _state = _state == State.Body ? State.RequestLine : State.ChunkDataEnd;
                    break;
                default:
                    input = TakeLine(input, output);
                    break;
            }
        }
    }

    /// <summary>Gathers a line up to its LF, then handles it whole; returns what is left of the input.</summary>
    private ReadOnlySpan<byte> TakeLine(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        // A request starts with a method token: the first byte of TLS (0x16) or of anything else tells at once.
        if (_state == State.RequestLine && _line.Count == 0 && !IsMethodByte(input[0]) && input[0] is not ((byte)'\r' or (byte)'\n'))
        {
            _state = State.PassThrough;
            return input;
        }
        var end = input.IndexOf((byte)'\n');
        var part = end < 0 ? input : input[..(end + 1)];
        if (_line.Count + part.Length > MaxLineBytes)
        {
            GiveUp(output);
            return input;
        }
        foreach (var b in part)
            _line.Add(b);
        if (end < 0)
            return [];
        var line = _line.ToArray();
        _line.Clear();
        HandleLine(line, output);
        return input[(end + 1)..];
    }

    private void HandleLine(byte[] line, IBufferWriter<byte> output)
    {
        switch (_state)
        {
            case State.RequestLine:
                RequestLine(line, output);
                break;
            case State.HeaderLine:
                output.Write(line);
                HeaderLine(line);
                break;
            case State.ChunkSizeLine:
                output.Write(line);
                ChunkSizeLine(line);
                break;
            case State.ChunkDataEnd:
                output.Write(line);
                _state = IsBlank(line) ? State.ChunkSizeLine : State.PassThrough;
                break;
            case State.TrailerLine:
                output.Write(line);
                if (IsBlank(line))
                    _state = State.RequestLine;
                break;
        }
    }

    private void RequestLine(byte[] line, IBufferWriter<byte> output)
    {
        if (IsBlank(line))
        {
            output.Write(line);
            return;
        }
        var text = Encoding.Latin1.GetString(line).TrimEnd('\r', '\n');
        var firstSpace = text.IndexOf(' ');
        var lastSpace = text.LastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace || !text[(lastSpace + 1)..].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            // Not an HTTP/1.x request line (the HTTP/2 preface, or garbage): Kestrel answers it as it is.
            output.Write(line);
            _state = State.PassThrough;
            return;
        }
        output.Write(line.AsSpan(0, firstSpace + 1));
        var target = line.AsSpan(firstSpace + 1, lastSpace - firstSpace - 1);
        var inPath = true;
        for (var i = 0; i < target.Length; i++)
        {
            var b = target[i];
            inPath &= b != (byte)'?';
            if (inPath && target[i..].StartsWith("%00"u8))
                // Kestrel refuses an escaped NUL in a path with a bare 400; with its % escaped the path
                // is read as written, names nothing, and is answered by the application (a 404 problem).
                output.Write("%25"u8);
            else if (b < 0x80)
                output.Write([b]);
            else
                output.Write([(byte)'%', Hex[b >> 4], Hex[b & 0xF]]);
        }
        output.Write(line.AsSpan(lastSpace));
        _leavesHttp = text.StartsWith("CONNECT ", StringComparison.Ordinal);
        _contentLength = 0;
        _chunked = false;
        _state = State.HeaderLine;
    }

    private void HeaderLine(byte[] line)
    {
        if (IsBlank(line))
        {
            _state = _leavesHttp ? State.PassThrough
                : _chunked ? State.ChunkSizeLine
                : _contentLength > 0 ? State.Body
                : State.RequestLine;
            _remaining = _contentLength;
            return;
        }
        var text = Encoding.Latin1.GetString(line);
        var colon = text.IndexOf(':');
        if (colon <= 0)
            return;
        var name = text[..colon].Trim();
        var value = text[(colon + 1)..].Trim();
        if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _contentLength))
                _leavesHttp = true;
        }
        else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
        {
            _chunked = value.EndsWith("chunked", StringComparison.OrdinalIgnoreCase);
            // Another final coding has no length Kestrel could follow either.
            _leavesHttp |= !_chunked;
        }
        else if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
        {
            // After a 101 the bytes are another protocol's.
            _leavesHttp = true;
        }
    }

    private void ChunkSizeLine(byte[] line)
    {
        var text = Encoding.Latin1.GetString(line);
        var end = text.IndexOfAny([';', '\r', '\n']);
        if (!long.TryParse(end < 0 ? text : text[..end], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            _state = State.PassThrough;
            return;
        }
        _remaining = size;
        _state = size == 0 ? State.TrailerLine : State.ChunkData;
    }

    private void GiveUp(IBufferWriter<byte> output)
    {
        output.Write(_line.ToArray());
        _line.Clear();
        _state = State.PassThrough;
    }

    private static bool IsBlank(byte[] line) => line is [(byte)'\n'] or [(byte)'\r', (byte)'\n'];

    /// <summary>The letters of HTTP methods (tokens may hold more, but no method a client sends here does).</summary>
    private static bool IsMethodByte(byte b) => b is >= (byte)'A' and <= (byte)'Z' or (byte)'-' or (byte)'_';
}
