using Lucene.Net.Index;
using Search.Core.Index;
using Search.Core.Stories;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// The story of every document of one segment as a small ordinal into the segment's distinct story keys,
/// and each story's documents, built once per segment reader: collapsing reads an ordinal a match, and a
/// hit's story (how many copies, which sources, first date) reads its few documents. Kept per reader, not
/// per segment core like <see cref="SegmentValues"/>: a story key changes in place
/// (<c>IndexWriter.UpdateNumericDocValue</c>), and the reader reopened after that is a new instance.
/// </summary>
internal sealed class StoryValues
{
    /// <summary>No story: a document of a segment written before stories were indexed, or deleted.</summary>
    public const int None = -1;

    private static readonly BuiltOnce<AtomicReader, StoryValues> Built = new();

    private readonly int[] _starts;
    private readonly int[] _members;
    private readonly Dictionary<long, int> _ordinalOfKey;

    private StoryValues(int[] ordinals, long[] keys, int[] starts, int[] members)
    {
        Ordinals = ordinals;
        Keys = keys;
        _starts = starts;
        _members = members;
        _ordinalOfKey = new Dictionary<long, int>(keys.Length);
        for (var ordinal = 0; ordinal < keys.Length; ordinal++)
            _ordinalOfKey[keys[ordinal]] = ordinal;
    }

    /// <summary>Per document, the index of its story in <see cref="Keys"/>, or <see cref="None"/>.</summary>
    public int[] Ordinals { get; }

    /// <summary>The distinct story keys of the segment.</summary>
    public long[] Keys { get; }

    /// <summary>
    /// The story a document belongs to, or, for a document without one, a key of its own (negative: a story
    /// key is never 0 and a document stands alone) so that it is counted and collapsed as a story of one.
    /// </summary>
    public long StoryOf(int doc, int docBase) => Ordinals[doc] is var ordinal and not None ? Keys[ordinal] : -(long)(docBase + doc) - 1;

    /// <summary>The segment's documents (live or not) of the story of ordinal <paramref name="ordinal"/>.</summary>
    public ReadOnlySpan<int> Members(int ordinal) => _members.AsSpan(_starts[ordinal], _starts[ordinal + 1] - _starts[ordinal]);

    /// <summary>The segment's documents of the story <paramref name="key"/>; empty when it has none here.</summary>
    public ReadOnlySpan<int> MembersOf(long key) => OrdinalOf(key) is var ordinal and not None ? Members(ordinal) : [];

    /// <summary>The ordinal of the story <paramref name="key"/> in this segment, or <see cref="None"/> when none of its documents is in it.</summary>
    public int OrdinalOf(long key) => _ordinalOfKey.TryGetValue(key, out var ordinal) ? ordinal : None;

    public static StoryValues For(AtomicReader reader) => Built.For(reader, reader, Build);

    private static StoryValues Build(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        var ordinals = new int[count];
        var values = reader.GetNumericDocValues(StoryFields.Key);
        var ordinalOfKey = new Dictionary<long, int>();
        var keys = new List<long>();
        for (var doc = 0; doc < count; doc++)
        {
            var key = values?.Get(doc) ?? 0;
            if (key == 0)
            {
                ordinals[doc] = None;
                continue;
            }
            if (!ordinalOfKey.TryGetValue(key, out var ordinal))
            {
                ordinalOfKey[key] = ordinal = keys.Count;
                keys.Add(key);
            }
            ordinals[doc] = ordinal;
        }
        // Members as one array, grouped by ordinal (a counting sort), with where each story starts.
        var starts = new int[keys.Count + 1];
        foreach (var ordinal in ordinals)
            if (ordinal != None)
                starts[ordinal + 1]++;
        for (var i = 0; i < keys.Count; i++)
            starts[i + 1] += starts[i];
        var members = new int[starts[keys.Count]];
        var next = starts[..keys.Count];
        for (var doc = 0; doc < count; doc++)
            if (ordinals[doc] is var ordinal and not None)
                members[next[ordinal]++] = doc;
        return new StoryValues(ordinals, keys.ToArray(), starts, members);
    }

    /// <summary>Builds the story values of every segment of a reader ahead of its first search.</summary>
    public static void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
            For(leaf.AtomicReader);
    }
}
