using Lucene.Net.Search;

namespace Search.Core.Index;

/// <summary>A searcher acquired from a <see cref="SearcherManager"/>; disposing releases it.</summary>
internal readonly struct SearcherLease : IDisposable
{
    private readonly SearcherManager _manager;

    internal SearcherLease(SearcherManager manager)
    {
        _manager = manager;
        Searcher = manager.Acquire();
    }

    public IndexSearcher Searcher { get; }

    public void Dispose() => _manager.Release(Searcher);
}
