using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// One keyword per document of a segment (its source, its language), as an ordinal into the segment's
/// distinct values: counting a facet over tens of thousands of matches is then an array increment a match.
/// </summary>
internal sealed class KeywordColumn
{
    /// <summary>No value for the document.</summary>
    public const int None = -1;

    private KeywordColumn(int[] ordinals, string[] values)
    {
        Ordinals = ordinals;
        Values = values;
        Uniform = ordinals.Length > 0 && ordinals.AsSpan().IndexOfAnyExcept(ordinals[0]) < 0 ? ordinals[0] : null;
    }

    /// <summary>Per document, the index of its value in <see cref="Values"/>, or <see cref="None"/>.</summary>
    public int[] Ordinals { get; }

    /// <summary>
    /// The ordinal every document of the segment has, if they all have the same (or all none): an archive in one
    /// language, a segment of one source. A facet then counts its matches in one addition.
    /// </summary>
    public int? Uniform { get; }

    /// <summary>The distinct values of the segment.</summary>
    public string[] Values { get; }

    /// <summary>The document's value, or null.</summary>
    public string? this[int doc] => Ordinals[doc] is var ordinal and not None ? Values[ordinal] : null;

    public static KeywordColumn From(int count, SortedDocValues? sorted)
    {
        var values = new string[sorted?.ValueCount ?? 0];
        var name = new BytesRef();
        for (var ord = 0; ord < values.Length; ord++)
        {
            sorted!.LookupOrd(ord, name);
            values[ord] = name.Utf8ToString();
        }
        var ordinals = new int[count];
        for (var doc = 0; doc < count; doc++)
            ordinals[doc] = sorted?.GetOrd(doc) ?? None;
        return new KeywordColumn(ordinals, values);
    }
}
