using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Index;
using Search.Core.Quotes;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// The speakers of every document of one segment, as ordinals into the segment's distinct names
/// (<see cref="QuoteFields.SpeakerName"/>) with each name's key, built once per segment like
/// <see cref="SegmentValues"/>: counting the speakers facet over every match is then a few array
/// increments a match, as counting sources is.
/// </summary>
internal sealed class SpeakerValues
{
    private static readonly BuiltOnce<object, SpeakerValues> Built = new();

    private readonly int[] _starts;
    private readonly int[] _ordinals;

    private SpeakerValues(int[] starts, int[] ordinals, string[] names, string[] keys)
    {
        _starts = starts;
        _ordinals = ordinals;
        Names = names;
        Keys = keys;
        DocumentsPerName = new int[names.Length];
        foreach (var ordinal in ordinals)
            DocumentsPerName[ordinal]++;
    }

    /// <summary>The distinct speaker names of the segment, as the documents write them.</summary>
    public string[] Names { get; }

    /// <summary>Per name, its speaker key (<see cref="SpeakerKeys"/>): names written alike share one.</summary>
    public string[] Keys { get; }

    /// <summary>Where each document's speakers start in <see cref="Map"/>'s array, and, last, where they end.</summary>
    public int[] Starts => _starts;

    /// <summary>Every document's speakers, in the order of <see cref="Starts"/>, each as <paramref name="ofOrdinal"/> gives its name ordinal.</summary>
    public int[] Map(int[] ofOrdinal) => Array.ConvertAll(_ordinals, ordinal => ofOrdinal[ordinal]);

    /// <summary>
    /// Per name ordinal, how many documents of the segment quote it (deleted ones too): counted once with the
    /// segment's values, since every reader built over the segment (one a refresh) orders its speakers by them.
    /// </summary>
    public int[] DocumentsPerName { get; }

    public static SpeakerValues For(AtomicReader reader) => Built.For(reader.CoreCacheKey, reader, Build);

    private static SpeakerValues Build(AtomicReader reader)
    {
        var set = reader.GetSortedSetDocValues(QuoteFields.SpeakerName);
        var names = new string[set?.ValueCount ?? 0];
        var bytes = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            set!.LookupOrd(ord, bytes);
            names[ord] = bytes.Utf8ToString();
        }
        var keys = names.Select(name => SpeakerKeys.Of(name)).ToArray();
        var starts = new int[reader.MaxDoc + 1];
        var ordinals = new List<int>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            if (set is null)
                continue;
            set.SetDocument(doc);
            for (var ord = set.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = set.NextOrd())
                ordinals.Add((int)ord);
        }
        starts[reader.MaxDoc] = ordinals.Count;
        return new SpeakerValues(starts, [.. ordinals], names, keys);
    }
}
