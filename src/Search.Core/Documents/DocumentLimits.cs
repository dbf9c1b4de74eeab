namespace Search.Core.Documents;

/// <summary>Size limits a document must respect to be accepted.</summary>
public sealed record DocumentLimits(int MaxIdLength = 512, int MaxTitleChars = 4_096, int MaxBodyChars = 1_000_000)
{
    public static DocumentLimits Default { get; } = new();
}
