using System.Buffers;
using System.Runtime.InteropServices;
using Lucene.Net.Index;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// The speakers facet's counts, kept by <see cref="FacetCollector"/> in its pass over the matches: per
/// name ordinal within a segment (<see cref="SpeakerValues"/>), per speaker key once a segment is done.
/// </summary>
internal sealed class SpeakerCounts
{
    private SpeakerValues? _values;
    private int[] _counts = [];

    /// <summary>Matching documents per speaker key.</summary>
    public Dictionary<string, long> ByKey { get; } = new(StringComparer.Ordinal);

    public void Begin(AtomicReader reader)
    {
        _values = SpeakerValues.For(reader);
        _counts = _values.Names.Length == 0 ? [] : ArrayPool<int>.Shared.Rent(_values.Names.Length);
        Array.Clear(_counts);
    }

    public void Count(int doc)
    {
        foreach (var ordinal in _values!.Of(doc))
            _counts[ordinal]++;
    }

    public void End()
    {
        if (_values is null)
            return;
        for (var i = 0; i < _values.Names.Length; i++)
            if (_counts[i] != 0)
                CollectionsMarshal.GetValueRefOrAddDefault(ByKey, _values.Keys[i], out _) += _counts[i];
        if (_counts.Length > 0)
            ArrayPool<int>.Shared.Return(_counts);
        _counts = [];
        _values = null;
    }
}
