using System.Runtime.CompilerServices;
using System.Text;

namespace Search.Cli.Input;

/// <summary>Lines sent in one request, as an NDJSON body, with the file line number of each.</summary>
public sealed record LineBatch(string Body, IReadOnlyList<int> FileLines)
{
    public int Count => FileLines.Count;

    /// <summary>The file line of a body line numbered from 1, as the service numbers them in its errors.</summary>
    public int? FileLineOf(int bodyLine) => bodyLine >= 1 && bodyLine <= Count ? FileLines[bodyLine - 1] : null;

    /// <summary>Groups lines into batches of at most <paramref name="maxLines"/> lines and, unless one line alone is larger, <paramref name="maxBytes"/> UTF-8 bytes.</summary>
    public static async IAsyncEnumerable<LineBatch> ReadAsync(
        IAsyncEnumerable<NumberedLine> lines, int maxLines, int maxBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = new StringBuilder();
        var fileLines = new List<int>();
        var bytes = 0L;
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            var size = Encoding.UTF8.GetByteCount(line.Text) + 1;
            if (fileLines.Count > 0 && bytes + size > maxBytes)
                yield return Cut();
            body.Append(line.Text).Append('\n');
            fileLines.Add(line.Number);
            bytes += size;
            if (fileLines.Count >= maxLines)
                yield return Cut();
        }
        if (fileLines.Count > 0)
            yield return Cut();

        LineBatch Cut()
        {
            var batch = new LineBatch(body.ToString(), fileLines.ToArray());
            body.Clear();
            fileLines.Clear();
            bytes = 0;
            return batch;
        }
    }
}
