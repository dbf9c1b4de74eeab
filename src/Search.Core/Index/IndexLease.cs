namespace Search.Core.Index;

/// <summary>The live generation, held for the length of one search; disposing lets it go.</summary>
internal readonly struct IndexLease : IDisposable
{
    private readonly ServingIndex _serving;

    internal IndexLease(ServingIndex serving) => _serving = serving;

    public long Generation => _serving.Generation;

    public SearchIndex Index => _serving.Index;

    public void Dispose() => _serving.Release();
}
