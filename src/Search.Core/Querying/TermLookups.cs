using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Querying;

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
                _contexts[term] = context = TermContext.Build(_top, term);
            return context;
        }
    }
}
