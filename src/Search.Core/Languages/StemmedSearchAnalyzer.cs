using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Search.Core.Analysis;

namespace Search.Core.Languages;

/// <summary>
/// The analysis of a language other than Arabic, in the shape of ours: Unicode word tokenization;
/// the language's own word handling (<paramref name="words"/>: possessives or elisions, lower-casing,
/// stop words, which are listed with their accents); accents folded to ASCII, so a word typed without
/// them meets the word written with them; then the stem and the exact form (<see cref="ExactCompanionFilter"/>).
/// Folding comes before stemming because Lucene's French stemmer cuts <c>ministère</c> to <c>minist</c>
/// and <c>ministere</c> to <c>minister</c>: folded first, both are <c>minister</c>.
/// </summary>
/// <param name="characters">Characters mapped before tokenization (Russian <c>ё</c> to <c>е</c>), or null.</param>
/// <param name="words">From tokens to the language's words, stop words removed.</param>
/// <param name="stemmer">The stemming filter, or null for a language written as its exact forms alone.</param>
internal sealed class StemmedSearchAnalyzer(
    NormalizeCharMap? characters,
    Func<TokenStream, TokenStream> words,
    Func<TokenStream, TokenStream>? stemmer) : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        characters is null ? reader : new MappingCharFilter(characters, reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(ArabicSearchAnalyzer.Lucene, reader);
        TokenStream stream = new KeywordRepeatFilter(new ASCIIFoldingFilter(words(tokenizer)));
        if (stemmer is not null)
            stream = stemmer(stream);
        return new TokenStreamComponents(tokenizer, new ExactCompanionFilter(stream));
    }
}
