using System.Buffers.Binary;
using Lucene.Net.Util;

namespace Search.Core.Quotes;

/// <summary>
/// Where a document's quotations lie in its body, as the binary doc value <see cref="QuoteFields.Spans"/>:
/// start and end offsets, four bytes each, little-endian, sorted by start with overlapping spans joined,
/// so that whether a word lies inside a quotation is a walk forward along them. <c>in=quotes</c> searches
/// the body's own postings through these spans (<c>Retrieval/InQuotes</c>) instead of analysing and
/// indexing the quoted text a second time, which cost a rebuild a third of its time (docs/performance.md).
/// </summary>
internal static class QuoteSpans
{
    /// <summary>The spans of <paramref name="quotes"/> as stored: sorted, overlaps joined.</summary>
    public static byte[] ToBytes(IReadOnlyList<Quote> quotes)
    {
        var spans = quotes.Select(q => (q.Start, q.End)).Where(s => s.End > s.Start).OrderBy(s => s.Start).ToList();
        var joined = new List<(int Start, int End)>(spans.Count);
        foreach (var span in spans)
        {
            if (joined.Count > 0 && span.Start <= joined[^1].End)
                joined[^1] = (joined[^1].Start, Math.Max(joined[^1].End, span.End));
            else
                joined.Add(span);
        }
        var bytes = new byte[joined.Count * 8];
        for (var i = 0; i < joined.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 8), joined[i].Start);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 8 + 4), joined[i].End);
        }
        return bytes;
    }

    /// <summary>Reads <see cref="ToBytes"/> into <paramref name="starts"/> and <paramref name="ends"/> (grown as needed); the count of spans.</summary>
    public static int Read(BytesRef value, ref int[] starts, ref int[] ends)
    {
        var count = value.Length / 8;
        if (starts.Length < count)
        {
            starts = new int[count];
            ends = new int[count];
        }
        var bytes = value.Bytes.AsSpan(value.Offset, count * 8);
        for (var i = 0; i < count; i++)
        {
            starts[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 8)..]);
            ends[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 8 + 4)..]);
        }
        return count;
    }
}
