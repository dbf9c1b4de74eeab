using System.Runtime.CompilerServices;

namespace Search.Core.Index;

/// <summary>
/// A value worked out from a reader (or a segment's core) once, kept as long as the key is, and built by one
/// thread while the others that ask for it meanwhile wait for it. A <see cref="ConditionalWeakTable{TKey, TValue}"/>
/// alone runs its factory in every thread that misses at the same time and keeps one result: the first searches
/// after a refresh all built the new reader's speakers (110–210 ms each on the corpus), eight of them under eight
/// clients, and searching while a document came in every second fell from 809 to 108 searches/s, p99 from 30 ms to
/// 1.2 s (<c>Search.Bench load --ingest-every 1</c>, docs/performance.md).
/// </summary>
internal sealed class BuiltOnce<TKey, TValue> where TKey : class
{
    private readonly ConditionalWeakTable<TKey, Lazy<TValue>> _built = new();

    /// <summary>
    /// The value kept for <paramref name="key"/>, made from <paramref name="source"/> by <paramref name="build"/> if there
    /// is none yet. Found without allocating: a search asks for its hits' segment values a hundred times.
    /// </summary>
    public TValue For<TSource>(TKey key, TSource source, Func<TSource, TValue> build)
    {
        if (!_built.TryGetValue(key, out var once))
            once = _built.GetValue(key, _ => new Lazy<TValue>(() => build(source), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return once.Value;
        }
        catch
        {
            // A failed build is not kept: the next search tries again rather than failing for as long as the reader lives.
            _built.Remove(key);
            throw;
        }
    }

    /// <summary>Whether the value was built (or is being built) for <paramref name="key"/>.</summary>
    public bool Holds(TKey key) => _built.TryGetValue(key, out _);
}
