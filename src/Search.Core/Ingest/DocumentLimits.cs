namespace Search.Core.Ingest;

/// <summary>Size limits a document must respect to be accepted.</summary>
/// <remarks>
/// Source and category are indexed as single terms, which Lucene caps at 32,766 UTF-8 bytes; the
/// limits keep every accepted document indexable.
/// </remarks>
public sealed record DocumentLimits(
    int MaxIdLength = 512,
    int MaxTitleChars = 4_096,
    int MaxBodyChars = 1_000_000,
    int MaxSourceChars = 512,
    int MaxCategoryChars = 512)
{
    public static DocumentLimits Default { get; } = new();
}
