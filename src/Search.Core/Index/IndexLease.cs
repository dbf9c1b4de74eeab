namespace Search.Core.Index;

/// <summary>The current index generation, held for the length of one search; disposing lets it go.</summary>
public readonly struct IndexLease : IDisposable
{
    internal IndexLease(ServingIndex serving) => Serving = serving;

    public ServingIndex Serving { get; }

    public void Dispose() => Serving.Release();
}
