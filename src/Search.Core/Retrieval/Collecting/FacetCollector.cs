using System.Buffers;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// Wraps the collector of the top hits and, in the same pass over the matches, counts every match per
/// date bucket of the interval (<see cref="DateBuckets"/>) and per keyword (source, language, speaker): by segment ordinal into pooled arrays
/// (<see cref="SegmentValues"/>), named once a segment is done; and, when asked, the distinct stories
/// among the matches (<see cref="StoryValues"/>): a bit a story ordinal a segment.
/// </summary>
/// <remarks>
/// The matches are counted <see cref="Batch"/> at a time, one facet after the other, rather than each facet as
/// each match comes: a loop over a batch keeps one facet's arrays at hand and lets the processor load the next
/// matches' values while it adds up the last, where the match-by-match count went through every facet's
/// arrays and branches between two matches.
/// </remarks>
internal sealed class FacetCollector(ICollector inner, DateInterval interval, bool countStories = false) : ICollector
{
    /// <summary>Matches held before they are counted: a few kilobytes, in the cache with the facets' counts.</summary>
    private const int Batch = 512;

    private readonly int[] _pending = new int[Batch];
    private int _pendingCount;
    private readonly List<(StoryValues Values, ulong[] Seen)> _storySegments = [];
    private readonly Dictionary<int, long> _dates = [];
    private readonly KeywordCounts _sources = new(values => values.Sources);
    private readonly KeywordCounts _languages = new(values => values.Languages);
    private readonly SpeakerCounts _speakers = new();
    private SegmentValues? _segment;
    private int[] _dayCounts = [];
    private long _total;
    private long _undated;
    private long _storyless;
    private StoryValues? _stories;
    private ulong[] _storiesSeen = [];
    private long? _storyCount;

    public long Total
    {
        get
        {
            FlushSegment();
            return _total;
        }
    }

    public long Undated
    {
        get
        {
            FlushSegment();
            return _undated;
        }
    }

    /// <summary>The matches in each date bucket, keyed by <see cref="DateBuckets.KeyOf"/>; the undated ones are <see cref="Undated"/>.</summary>
    public IReadOnlyDictionary<int, long> Dates
    {
        get
        {
            FlushSegment();
            return _dates;
        }
    }

    public IReadOnlyDictionary<string, long> Sources
    {
        get
        {
            FlushSegment();
            return _sources.Totals;
        }
    }

    public IReadOnlyDictionary<string, long> Languages
    {
        get
        {
            FlushSegment();
            return _languages.Totals;
        }
    }

    /// <summary>The speakers quoted in the most matching documents (<see cref="ReaderSpeakers"/>), largest first.</summary>
    public IReadOnlyList<Bucket> TopSpeakers(int size)
    {
        FlushSegment();
        return _speakers.Top(size);
    }

    /// <summary>Distinct stories among the matches (a document without a story counts as one); 0 unless asked for.</summary>
    /// <remarks>Counted once: the segments' tables go back to the pool then, so no match may be collected after.</remarks>
    public long Stories
    {
        get
        {
            if (_storyCount is { } counted)
                return counted;
            FlushSegment();
            var count = CountStories();
            foreach (var (_, seen) in _storySegments)
                ArrayPool<ulong>.Shared.Return(seen);
            _storySegments.Clear();
            _storiesSeen = [];
            _stories = null;
            _storyCount = count;
            return count;
        }
    }

    private long CountStories()
    {
        if (_storySegments.Count == 0)
            return _storyless;
        // The segment with the most stories is counted by its bits; another segment's story counts only if that
        // one did not hold it, checked by its key there. Every matched story of every segment went into one set
        // before: 15% of the service's processor time while a document came in every second, when new
        // documents sit in small segments beside the large one (a perf profile under Search.Bench load --ingest-every 1).
        var (largest, largestSeen) = _storySegments.MaxBy(segment => segment.Values.Keys.Length);
        var count = largestSeen.Sum(word => (long)System.Numerics.BitOperations.PopCount(word));
        HashSet<long>? elsewhere = null;
        foreach (var (values, seen) in _storySegments)
        {
            if (values == largest)
                continue;
            for (var word = 0; word < seen.Length; word++)
                for (var bits = seen[word]; bits != 0; bits &= bits - 1)
                {
                    var key = values.Keys[word << 6 | System.Numerics.BitOperations.TrailingZeroCount(bits)];
                    if (largest.OrdinalOf(key) is var there and not StoryValues.None && (largestSeen[there >> 6] & (1UL << there)) != 0)
                        continue;
                    if ((elsewhere ??= []).Add(key))
                        count++;
                }
        }
        return count + _storyless;
    }

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        inner.SetNextReader(context);
        _segment = SegmentValues.For(context.AtomicReader);
        // Counted at the day's ordinal + 1, so a match without a day (None, -1) counts at 0 with no branch.
        _dayCounts = Rent(_segment.Days.Length + 1);
        _sources.Begin(_segment);
        _languages.Begin(_segment);
        _speakers.Begin(context);
        if (countStories)
        {
            _stories = StoryValues.For(context.AtomicReader);
            // Pooled: a new table a segment a search was 3% of what a search over HTTP allocated.
            // Cleared whole, past the words its stories need too: the loops over the tables read every word.
            _storiesSeen = ArrayPool<ulong>.Shared.Rent((_stories.Keys.Length + 63) >> 6);
            Array.Clear(_storiesSeen);
            _storySegments.Add((_stories, _storiesSeen));
        }
    }

    public void Collect(int doc)
    {
        inner.Collect(doc);
        _pending[_pendingCount++] = doc;
        if (_pendingCount == Batch)
            CountPending();
    }

    /// <summary>Counts the matches held, each facet in a loop of its own.</summary>
    private void CountPending()
    {
        var docs = _pending.AsSpan(0, _pendingCount);
        _pendingCount = 0;
        _total += docs.Length;
        var dayOrdinals = _segment!.DayOrdinals;
        var dayCounts = _dayCounts;
        foreach (var doc in docs)
            dayCounts[dayOrdinals[doc] + 1]++;
        _sources.Count(docs);
        _languages.Count(docs);
        _speakers.Count(docs);
        if (_stories is { } stories)
        {
            var ordinals = stories.Ordinals;
            var seen = _storiesSeen;
            foreach (var doc in docs)
            {
                var ordinal = ordinals[doc];
                if (ordinal == StoryValues.None)
                    _storyless++;
                else
                    seen[ordinal >> 6] |= 1UL << ordinal;
            }
        }
    }

    private void FlushSegment()
    {
        if (_segment is null)
            return;
        CountPending();
        _undated += _dayCounts[0];
        // Summed into the interval's buckets as each segment ends: a broad question matches thousands of days but
        // a few hundred months, and a table of the days was 4% of what a search over HTTP allocated. A table of the
        // days is sized once: grown day by day, its copies were 3%.
        var counts = _dayCounts.AsSpan(1, _segment.Days.Length);
        if (interval == DateInterval.Day)
        {
            var days = 0;
            foreach (var count in counts)
                days += count != 0 ? 1 : 0;
            _dates.EnsureCapacity(_dates.Count + days);
        }
        for (var i = 0; i < counts.Length; i++)
            if (counts[i] != 0)
                CollectionsMarshal.GetValueRefOrAddDefault(_dates, DateBuckets.KeyOf(_segment.Days[i], interval), out _) += counts[i];
        Return(_dayCounts);
        _dayCounts = [];
        _sources.End();
        _languages.End();
        _speakers.End();
        _segment = null;
    }

    private static void Return(int[] counts)
    {
        if (counts.Length > 0)
            ArrayPool<int>.Shared.Return(counts);
    }

    private static int[] Rent(int length)
    {
        var counts = ArrayPool<int>.Shared.Rent(length);
        Array.Clear(counts, 0, length);
        return counts;
    }

    /// <summary>The counts of one keyword facet: per ordinal within a segment, per value across segments.</summary>
    private sealed class KeywordCounts(Func<SegmentValues, KeywordColumn> column)
    {
        private KeywordColumn? _column;
        private int[] _counts = [];

        public Dictionary<string, long> Totals { get; } = new(StringComparer.Ordinal);

        public void Begin(SegmentValues segment)
        {
            _column = column(segment);
            // At the value's ordinal + 1: a match without one (None, -1) counts at 0, which names nothing.
            _counts = Rent(_column.Values.Length + 1);
        }

        public void Count(ReadOnlySpan<int> docs)
        {
            // Every match of a segment in one language counted one by one was 2.7% of a dev-eval question's processor
            // time with the sources' count (a perf profile of Search.Bench queries).
            if (_column!.Uniform is { } only)
            {
                _counts[only + 1] += docs.Length;
                return;
            }
            var ordinals = _column.Ordinals;
            var counts = _counts;
            foreach (var doc in docs)
                counts[ordinals[doc] + 1]++;
        }

        public void End()
        {
            if (_column is null)
                return;
            for (var i = 0; i < _column.Values.Length; i++)
                if (_counts[i + 1] != 0)
                    CollectionsMarshal.GetValueRefOrAddDefault(Totals, _column.Values[i], out _) += _counts[i + 1];
            Return(_counts);
            _counts = [];
            _column = null;
        }
    }
}
