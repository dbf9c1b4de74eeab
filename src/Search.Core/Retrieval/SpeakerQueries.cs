using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Quotes;
using Search.Core.Retrieval.Collecting;

namespace Search.Core.Retrieval;

/// <summary>A speaker with how often the filtered documents quote them.</summary>
/// <param name="Name">The fullest name the archive writes for them; what <c>speaker=</c> takes back.</param>
/// <param name="Quotations">Quotations attributed to them in the filtered documents.</param>
/// <param name="Documents">Filtered documents quoting them.</param>
public sealed record SpeakerCount(string Name, long Quotations, long Documents);

/// <summary>The speakers of the filtered documents, the most quoted first.</summary>
/// <param name="Total">Distinct speakers quoted in them (the list may hold fewer).</param>
public sealed record SpeakerListing(long Total, IReadOnlyList<SpeakerCount> Speakers);

/// <summary>
/// The speaker side of a search (issue 21): the <c>speaker=</c> filter, the speakers facet's buckets,
/// and the listing of speakers over a filtered set. All go through the reader's
/// <see cref="ReaderSpeakers"/>, so a name the archive writes short and whole is one speaker in each.
/// </summary>
internal static class SpeakerQueries
{
    /// <summary>Keeps the documents quoting the speaker of <paramref name="speaker"/>, under any of their keys.</summary>
    public static Query Filter(IndexSearcher searcher, Query query, string speaker)
    {
        var key = SpeakerKeys.Of(speaker);
        var any = new BooleanQuery(disableCoord: true);
        foreach (var member in ReaderSpeakers.For(searcher.IndexReader).Members(key))
            any.Add(new TermQuery(new Term(QuoteFields.Speaker, member)), Occur.SHOULD);
        return new FilteredQuery(query, new QueryWrapperFilter(any));
    }

    /// <summary>
    /// Every speaker quoted in the documents <paramref name="query"/> matches, with their quotations and
    /// documents: one walk over the speaker terms' postings, each document's frequency being its count of
    /// quotations by that speaker (<see cref="QuoteFields.Speaker"/>).
    /// </summary>
    public static SpeakerListing List(IndexSearcher searcher, Query query, int size)
    {
        var reader = searcher.IndexReader;
        var matches = new FixedBitSet(Math.Max(1, reader.MaxDoc));
        searcher.Search(query, new MatchesCollector(matches));
        var speakers = ReaderSpeakers.For(reader);
        var counts = new Dictionary<string, (long Quotations, long Documents)>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(QuoteFields.Speaker) is not { } terms)
                continue;
            var termsEnum = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum.MoveNext())
            {
                docs = termsEnum.Docs(leaf.AtomicReader.LiveDocs, docs, DocsFlags.FREQS);
                long quotations = 0, documents = 0;
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    if (!matches.Get(leaf.DocBase + doc))
                        continue;
                    quotations += docs.Freq;
                    documents++;
                }
                if (documents == 0)
                    continue;
                var canonical = speakers.Canonical(termsEnum.Term.Utf8ToString());
                var (q, d) = counts.GetValueOrDefault(canonical);
                counts[canonical] = (q + quotations, d + documents);
            }
        }
        var top = counts
            .Select(pair => new SpeakerCount(speakers.NameOf(pair.Key), pair.Value.Quotations, pair.Value.Documents))
            .OrderByDescending(s => s.Quotations).ThenByDescending(s => s.Documents).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(size)
            .ToList();
        return new SpeakerListing(counts.Count, top);
    }

    /// <summary>Marks every match in a bit set of the reader's document numbers; scores are not needed.</summary>
    private sealed class MatchesCollector(FixedBitSet matches) : ICollector
    {
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) { }

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => matches.Set(_docBase + doc);
    }
}
