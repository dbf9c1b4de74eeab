using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// One short text per document of a segment (a title), held as UTF-16 in a single array: naming a hit copies its
/// characters into a string. Held as UTF-8 (<see cref="Utf8Column"/>), each of a hundred Arabic titles was checked and
/// decoded anew by every search (with the ids, 3.6% of a dev-eval question's time in a perf profile of <c>Search.Bench queries</c>);
/// Arabic letters take two bytes either way, so the column grows by its spaces and digits only.
/// </summary>
internal sealed class Utf16Column(char[] chars, int[] offsets)
{
    public string this[int doc] => new(chars, offsets[doc], offsets[doc + 1] - offsets[doc]);

    /// <summary>
    /// Read twice: once to count the characters, then into an array of that size. Grown by doubling as it was read,
    /// the copies and the fresh pages of each larger array took most of the 80-100 ms the corpus's titles took to
    /// read, at every start before the service is ready (a perf profile of the reader's opening).
    /// </summary>
    public static Utf16Column? From(int count, BinaryDocValues? values)
    {
        if (values is null)
            return null;
        var value = new BytesRef();
        var offsets = new int[count + 1];
        for (var doc = 0; doc < count; doc++)
        {
            values.Get(doc, value);
            offsets[doc + 1] = offsets[doc] + Encoding.UTF8.GetCharCount(value.Bytes, value.Offset, value.Length);
        }
        var chars = new char[offsets[count]];
        for (var doc = 0; doc < count; doc++)
        {
            values.Get(doc, value);
            Encoding.UTF8.GetChars(value.Bytes, value.Offset, value.Length, chars, offsets[doc]);
        }
        return new Utf16Column(chars, offsets);
    }
}
