namespace Search.Core.Analysis;

/// <summary>Which stop words are dropped.</summary>
public enum StopWordSet
{
    None,

    /// <summary>Lucene's Arabic list, but matched after normalisation.</summary>
    Lucene,

    /// <summary><see cref="ArabicStopWords.Default"/>: function words and question words.</summary>
    Full,
}

/// <summary>
/// The choices of the analysis chain. <see cref="Default"/> is what the product runs (and what
/// <see cref="ArabicSearchAnalyzer.Version"/> names); the others exist so the tuning harness can measure
/// each step against the alternatives.
/// </summary>
public sealed record AnalysisOptions
{
    public HamzaPolicy Hamza { get; init; } = HamzaPolicy.FoldSeats;

    /// <summary>See <see cref="ArabicNormalizer.DropTanweenAlef"/>.</summary>
    public bool DropTanweenAlef { get; init; }

    public StopWordSet StopWords { get; init; } = StopWordSet.Full;

    public ProcliticMode Proclitics { get; init; } = ProcliticMode.Rules;

    /// <summary>Whether a lone <c>ف</c> is taken for the conjunction as <c>و</c> is.</summary>
    public bool StripFa { get; init; } = true;

    public SuffixMode Suffixes { get; init; } = SuffixMode.PluralFeminine;

    /// <summary>Emit, beside each stem, the normalised unstemmed word prefixed with <see cref="ArabicSearchAnalyzer.ExactPrefix"/>.</summary>
    public bool ExactForms { get; init; } = true;

    /// <summary>What the clitic stripper knows about words; null for the shipped list (<see cref="KnownWordList.Default"/>).</summary>
    public Func<ArabicNormalizer, IArabicWordKnowledge>? Knowledge { get; init; }

    public static AnalysisOptions Default { get; } = new();
}
