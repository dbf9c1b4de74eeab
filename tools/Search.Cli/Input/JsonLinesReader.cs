using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace Search.Cli.Input;

/// <summary>Reads one archive line by line, so a file of any size streams through a small buffer.</summary>
public sealed class JsonLinesReader : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly FileStream file;
    private readonly StreamReader reader;

    public JsonLinesReader(string path)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        Stream content = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
    }

    /// <summary>Bytes of the file read so far; of the compressed file for <c>.gz</c>, so that it compares with <see cref="Length"/>.</summary>
    public long Position => file.Position;

    public long Length => file.Length;

    /// <summary>The non-blank lines, numbered as in the file (blank lines count, so numbers match an editor's).</summary>
    public async IAsyncEnumerable<NumberedLine> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
                yield return new NumberedLine(number, line);
        }
    }

    public void Dispose() => reader.Dispose();
}

public readonly record struct NumberedLine(int Number, string Text);
