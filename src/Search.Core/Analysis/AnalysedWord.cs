namespace Search.Core.Analysis;

/// <summary>
/// What the analysis makes of one word as the tokenizer gives it (<see cref="Token"/>): nothing, for a stop
/// word or a word of removed marks alone (<see cref="Exact"/> is null); or its normalised form
/// <see cref="Exact"/> and, within it, the stem from <see cref="StemStart"/> to <see cref="StemEnd"/>.
/// Immutable, so that one instance is shared by every thread that meets the word (<see cref="ArabicWordAnalysis"/>).
/// </summary>
internal sealed class AnalysedWord(string token, string? exact, int stemStart, int stemEnd)
{
    public string Token { get; } = token;

    public string? Exact { get; } = exact;

    public int StemStart { get; } = stemStart;

    public int StemEnd { get; } = stemEnd;

    /// <summary>The word is its own stem: its exact form alone is written, and stands for both.</summary>
    public bool IsOwnStem => StemStart == 0 && StemEnd == Exact!.Length;
}
