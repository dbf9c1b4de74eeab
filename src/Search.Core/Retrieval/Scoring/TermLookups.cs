using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// The term dictionary lookups of one compiled query, made once per term: a body word's spellings
/// are looked up for the word itself and again for each neighbour it is paired with
/// (<see cref="ProximityQuery"/>), and a lookup is a seek in every segment's term dictionary, a tenth of
/// a question's time. Kept for one searcher's view of the index at a time.
/// </summary>
internal sealed class TermLookups
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Term, TermContext> _contexts = [];

    private IndexReaderContext? _top;

    public TermContext Get(IndexSearcher searcher, Term term)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_top, searcher.TopReaderContext))
            {
                _contexts.Clear();
                _top = searcher.TopReaderContext;
            }
            if (!_contexts.TryGetValue(term, out var context))
                _contexts[term] = context = Build(_top, term);
            return context;
        }
    }

    /// <summary>What <see cref="TermContext.Build"/> finds: the term's state, documents and occurrences in each segment that holds it.</summary>
    private static TermContext Build(IndexReaderContext top, Term term)
    {
        var context = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            // The thread's reader of the field: Lucene's TermContext.Build makes one for every term in every segment,
            // its frames and arcs allocated and the dictionary's first blocks read again each time (ReusedTerms).
            if (ReusedTerms.Of(leaf.AtomicReader, term.Field) is { } terms && terms.SeekExact(term.Bytes))
                context.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
        }
        return context;
    }

    /// <summary>
    /// Terms of one word (its spellings) as one term: documents and occurrences summed, named by the
    /// first. The document count is an upper bound, as a document may hold both spellings; the larger
    /// of them instead lost 0.001 to 0.004 nDCG@10 on dev-eval.
    /// </summary>
    public static TermStatistics AsOneTerm(Term first, IEnumerable<TermContext> spellings)
    {
        long docFreq = 0, totalTermFreq = 0;
        foreach (var context in spellings)
        {
            docFreq += context.DocFreq;
            totalTermFreq = totalTermFreq < 0 || context.TotalTermFreq < 0 ? -1 : totalTermFreq + context.TotalTermFreq;
        }
        return new TermStatistics(first.Bytes, docFreq, totalTermFreq);
    }
}
