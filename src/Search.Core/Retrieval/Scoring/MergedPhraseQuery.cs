using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// Words next to each other in order, each under any of its spellings (<see cref="WordTermsQuery"/>), scored like a phrase
/// of one term a word. Lucene's <see cref="MultiPhraseQuery"/> weighs a phrase by the rarity of every
/// spelling, and a spelling no document holds counts as the rarest of terms; this one drops the absent
/// spellings and weighs each word once, by its spellings' document frequencies summed, as a stem
/// lookup does.
/// </summary>
internal sealed class MergedPhraseQuery(string field, IReadOnlyList<(string[] Spellings, int Position)> words) : Query
{
    public override Query Rewrite(IndexReader reader)
    {
        var present = new List<(Term[] Terms, int Position)>(words.Count);
        double wanted = 0, multi = 0;
        var documents = reader.MaxDoc;
        foreach (var (spellings, position) in words)
        {
            var terms = spellings.Select(s => new Term(field, s)).Select(t => (Term: t, DocFreq: reader.DocFreq(t))).Where(t => t.DocFreq > 0).ToList();
            if (terms.Count == 0)
                return new BooleanQuery();
            present.Add(([.. terms.Select(t => t.Term)], position));
            wanted += Idf(Math.Min(documents, terms.Sum(t => (long)t.DocFreq)), documents);
            multi += terms.Sum(t => Idf(t.DocFreq, documents));
        }
        if (present.All(w => w.Terms.Length == 1))
        {
            var phrase = new PhraseQuery { Boost = Boost };
            foreach (var (terms, position) in present)
                phrase.Add(terms[0], position);
            return phrase;
        }
        var merged = new MultiPhraseQuery { Boost = (float)(Boost * wanted / multi) };
        foreach (var (terms, position) in present)
            merged.Add(terms, position);
        return merged;
    }

    /// <summary>BM25's rarity of a term, as Lucene's <c>BM25Similarity</c> computes it.</summary>
    private static double Idf(long docFreq, int documents) => Math.Log(1 + (documents - docFreq + 0.5) / (docFreq + 0.5));

    public override string ToString(string field) =>
        $"\"{string.Join(" ", words.Select(w => string.Join("|", w.Spellings)))}\"";

    public override bool Equals(object? obj) =>
        obj is MergedPhraseQuery other && other.Boost == Boost && field == other.Field
        && other.Words.Count == words.Count && other.Words.Zip(words).All(p => p.First.Position == p.Second.Position && p.First.Spellings.SequenceEqual(p.Second.Spellings));

    public override int GetHashCode() => HashCode.Combine(field, words.Count, Boost);

    private string Field => @field;

    private IReadOnlyList<(string[] Spellings, int Position)> Words => words;
}
