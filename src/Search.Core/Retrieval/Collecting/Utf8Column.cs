using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// One short text per document of a segment (an id), held as UTF-8 in a single array: a hundred hits are
/// named without a read through the directory each, and without an object per document; ids are compared
/// where they are held (<see cref="ColumnId"/>). Titles are held as UTF-16 (<see cref="Utf16Column"/>).
/// </summary>
internal sealed class Utf8Column(byte[] bytes, int[] offsets)
{
    public string this[int doc] => Encoding.UTF8.GetString(BytesOf(doc));

    public ReadOnlySpan<byte> BytesOf(int doc) => bytes.AsSpan(offsets[doc], offsets[doc + 1] - offsets[doc]);

    /// <summary>
    /// The values are read in order through the dictionary's enumerator, each once, then laid out by document in an
    /// array of the exact size. Looked up document by document, each value was decoded from the start of its block of
    /// prefix-shared values, and the array grown by doubling: 43-60 ms for the corpus's ids at every start, before the
    /// service is ready (timed around the reader's opening).
    /// </summary>
    public static Utf8Column? From(int count, SortedDocValues? values)
    {
        if (values is null)
            return null;
        var ordOffsets = new int[values.ValueCount + 1];
        var terms = values.GetTermsEnum();
        for (var ord = 0; terms.MoveNext(); ord++)
            ordOffsets[ord + 1] = ordOffsets[ord] + terms.Term.Length;
        var byOrd = new byte[ordOffsets[^1]];
        terms = values.GetTermsEnum();
        for (var ord = 0; terms.MoveNext(); ord++)
            terms.Term.Bytes.AsSpan(terms.Term.Offset, terms.Term.Length).CopyTo(byOrd.AsSpan(ordOffsets[ord]));

        var ords = new int[count];
        var offsets = new int[count + 1];
        for (var doc = 0; doc < count; doc++)
        {
            var ord = ords[doc] = values.GetOrd(doc);
            offsets[doc + 1] = offsets[doc] + (ord < 0 ? 0 : ordOffsets[ord + 1] - ordOffsets[ord]);
        }
        var bytes = new byte[offsets[count]];
        for (var doc = 0; doc < count; doc++)
            if (ords[doc] is var ord and >= 0)
                byOrd.AsSpan(ordOffsets[ord], ordOffsets[ord + 1] - ordOffsets[ord]).CopyTo(bytes.AsSpan(offsets[doc]));
        return new Utf8Column(bytes, offsets);
    }
}
