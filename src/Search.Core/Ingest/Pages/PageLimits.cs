namespace Search.Core.Ingest.Pages;

/// <summary>What reading one page may cost.</summary>
/// <param name="MaxBytes">
/// A larger page is refused before it is decoded or parsed. A page's article is at most
/// <see cref="DocumentLimits.MaxBodyChars"/> (a million characters, about 2 MB of Arabic in UTF-8);
/// 16 MB leaves room for markup several times the text.
/// </param>
/// <param name="ReadBudget">
/// A page taking longer to read is refused: markup can be built to make the HTML parser slow in ways
/// no guard foresees. An ordinary article reads in milliseconds, and 50,000 paragraphs (10 MB) in
/// 0.4–0.5 s; markup held just under the nesting guard (<see cref="PageGuards.MaxDepth"/> open
/// elements) followed by 100,000 more tags took the parser 5.4–6.6 s, past which it is refused.
/// </param>
public sealed record PageLimits(long MaxBytes, TimeSpan ReadBudget)
{
    public static PageLimits Default { get; } = new(16L << 20, TimeSpan.FromSeconds(5));

    /// <summary>Why a page of <paramref name="bytes"/> bytes is refused unread; null when it is within the limit.</summary>
    public string? TooLarge(long bytes) => bytes > MaxBytes ? $"the page is {bytes} bytes, more than the limit of {MaxBytes}" : null;
}
