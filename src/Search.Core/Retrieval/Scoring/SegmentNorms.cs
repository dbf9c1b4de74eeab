using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// A segment's norms of one field as one byte a document, read once a segment (a byte a document: 72 KB for the
/// corpus's body), for <see cref="Bm25Table"/>.
/// </summary>
internal static class SegmentNorms
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, byte[]?>> Cache = new();

    /// <summary>The field's norms, or null where the field has none in the segment.</summary>
    public static byte[]? For(AtomicReader reader, string field) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new(StringComparer.Ordinal)).GetOrAdd(field, static (field, reader) => Read(reader, field), reader);

    private static byte[]? Read(AtomicReader reader, string field)
    {
        if (reader.GetNormValues(field) is not { } values)
            return null;
        var norms = new byte[reader.MaxDoc];
        for (var doc = 0; doc < norms.Length; doc++)
            norms[doc] = (byte)values.Get(doc);
        return norms;
    }
}
