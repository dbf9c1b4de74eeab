using Search.Core.Retrieval;
using Search.Core.Retrieval.Collecting;
using Search.Core.Retrieval.Scoring;

namespace Search.Core.Index;

/// <summary>
/// An index generation while it answers searches. Reference-counted: the engine holds one
/// reference while the generation is current and each search holds one while it runs, so a
/// generation retired by a reindex is closed, and its folder deleted, only once the last search
/// that started on it is done.
/// </summary>
public sealed class ServingIndex
{
    private readonly IndexGenerations _generations;
    private int _references = 1;
    private volatile bool _retired;

    public ServingIndex(long generation, SearchIndex index, IndexGenerations generations)
    {
        Generation = generation;
        Index = index;
        Searcher = new SearchService(index);
        _generations = generations;
    }

    public long Generation { get; }

    public SearchIndex Index { get; }

    public SearchService Searcher { get; }

    /// <summary>Takes a reference unless the generation is already closed.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0)
                return false;
            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
                return true;
        }
    }

    /// <summary>Drops a reference; the last one closes the index, and deletes it if it was retired.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) != 0)
            return;
        Index.Dispose();
        if (_retired)
            _generations.Delete(Generation);
    }

    /// <summary>Called by the engine when another generation has become current: drops its reference.</summary>
    internal void Retire()
    {
        _retired = true;
        Release();
    }
}
