using System.Globalization;
using Lucene.Net.Analysis;
using Search.Core;
using Search.Core.Analysis;
using Search.Core.Languages;
using Search.Core.Retrieval.Scoring;

namespace Search.Eval;

/// <summary>
/// Analysis and ranking variants written as <c>key=value,key=value</c> (unspecified keys keep the
/// product's default), so one command line names exactly what was measured.
/// </summary>
internal static class Specs
{
    public const string Stock = "stock";

    public static bool IsStock(string spec) => spec.Trim() == Stock;

    /// <summary>
    /// <c>stock</c> (Lucene's ArabicAnalyzer), or overrides of <see cref="AnalysisOptions.Default"/>:
    /// <c>hamza=keep|seats|drop|unify</c>, <c>stop=none|lucene|full</c>, <c>proclitics=none|lucene|rules</c>,
    /// <c>fa=on|off</c>, <c>tanween=on|off</c>, <c>suffix=none|plural|fem|nisba|lucene</c>, <c>listed=on|off</c> (endings of listed words),
    /// <c>numbers=on|off</c>, <c>exact=on|off|stemmed</c>, <c>knowledge=list|lexicon|none</c>.
    /// </summary>
    public static AnalysisOptions Analysis(string spec, Func<ArabicNormalizer, IArabicWordKnowledge>? lexicon)
    {
        var options = AnalysisOptions.Default;
        foreach (var (key, value) in Pairs(spec))
        {
            options = key switch
            {
                "hamza" => options with { Hamza = value switch { "keep" => HamzaPolicy.Keep, "seats" => HamzaPolicy.FoldSeats, "drop" => HamzaPolicy.FoldSeatsDropHamza, "unify" => HamzaPolicy.Unify, _ => Bad<HamzaPolicy>(key, value) } },
                "stop" => options with { StopWords = value switch { "none" => StopWordSet.None, "lucene" => StopWordSet.Lucene, "full" => StopWordSet.Full, _ => Bad<StopWordSet>(key, value) } },
                "proclitics" => options with { Proclitics = value switch { "none" => ProcliticMode.None, "lucene" => ProcliticMode.Lucene, "rules" => ProcliticMode.Rules, _ => Bad<ProcliticMode>(key, value) } },
                "fa" => options with { StripFa = On(key, value) },
                "tanween" => options with { DropTanweenAlef = On(key, value) },
                "suffix" => options with { Suffixes = value switch { "none" => SuffixMode.None, "plural" => SuffixMode.Plural, "fem" => SuffixMode.PluralFeminine, "nisba" => SuffixMode.Nisba, "lucene" => SuffixMode.Lucene, _ => Bad<SuffixMode>(key, value) } },
                "listed" => options with { ListedWordEndings = On(key, value) },
                "numbers" => options with { NumberAffixes = On(key, value) },
                "exact" => options with { ExactForms = value switch { "off" => ExactFormMode.None, "on" => ExactFormMode.All, "stemmed" => ExactFormMode.Stemmed, _ => Bad<ExactFormMode>(key, value) } },
                "knowledge" => options with
                {
                    Knowledge = value switch
                    {
                        "list" => null,
                        "none" => _ => NoKnowledge.Instance,
                        "lexicon" => lexicon ?? throw new ArgumentException("knowledge=lexicon needs the documents' lexicon"),
                        _ => Bad<Func<ArabicNormalizer, IArabicWordKnowledge>?>(key, value),
                    },
                },
                _ => throw new ArgumentException($"unknown analysis key '{key}'"),
            };
        }
        return options;
    }

    /// <summary>The spec's analyzer; <c>stock</c> is Lucene's <c>ArabicAnalyzer</c> (Elasticsearch's <c>arabic</c>), the baseline measurements compare with.</summary>
    public static Analyzer CreateAnalyzer(string spec, Func<ArabicNormalizer, IArabicWordKnowledge>? lexicon) =>
        IsStock(spec) ? new Lucene.Net.Analysis.Ar.ArabicAnalyzer(ArabicSearchAnalyzer.Lucene) : ArabicSearchAnalyzer.Create(Analysis(spec, lexicon));

    /// <summary>
    /// What an engine is opened with to measure a variant: its analysis in the Arabic fields (the other
    /// languages' as the product's), the terms per word BM25 counts for it, its ranking.
    /// </summary>
    public static EngineProfile Profile(string analysis, string ranking, Func<ArabicNormalizer, IArabicWordKnowledge>? lexicon) => new(
        () => LanguageAnalyses.CreateFieldAnalyzer(CreateAnalyzer(analysis, lexicon)), "eval " + analysis, TermsPerWord(analysis, lexicon), Ranking(ranking));

    /// <summary>Terms the spec's analysis writes per word, which BM25 needs to count a field's length in words.</summary>
    public static double TermsPerWord(string spec, Func<ArabicNormalizer, IArabicWordKnowledge>? lexicon) =>
        IsStock(spec) ? 1 : Analysis(spec, lexicon).TermsPerWord;

    public static bool WantsLexicon(string spec) => Pairs(spec).Any(p => p is ("knowledge", "lexicon"));

    /// <summary>
    /// Overrides of <see cref="RankingOptions.Default"/>: <c>tb</c> title boost, <c>eb</c> exact-form boost,
    /// <c>pb</c> proximity boost (body), <c>tpb</c> (title), <c>wt</c> whole-title boost, <c>slop</c>, <c>k1</c>, <c>b</c> (body), <c>tb_b</c> (title), <c>tie</c> (disjunction-max tie breaker; -1 sums the fields);
    /// or <c>peer</c>: title and body alike, nothing else, Lucene's BM25 defaults (the Java peer's query).
    /// </summary>
    public static RankingOptions Ranking(string spec)
    {
        var options = RankingOptions.Default;
        foreach (var (key, value) in Pairs(spec))
        {
            if (key == "peer")
            {
                options = options with { TitleBoost = 1, ExactBoost = 0, ProximityBoost = 0, TitleProximityBoost = 0, WholeTitleBoost = 0, FieldTieBreaker = null, K1 = 1.2f, BodyB = 0.75f, TitleB = 0.75f };
                continue;
            }
            var number = float.Parse(value, CultureInfo.InvariantCulture);
            options = key switch
            {
                "tb" => options with { TitleBoost = number },
                "eb" => options with { ExactBoost = number },
                "pb" => options with { ProximityBoost = number },
                "slop" => options with { ProximitySlop = (int)number },
                "tpb" => options with { TitleProximityBoost = number },
                "wt" => options with { WholeTitleBoost = number },
                "typo" => options with { TypoBoost = number },
                "typox" => options with { TypoExpansions = (int)number },
                "typodf" => options with { TypoMaxDocFreq = (int)number },
                "k1" => options with { K1 = number },
                "b" => options with { BodyB = number },
                "tb_b" => options with { TitleB = number },
                "tie" => options with { FieldTieBreaker = number < 0 ? null : number },
                _ => throw new ArgumentException($"unknown ranking key '{key}'"),
            };
        }
        return options;
    }

    private static IEnumerable<(string Key, string Value)> Pairs(string spec)
    {
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part is "default" or Stock)
                continue;
            if (part == "peer")
            {
                yield return ("peer", "1");
                continue;
            }
            var eq = part.IndexOf('=');
            if (eq <= 0)
                throw new ArgumentException($"'{part}' is not key=value");
            yield return (part[..eq], part[(eq + 1)..]);
        }
    }

    private static bool On(string key, string value) => value switch { "1" or "on" or "true" => true, "0" or "off" or "false" => false, _ => Bad<bool>(key, value) };

    private static T Bad<T>(string key, string value) => throw new ArgumentException($"'{value}' is not a value of {key}");

    private sealed class NoKnowledge : IArabicWordKnowledge
    {
        public static readonly NoKnowledge Instance = new();
        public bool KeepsFirstLetter(ReadOnlySpan<char> word) => false;
        public bool IsWord(ReadOnlySpan<char> word) => false;
        public bool IsListed(ReadOnlySpan<char> word) => false;
    }
}
