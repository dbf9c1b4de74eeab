using Search.Core;
using Search.Core.Ingest.Json;

namespace Search.Bench.Support;

/// <summary>Reads corpus files (JSON Lines, plain or gzip) with the engine's own reader.</summary>
public static class CorpusFiles
{
    /// <summary>
    /// The documents of the files: the first <paramref name="fraction"/> of each file, repeated
    /// <paramref name="copies"/> times under new ids (copy 2 of "x" is "x~2"), to measure how cost grows.
    /// </summary>
    public static IEnumerable<DocumentRecord> Read(IReadOnlyList<string> files, double fraction = 1, int copies = 1)
    {
        var reader = new JsonDocumentsReader();
        for (var copy = 1; copy <= copies; copy++)
        {
            foreach (var file in files)
            {
                var lines = fraction >= 1 ? int.MaxValue : (int)(CountLines(file) * fraction);
                using var text = JsonDocumentsReader.OpenFile(file);
                foreach (var (document, _) in reader.EnumerateJsonLines(text).Take(lines))
                    if (document is not null)
                        yield return copy == 1 ? document : document with { Id = $"{document.Id}~{copy}" };
            }
        }
    }

    private static int CountLines(string file)
    {
        using var text = JsonDocumentsReader.OpenFile(file);
        var count = 0;
        while (text.ReadLine() is not null)
            count++;
        return count;
    }
}
