using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// A query word that, if no document holds its stem (a typo such as <c>تورة</c> for <c>ثورة</c>, or
/// <c>ليبا</c> for <c>ليبيا</c>), is looked for as the indexed stems one edit away instead, at a lower
/// weight; a word the index knows stays exactly what it was. Decided at rewrite time against the
/// searched index, so a word is never fuzzed where it exists.
/// </summary>
internal sealed class UnknownWordQuery(Query known, string[] stemSpellings, IReadOnlyList<(string Field, float Boost)> fields, float fuzzyBoost, int maxExpansions, int maxDocFreq) : Query
{
    private Query Known => known;

    private string Stem => stemSpellings[0];

    /// <summary>Shorter stems have too many neighbours one edit away to guess from.</summary>
    public const int MinLength = 4;

    public override Query Rewrite(IndexReader reader)
    {
        var docFreq = 0;
        foreach (var (field, _) in fields)
            foreach (var spelling in stemSpellings)
                docFreq = Math.Max(docFreq, reader.DocFreq(new Term(field, spelling)));
        if (docFreq > maxDocFreq)
            return known;
        var fuzzy = new BooleanQuery(disableCoord: true);
        if (docFreq > 0)
            fuzzy.Add(known, Occur.SHOULD);
        // A spelling with the exact-form mark keeps it: the edit is in the word, not the mark.
        foreach (var (field, boost) in fields)
            foreach (var spelling in stemSpellings)
                fuzzy.Add(new FuzzyQuery(new Term(field, spelling), maxEdits: 1, prefixLength: spelling == Stem ? 0 : 1, maxExpansions, transpositions: true) { Boost = boost * fuzzyBoost }, Occur.SHOULD);
        fuzzy.Boost = Boost;
        return fuzzy;
    }

    public override string ToString(string field) => $"unknown({Stem} ?? {known.ToString(field)})";

    public override bool Equals(object? obj) =>
        obj is UnknownWordQuery other && other.Stem == Stem && other.Known.Equals(known) && other.Boost == Boost;

    public override int GetHashCode() => HashCode.Combine(Stem, known, Boost);
}
