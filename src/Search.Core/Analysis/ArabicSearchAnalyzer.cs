using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Search.Core.Analysis;

/// <summary>
/// The analysis every indexed text and every query goes through: Unicode word tokenization, then
/// <see cref="ArabicSearchFilter"/> (normalisation, stop words after normalisation, clitics, and the exact
/// companion form). It is versioned: an index built with another <see cref="Version"/> must be rebuilt
/// before its terms can be trusted. See docs/relevance.md for what each choice was measured to do, and
/// for the alternatives measured against it and retired.
/// </summary>
internal static class ArabicSearchAnalyzer
{
    /// <summary>
    /// Stored in every index commit; change it whenever the produced terms change, or what the index
    /// records of them, so that a reindex brings an index up to date (3: the body's offsets, for
    /// snippets; 4: relative-adjective endings, listed words' endings, numbers with letters attached; 5: exact
    /// forms without their proclitics).
    /// </summary>
    public const string Version = "arabic-search-5";

    public const LuceneVersion Lucene = LuceneVersion.LUCENE_48;

    /// <summary>Marks the normalised, unstemmed form of a word, indexed at the same position as its stem.</summary>
    public const char ExactPrefix = '=';

    /// <summary>
    /// Terms the analysis writes per word, on average: BM25 compares a field's length in words with the
    /// average length, which the index knows only in terms. With exact forms for words that have an ending
    /// taken off only, measured on the news corpus: 18.19 million terms for its 13.45 million words that are
    /// not stop words, 1.35 (1.59 when an exact form kept the proclitics, and so was written for 3.2 million
    /// words more).
    /// </summary>
    public const double TermsPerWord = 1.35;

    public static Analyzer Create() => Create(KnownWordList.Default);

    /// <summary>
    /// The analysis with other knowledge of which first letters and endings belong to words than the shipped
    /// list: the one seam the relevance harness (<c>tools/Search.Eval</c>) measures the list through, against a
    /// list learnt from the documents and against none.
    /// </summary>
    public static Analyzer Create(IArabicWordKnowledge knowledge) => new SearchAnalyzer(knowledge);

    private sealed class SearchAnalyzer(IArabicWordKnowledge knowledge) : Analyzer
    {
        private readonly ArabicWordAnalysis _words = new(ArabicStopWords.Default, new ArabicProclitics(knowledge), new ArabicSuffixes(knowledge));

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Lucene, reader);
            return new TokenStreamComponents(tokenizer, new ArabicSearchFilter(tokenizer, _words));
        }
    }
}
