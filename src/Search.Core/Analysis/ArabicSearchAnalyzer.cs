using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Util;

namespace Search.Core.Analysis;

/// <summary>
/// The analysis every indexed text and every query goes through. It is versioned: an index built
/// with another <see cref="Version"/> must be rebuilt before its terms can be trusted.
/// </summary>
public static class ArabicSearchAnalyzer
{
    /// <summary>Stored in every index commit; change it whenever the produced terms change.</summary>
    public const string Version = "lucene-arabic-1";

    public const LuceneVersion Lucene = LuceneVersion.LUCENE_48;

    public static Analyzer Create() => new ArabicAnalyzer(Lucene);
}
