namespace Search.Core.Analysis;

/// <summary>
/// What the analysis makes of one word as the tokenizer gives it (<see cref="Token"/>): nothing, for a stop
/// word or a word of removed marks alone (<see cref="Exact"/> is null); or its exact form <see cref="Exact"/>
/// (normalised, its proclitics taken off) and, at its start, the stem, <see cref="StemLength"/> letters long.
/// Immutable, so that one instance is shared by every thread that meets the word (<see cref="ArabicWordAnalysis"/>).
/// </summary>
internal sealed class AnalysedWord(string token, string? exact, int stemLength)
{
    public string Token { get; } = token;

    public string? Exact { get; } = exact;

    public int StemLength { get; } = stemLength;

    /// <summary>The word is its own stem: its exact form alone is written, and stands for both.</summary>
    public bool IsOwnStem => StemLength == Exact!.Length;
}
