using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// One short text per document of a segment (an id), held as UTF-8 in a single array: a hundred hits are
/// named without a read through the directory each, and without an object per document; ids are compared
/// where they are held (<see cref="ColumnId"/>). Titles are held as UTF-16 (<see cref="TextColumn"/>).
/// </summary>
internal sealed class Utf8Column
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets;

    private Utf8Column(byte[] bytes, int[] offsets)
    {
        _bytes = bytes;
        _offsets = offsets;
    }

    public string this[int doc] => Encoding.UTF8.GetString(BytesOf(doc));

    public ReadOnlySpan<byte> BytesOf(int doc) => _bytes.AsSpan(_offsets[doc], _offsets[doc + 1] - _offsets[doc]);

    public static Utf8Column From(int count, Action<int, BytesRef> read)
    {
        var offsets = new int[count + 1];
        var value = new BytesRef();
        using var buffer = new MemoryStream();
        for (var doc = 0; doc < count; doc++)
        {
            read(doc, value);
            buffer.Write(value.Bytes, value.Offset, value.Length);
            offsets[doc + 1] = checked((int)buffer.Length);
        }
        return new Utf8Column(buffer.ToArray(), offsets);
    }

    public static Utf8Column? From(int count, SortedDocValues? values) =>
        values is null ? null : From(count, values.Get);
}
