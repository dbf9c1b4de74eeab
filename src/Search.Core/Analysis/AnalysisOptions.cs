namespace Search.Core.Analysis;

/// <summary>Which stop words are dropped.</summary>
internal enum StopWordSet
{
    None,

    /// <summary>Lucene's Arabic list, but matched after normalisation.</summary>
    Lucene,

    /// <summary><see cref="ArabicStopWords.Default"/>: function words and question words.</summary>
    Full,
}

/// <summary>Which words get an exact form (<see cref="ArabicSearchAnalyzer.ExactPrefix"/>) beside their stem.</summary>
internal enum ExactFormMode
{
    None,

    /// <summary>Every word.</summary>
    All,

    /// <summary>Words the stemmer changed; a word that is its own stem is matched exactly by its stem.</summary>
    Stemmed,
}

/// <summary>
/// The choices of the analysis chain. <see cref="Default"/> is what the product runs (and what
/// <see cref="ArabicSearchAnalyzer.Version"/> names); the others exist so the tuning harness can measure
/// each step against the alternatives.
/// </summary>
internal sealed record AnalysisOptions
{
    public HamzaPolicy Hamza { get; init; } = HamzaPolicy.FoldSeats;

    /// <summary>See <see cref="ArabicNormalizer.DropTanweenAlef"/>.</summary>
    public bool DropTanweenAlef { get; init; }

    public StopWordSet StopWords { get; init; } = StopWordSet.Full;

    public ProcliticMode Proclitics { get; init; } = ProcliticMode.Rules;

    /// <summary>Whether a lone <c>ف</c> is taken for the conjunction as <c>و</c> is.</summary>
    public bool StripFa { get; init; } = true;

    public SuffixMode Suffixes { get; init; } = SuffixMode.PluralFeminine;

    /// <summary>Which words get, beside their stem, the normalised unstemmed word prefixed with <see cref="ArabicSearchAnalyzer.ExactPrefix"/>.</summary>
    public ExactFormMode ExactForms { get; init; } = ExactFormMode.Stemmed;

    /// <summary>
    /// Terms the analysis writes per word, on average: BM25 compares a field's length in words with the
    /// average length, which the index knows only in terms. With exact forms for stemmed words only,
    /// measured on the news corpus (1.54 to 1.56 for its sources).
    /// </summary>
    public double TermsPerWord => ExactForms switch
    {
        ExactFormMode.All => 2,
        ExactFormMode.Stemmed => 1.55,
        _ => 1,
    };

    /// <summary>What the clitic stripper knows about words; null for the shipped list (<see cref="KnownWordList.Default"/>).</summary>
    public Func<ArabicNormalizer, IArabicWordKnowledge>? Knowledge { get; init; }

    public static AnalysisOptions Default { get; } = new();
}
