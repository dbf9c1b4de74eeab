namespace Search.Core.Index;

/// <summary>
/// An index generation while it answers searches. Reference-counted: the live index holds one
/// reference while the generation is current and each search holds one while it runs, so a
/// generation retired by a rebuild is closed, and its folder deleted, only once the last search
/// that started on it is done.
/// </summary>
internal sealed class ServingIndex(long generation, SearchIndex index, IndexGenerations generations)
{
    private int _references = 1;
    private volatile bool _retired;

    public long Generation { get; } = generation;

    public SearchIndex Index { get; } = index;

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
            generations.Delete(Generation);
    }

    /// <summary>Called when another generation has become current: drops the live index's reference.</summary>
    public void Retire()
    {
        _retired = true;
        Release();
    }
}
