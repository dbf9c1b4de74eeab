using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Search.Core.Analysis;

namespace Search.Core.Languages;

/// <summary>
/// The registry of analyses: which analysis a language's documents and queries go through, in which
/// fields, under which version. Arabic keeps its analysis and today's <c>title</c>/<c>body</c>, so
/// Arabic terms, statistics and speed do not change; English, Russian and French have fields of their
/// own (<c>title.en</c>, <c>body.en</c>…), analysed with Lucene's stemmers and stop words as
/// Elasticsearch's <c>english</c>, <c>russian</c> and <c>french</c> analyzers are, plus our exact forms;
/// other languages are indexed as written (lower-cased, accents folded) in <c>title.other</c>/<c>body.other</c>.
/// See docs/languages.md for the choices.
/// </summary>
internal static class LanguageAnalyses
{
    private static readonly Lucene.Net.Util.LuceneVersion Lucene = ArabicSearchAnalyzer.Lucene;

    public static LanguageAnalysis Arabic { get; } = new(
        "arabic", "", ArabicSearchAnalyzer.Version, ArabicSearchAnalyzer.TermsPerWord, ArabicSearchAnalyzer.Create);

    /// <summary>Possessives dropped, Lucene's English stop words, the Porter stemmer (<c>statements</c> → <c>statement</c>).</summary>
    public static LanguageAnalysis English { get; } = new("english", "." + LanguageTags.English, "english-search-1", 1.65, () =>
        new StemmedSearchAnalyzer(null,
            tokens => new StopFilter(Lucene, new LowerCaseFilter(Lucene, new EnglishPossessiveFilter(Lucene, tokens)), EnglishAnalyzer.DefaultStopSet),
            words => new PorterStemFilter(words)));

    /// <summary><c>ё</c> read as <c>е</c>, the Snowball stop words but two nouns, the Snowball stemmer (<c>заявлению</c>, <c>заявление</c> → <c>заявлен</c>).</summary>
    public static LanguageAnalysis Russian { get; } = new("russian", "." + LanguageTags.Russian, "russian-search-1", 1.9, () =>
        new StemmedSearchAnalyzer(RussianCharacters,
            tokens => new StopFilter(Lucene, new LowerCaseFilter(Lucene, tokens), RussianStopWords),
            words => new SnowballFilter(words, new RussianStemmer())));

    /// <summary>Elided articles dropped (<c>l'accord</c> → <c>accord</c>), the Snowball stop words, Lucene's light French stemmer.</summary>
    public static LanguageAnalysis French { get; } = new("french", "." + LanguageTags.French, "french-search-1", 1.8, () =>
        new StemmedSearchAnalyzer(null,
            tokens => new StopFilter(Lucene, new LowerCaseFilter(Lucene, new ElisionFilter(tokens, FrenchAnalyzer.DEFAULT_ARTICLES)), FrenchAnalyzer.DefaultStopSet),
            words => new FrenchLightStemFilter(words)));

    /// <summary>
    /// Any other language (German, Spanish, Chinese…): words as written, lower-cased and without
    /// accents, no stop words and no stemming, which suit every language a little and none badly.
    /// </summary>
    public static LanguageAnalysis Other { get; } = new("other", ".other", "other-search-1", 1, () =>
        new StemmedSearchAnalyzer(null, tokens => new LowerCaseFilter(Lucene, tokens), null));

    public static IReadOnlyList<LanguageAnalysis> All { get; } = [Arabic, English, Russian, French, Other];

    /// <summary>
    /// The version of the whole analysis, stored in each index commit in place of the Arabic version
    /// alone: it moves when any language's analysis does, and a reindex brings the index up to it.
    /// </summary>
    public static string Version { get; } = string.Join('+', All.Select(analysis => analysis.Version));

    /// <summary>The analysis of a language code: Arabic for the languages written in Arabic script, <see cref="Other"/> for those without one of their own.</summary>
    public static LanguageAnalysis For(string? language) => language switch
    {
        LanguageTags.English => English,
        LanguageTags.Russian => Russian,
        LanguageTags.French => French,
        _ when language is not null && LanguageTags.ScriptOf(language) == WritingScript.Arabic => Arabic,
        _ => Other,
    };

    /// <summary>The analysis whose field <paramref name="field"/> is (<c>body.en</c> is English's); Arabic for the others.</summary>
    public static LanguageAnalysis OfField(string field)
    {
        var dot = field.IndexOf('.');
        if (dot < 0)
            return Arabic;
        var suffix = field[dot..];
        return All.FirstOrDefault(analysis => analysis.FieldSuffix == suffix) ?? Arabic;
    }

    /// <summary>
    /// The analyses a query goes through: one for each language of <paramref name="languages"/> (those
    /// the archive holds, or the <c>lang=</c> asked for), each matching its own fields.
    /// </summary>
    public static IReadOnlyList<LanguageAnalysis> ForQuery(IEnumerable<string> languages) =>
        All.Intersect(languages.Select(For)).ToList();

    /// <summary>
    /// The index writer's analyzer: each language's fields with that language's analyzer, and every
    /// other field (Arabic <c>title</c> and <c>body</c>) with the Arabic one. Disposing it disposes them all.
    /// </summary>
    public static Analyzer CreateFieldAnalyzer() => CreateFieldAnalyzer(Arabic.Create());

    /// <summary>The index writer's analyzer with <paramref name="arabic"/> (owned) for the Arabic fields: a variant the relevance harness measures.</summary>
    public static Analyzer CreateFieldAnalyzer(Analyzer arabic)
    {
        var fields = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var analysis in All.Where(analysis => analysis != Arabic))
        {
            var analyzer = analysis.Create();
            fields[analysis.TitleField] = analyzer;
            fields[analysis.BodyField] = analyzer;
        }
        return new LanguageFieldAnalyzer(arabic, fields);
    }

    private static readonly NormalizeCharMap RussianCharacters = BuildRussianCharacters();

    /// <summary>
    /// Lucene's Russian stop words (Snowball's list) without <c>человек</c> and <c>жизнь</c>: nouns that
    /// statements are about (<c>права человека</c>), not function words.
    /// </summary>
    private static readonly CharArraySet RussianStopWords = new(Lucene,
        RussianAnalyzer.DefaultStopSet.Where(word => word is not ("человек" or "жизнь")).ToList(), ignoreCase: false);

    /// <summary>Russian writes <c>ё</c> or <c>е</c> for the same letter, and the stop words and the stemmer know <c>е</c> only.</summary>
    private static NormalizeCharMap BuildRussianCharacters()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add("ё", "е");
        builder.Add("Ё", "Е");
        return builder.Build();
    }
}
