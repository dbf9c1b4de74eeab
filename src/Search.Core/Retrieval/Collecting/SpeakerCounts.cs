using Lucene.Net.Index;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// The speakers facet's counts, kept by <see cref="FacetCollector"/> in its pass over the matches,
/// straight into the reader's speakers (<see cref="ReaderSpeakers"/>: one index a speaker, whatever
/// names the documents write): each segment's name ordinals are mapped to them once. Counting by key
/// strings per segment, then grouping the keys into speakers per search, was most of a search's time
/// (p50 6.9 ms against 2.0 ms without the facet, Search.Bench queries on the corpus).
/// </summary>
internal sealed class SpeakerCounts
{
    /// <summary>Speakers a block: a block's bit says some of its speakers were counted, so only those blocks are read and cleared.</summary>
    private const int BlockShift = 6;

    /// <summary>One counting array a thread, kept between searches: a search counts on one thread, and
    /// <see cref="Top"/> sets back to zero exactly what it counted.</summary>
    [ThreadStatic]
    private static int[]? t_counts;

    /// <summary>The blocks of <see cref="t_counts"/> counted into, a bit each, kept and cleared with it.</summary>
    [ThreadStatic]
    private static ulong[]? t_blocks;

    /// <summary>Set from the first segment until <see cref="Top"/>: still set when a search starts, one stopped halfway left counts behind.</summary>
    [ThreadStatic]
    private static bool t_counting;

    private ReaderSpeakers? _speakers;
    private int[] _starts = [];
    private int[] _speakerAt = [];
    private int[] _counts = [];
    private ulong[] _blocks = [];

    public void Begin(AtomicReaderContext context)
    {
        if (_speakers is null)
        {
            _speakers = ReaderSpeakers.For(ReaderUtil.GetTopLevelContext(context).Reader);
            if (t_counts is null || t_counts.Length < _speakers.Count)
            {
                // Whole blocks, so a block is always cleared whole.
                var blocks = (Math.Max(_speakers.Count, 2 * (t_counts?.Length ?? 0)) >> BlockShift) + 1;
                t_counts = new int[blocks << BlockShift];
                t_blocks = new ulong[(blocks + 63) >> 6];
            }
            else if (t_counting)
            {
                Array.Clear(t_counts!);
                Array.Clear(t_blocks!);
            }
            t_counting = true;
            _counts = t_counts!;
            _blocks = t_blocks!;
        }
        var values = SpeakerValues.For(context.AtomicReader);
        _starts = values.Starts;
        _speakerAt = _speakers.SpeakersAt(values);
    }

    /// <summary>
    /// Counts the matches' speakers, with no branch on whether a speaker was counted before: a long question's
    /// matches touch a quarter of the corpus's 41,354 speakers (10,830 of them, from 11,079 matches a question
    /// over dev-eval, 71% of them quoting someone), and listing each speaker on its first count, then reading
    /// and clearing that list, was nearly half of the facet's time (docs/performance.md, tenth session).
    /// </summary>
    public void Count(ReadOnlySpan<int> docs)
    {
        var (starts, speakerAt, counts, blocks) = (_starts, _speakerAt, _counts, _blocks);
        foreach (var doc in docs)
            for (int at = starts[doc], end = starts[doc + 1]; at < end; at++)
            {
                var speaker = speakerAt[at];
                counts[speaker]++;
                blocks[speaker >> (BlockShift + 6)] |= 1UL << (speaker >> BlockShift);
            }
    }

    public void End() => (_starts, _speakerAt) = ([], []);

    /// <summary>
    /// The <paramref name="size"/> speakers with the most matching documents, then by name, best first; ends the
    /// counting. One pass over the blocks counted into ranks their speakers and clears their counts. The ranking is a
    /// heap of that size, since sorting every speaker a broad search touches (thousands, by count and name) was
    /// 6% of a search's time on the corpus (a perf profile of <c>Search.Bench queries</c>). A speaker is ranked
    /// by one number, its count above its place in the order of names (<see cref="ReaderSpeakers.NameRank"/>),
    /// so the heap compares two numbers: most speakers a broad search touches are quoted once, and each tie
    /// with the weakest kept went through a comparer delegate comparing counts, then names' ranks (2% of a long
    /// question's search).
    /// </summary>
    public IReadOnlyList<Bucket> Top(int size)
    {
        if (_speakers is null)
            return [];
        var kept = new Ranked[Math.Max(size, 0)];
        var count = 0;
        // Below this many documents a speaker is out: not counted, or fewer than the weakest kept (its name's rank
        // not even read). The speakers past the last one in the last block are never counted.
        var least = kept.Length > 0 ? 1 : int.MaxValue;
        for (var word = 0; word < _blocks.Length; word++)
        {
            for (var bits = _blocks[word]; bits != 0; bits &= bits - 1)
            {
                var first = (word << 6 | System.Numerics.BitOperations.TrailingZeroCount(bits)) << BlockShift;
                var block = _counts.AsSpan(first, 1 << BlockShift);
                for (var i = 0; i < block.Length; i++)
                    if (block[i] >= least)
                        Keep(Ranked.Of(block[i], _speakers.NameRank(first + i), first + i));
                block.Clear();
            }
            _blocks[word] = 0;
        }
        t_counting = false;
        return [.. WeakestFirstHeap.BestFirst(kept, count, default(ByRank)).Select(r => new Bucket(_speakers.NameAt(r.Speaker), r.Count))];

        void Keep(Ranked ranked)
        {
            if (count < kept.Length)
            {
                kept[count] = ranked;
                WeakestFirstHeap.SiftUp(kept, count++, default(ByRank));
            }
            else if (ranked.Key > kept[0].Key)
            {
                kept[0] = ranked;
                WeakestFirstHeap.SiftDown(kept, count, 0, default(ByRank));
            }
            if (count == kept.Length)
                least = kept[0].Count;
        }
    }

    /// <summary>A speaker as the facet ranks it: larger <see cref="Key"/> is better (more documents, then an earlier name).</summary>
    private readonly record struct Ranked(long Key, int Speaker)
    {
        public int Count => (int)(Key >> 32);

        public static Ranked Of(int count, int nameRank, int speaker) => new(((long)count << 32) | (uint)(int.MaxValue - nameRank), speaker);
    }

    private readonly struct ByRank : IHeapOrder<Ranked>
    {
        public bool Weaker(in Ranked a, in Ranked b) => a.Key < b.Key;

        public void Moved(in Ranked entry, int place)
        {
        }
    }
}
