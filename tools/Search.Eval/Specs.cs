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
    /// <c>stock</c> (Lucene's <c>ArabicAnalyzer</c>, Elasticsearch's <c>arabic</c>, the baseline measurements compare
    /// with), or the product's analysis (<c>default</c>) with <c>knowledge=list|lexicon|none</c>: the shipped word list,
    /// one learnt from the documents (<see cref="Lexicon"/>, <paramref name="lexicon"/>) or none (every leading
    /// <c>و</c> stripped). The other choices of the analysis were measured against their alternatives and those
    /// retired (docs/relevance.md).
    /// </summary>
    public static Analyzer CreateAnalyzer(string spec, Func<IArabicWordKnowledge>? lexicon)
    {
        if (IsStock(spec))
            return new Lucene.Net.Analysis.Ar.ArabicAnalyzer(ArabicSearchAnalyzer.Lucene);
        IArabicWordKnowledge knowledge = KnownWordList.Default;
        foreach (var (key, value) in Pairs(spec))
        {
            knowledge = key switch
            {
                "knowledge" => value switch
                {
                    "list" => KnownWordList.Default,
                    "none" => NoKnowledge.Instance,
                    "lexicon" => lexicon?.Invoke() ?? throw new ArgumentException("knowledge=lexicon needs the documents' lexicon"),
                    _ => Bad<IArabicWordKnowledge>(key, value),
                },
                _ => throw new ArgumentException($"unknown analysis key '{key}' (the variants measured and retired are in docs/relevance.md)"),
            };
        }
        return ArabicSearchAnalyzer.Create(knowledge);
    }

    /// <summary>
    /// What an engine is opened with to measure a variant: its analysis in the Arabic fields (the other
    /// languages' as the product's), the terms per word BM25 counts for it, its ranking.
    /// </summary>
    public static EngineProfile Profile(string analysis, string ranking, Func<IArabicWordKnowledge>? lexicon) => new(
        () => LanguageAnalyses.CreateFieldAnalyzer(CreateAnalyzer(analysis, lexicon)), "eval " + analysis, TermsPerWord(analysis), Ranking(ranking));

    /// <summary>Terms the spec's analysis writes per word, which BM25 needs to count a field's length in words.</summary>
    public static double TermsPerWord(string spec) => IsStock(spec) ? 1 : ArabicSearchAnalyzer.TermsPerWord;

    public static bool WantsLexicon(string spec) => Pairs(spec).Any(p => p is ("knowledge", "lexicon"));

    /// <summary>
    /// Overrides of <see cref="RankingOptions.Default"/>: <c>tb</c> title boost, <c>eb</c> exact-form boost,
    /// <c>pb</c> proximity boost (body), <c>wt</c> whole-title boost, <c>slop</c>, <c>k1</c>, <c>b</c> (body), <c>tb_b</c> (title), <c>tie</c> (disjunction-max tie breaker; 1 sums the fields);
    /// or <c>peer</c>: title and body alike, nothing else, Lucene's BM25 defaults (the Java peer's query).
    /// </summary>
    public static RankingOptions Ranking(string spec)
    {
        var options = RankingOptions.Default;
        foreach (var (key, value) in Pairs(spec))
        {
            if (key == "peer")
            {
                options = options with { TitleBoost = 1, ExactBoost = 0, ProximityBoost = 0, WholeTitleBoost = 0, FieldTieBreaker = 1, K1 = 1.2f, BodyB = 0.75f, TitleB = 0.75f };
                continue;
            }
            var number = float.Parse(value, CultureInfo.InvariantCulture);
            options = key switch
            {
                "tb" => options with { TitleBoost = number },
                "eb" => options with { ExactBoost = number },
                "pb" => options with { ProximityBoost = number },
                "slop" => options with { ProximitySlop = (int)number },
                "wt" => options with { WholeTitleBoost = number },
                "k1" => options with { K1 = number },
                "b" => options with { BodyB = number },
                "tb_b" => options with { TitleB = number },
                "tie" => options with { FieldTieBreaker = number },
                _ => throw new ArgumentException($"unknown ranking key '{key}' (the variants measured and retired are in docs/relevance.md)"),
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

    private static T Bad<T>(string key, string value) => throw new ArgumentException($"'{value}' is not a value of {key}");

    /// <summary>No word known: every leading <c>و</c> is a conjunction, no lone <c>ب ل ك</c> is a preposition, no ending is protected.</summary>
    private sealed class NoKnowledge : IArabicWordKnowledge
    {
        public static readonly NoKnowledge Instance = new();
        public bool KeepsFirstLetter(ReadOnlySpan<char> word) => false;
        public bool IsWord(ReadOnlySpan<char> word) => false;
        public bool IsListed(ReadOnlySpan<char> word) => false;
    }
}
