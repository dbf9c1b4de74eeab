namespace Search.Cli.Input;

/// <summary>Pages sent in one request: each page's name for the service and its bytes.</summary>
public sealed record PageBatch(IReadOnlyList<(string Name, byte[] Content)> Pages)
{
    public long Bytes => Pages.Sum(page => (long)page.Content.Length);

    /// <summary>
    /// Reads pages into batches of at most <paramref name="maxPages"/> pages and, unless one page
    /// alone is larger, <paramref name="maxBytes"/> bytes. A page that cannot be read is handed to
    /// <paramref name="unreadable"/> and left out.
    /// </summary>
    public static IEnumerable<PageBatch> Read(IEnumerable<(string File, string Name)> pages, int maxPages, long maxBytes, Action<string, Exception> unreadable)
    {
        var batch = new List<(string, byte[])>();
        var bytes = 0L;
        foreach (var (file, name) in pages)
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable(file, e);
                continue;
            }
            if (batch.Count > 0 && (batch.Count >= maxPages || bytes + content.Length > maxBytes))
            {
                yield return new PageBatch(batch.ToArray());
                batch.Clear();
                bytes = 0;
            }
            batch.Add((name, content));
            bytes += content.Length;
        }
        if (batch.Count > 0)
            yield return new PageBatch(batch.ToArray());
    }
}
