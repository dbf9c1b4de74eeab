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

    /// <summary>
    /// Whether a lone <c>ف</c> is taken for the conjunction as <c>و</c> is. It is not: that <c>ف</c> belongs to narrative
    /// prose (<c>فقال</c>), rare in questions and headlines, while names and nouns that begin with <c>ف</c> are common
    /// there and were cut (<c>فروبل</c> became <c>روبل</c>, the rouble); <c>فال</c> is still the article behind it.
    /// </summary>
    public bool StripFa { get; init; }

    public SuffixMode Suffixes { get; init; } = SuffixMode.Nisba;

    /// <summary>
    /// Whether a listed word (<see cref="IArabicWordKnowledge.IsListed"/>) loses an ending the list shows to be one,
    /// its remainder being listed alone or with another ending (<c>أمريكية</c> → <c>أمريكي</c>, <c>وزارات</c> and
    /// <c>وزارة</c> → <c>وزار</c>), while <c>فلسطين</c> keeps its <c>ين</c>; otherwise a listed word keeps every ending.
    /// </summary>
    public bool ListedWordEndings { get; init; } = true;

    /// <summary>
    /// Whether a number written with letters attached is read as the number: a proclitic before it
    /// (<c>ب2018</c>, <c>الـ15</c>) and the calendar mark after it (<c>1911م</c>, <c>1442هـ</c>) taken off, and the marks
    /// written apart (<c>2010 م</c>) dropped (<see cref="ArabicNumbers"/>).
    /// </summary>
    public bool NumberAffixes { get; init; } = true;

    /// <summary>Which words get, beside their stem, the normalised unstemmed word prefixed with <see cref="ArabicSearchAnalyzer.ExactPrefix"/>.</summary>
    public ExactFormMode ExactForms { get; init; } = ExactFormMode.Stemmed;

    /// <summary>
    /// Terms the analysis writes per word, on average: BM25 compares a field's length in words with the
    /// average length, which the index knows only in terms. With exact forms for stemmed words only,
    /// measured on the news corpus: 1.59 to 1.62 for its sources with the nisba endings taken off (more
    /// words are stemmed), 1.55 to 1.58 without.
    /// </summary>
    public double TermsPerWord => ExactForms switch
    {
        ExactFormMode.All => 2,
        ExactFormMode.Stemmed => Suffixes == SuffixMode.Nisba ? 1.60 : 1.55,
        _ => 1,
    };

    /// <summary>What the clitic stripper knows about words; null for the shipped list (<see cref="KnownWordList.Default"/>).</summary>
    public Func<ArabicNormalizer, IArabicWordKnowledge>? Knowledge { get; init; }

    public static AnalysisOptions Default { get; } = new();
}
