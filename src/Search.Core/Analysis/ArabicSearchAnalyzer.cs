using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Search.Core.Analysis;

/// <summary>
/// The analysis every indexed text and every query goes through: Unicode word tokenization, then
/// <see cref="ArabicSearchFilter"/> (normalisation, stop words after normalisation, clitics, and the exact
/// companion form). It is versioned: an index built with another <see cref="Version"/> must be rebuilt
/// before its terms can be trusted. See docs/relevance.md for what each choice was measured to do.
/// </summary>
internal static class ArabicSearchAnalyzer
{
    /// <summary>
    /// Stored in every index commit; change it whenever the produced terms change, or what the index
    /// records of them, so that a reindex brings an index up to date (3: the body's offsets, for
    /// snippets; 4: relative-adjective endings, listed words' endings, numbers with letters attached).
    /// </summary>
    public const string Version = "arabic-search-4";

    public const LuceneVersion Lucene = LuceneVersion.LUCENE_48;

    /// <summary>Marks the normalised, unstemmed form of a word, indexed at the same position as its stem.</summary>
    public const char ExactPrefix = '=';

    public static Analyzer Create() => Create(AnalysisOptions.Default);

    public static Analyzer Create(AnalysisOptions options) => new SearchAnalyzer(options);

    private sealed class SearchAnalyzer : Analyzer
    {
        private readonly ArabicNormalizer _normalizer;
        private readonly ArabicStopWords? _stopWords;
        private readonly ArabicProclitics _proclitics;
        private readonly ArabicSuffixes _suffixes;
        private readonly ExactFormMode _exactForms;
        private readonly bool _numberAffixes;

        public SearchAnalyzer(AnalysisOptions options)
        {
            _normalizer = new ArabicNormalizer(options.Hamza, options.DropTanweenAlef);
            _stopWords = options.StopWords switch
            {
                StopWordSet.Full when options.NumberAffixes => ArabicStopWords.Default(_normalizer, ArabicNumbers.CalendarMarks),
                StopWordSet.Full => ArabicStopWords.Default(_normalizer),
                StopWordSet.Lucene => new ArabicStopWords(_normalizer, string.Join(' ', ArabicAnalyzer.DefaultStopSet)),
                _ => null,
            };
            var knowledge = options.Knowledge?.Invoke(_normalizer) ?? KnownWordList.Default(_normalizer);
            _proclitics = new ArabicProclitics(options.Proclitics, knowledge, options.StripFa);
            _suffixes = new ArabicSuffixes(options.Suffixes, knowledge, options.ListedWordEndings);
            _exactForms = options.ExactForms;
            _numberAffixes = options.NumberAffixes;
        }

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Lucene, reader);
            return new TokenStreamComponents(tokenizer,
                new ArabicSearchFilter(tokenizer, _normalizer, _stopWords, _proclitics, _suffixes, _exactForms, _numberAffixes));
        }
    }
}
