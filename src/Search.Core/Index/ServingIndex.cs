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
    private volatile bool _keepFolder;

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

    /// <summary>
    /// Drops a reference; the last one closes the index: committing it when the engine closes, and
    /// discarding it when it was retired (deleting its folder unless the generation lives on).
    /// </summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) != 0)
            return;
        if (!_retired)
        {
            Index.Dispose();
            return;
        }
        Index.Discard();
        if (!_keepFolder)
            generations.Delete(Generation);
    }

    /// <summary>Called when another generation has become current: drops the live index's reference.</summary>
    public void Retire() => Retire(keepFolder: false);

    /// <summary>
    /// Called when the same generation was reopened from its folder (after a failure): drops the live
    /// index's reference, and leaves the folder to the reopened index.
    /// </summary>
    public void RetireReopened() => Retire(keepFolder: true);

    private void Retire(bool keepFolder)
    {
        _keepFolder = keepFolder;
        _retired = true;
        Release();
    }
}
