namespace Search.Core.Quotes;

/// <summary>The tokens of quoted words: the inside of a marked span, or the clause of reported speech.</summary>
internal readonly record struct QuoteSpan(int Start, int End)
{
    public bool Overlaps(QuoteSpan other) => Start < other.End && other.Start < End;
}
