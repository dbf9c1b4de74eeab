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
    /// <summary>One counting array a thread, kept between searches: a search counts on one thread, and
    /// <see cref="Top"/> sets back to zero exactly what it counted.</summary>
    [ThreadStatic]
    private static int[]? t_counts;

    /// <summary>Set from the first segment until <see cref="Top"/>: still set when a search starts, one stopped halfway left counts behind.</summary>
    [ThreadStatic]
    private static bool t_counting;

    /// <summary>The speakers counted, one list a thread kept between searches like the counts (a broad search touches thousands: growing a new list each time was 6% of what a search allocated).</summary>
    [ThreadStatic]
    private static List<int>? t_touched;

    private List<int> _touched = [];
    private ReaderSpeakers? _speakers;
    private int[] _starts = [];
    private int[] _speakerAt = [];
    private int[] _counts = [];

    public void Begin(AtomicReaderContext context)
    {
        if (_speakers is null)
        {
            _speakers = ReaderSpeakers.For(ReaderUtil.GetTopLevelContext(context).Reader);
            if ((t_counts?.Length ?? 0) < _speakers.Count)
                t_counts = new int[Math.Max(_speakers.Count, 2 * (t_counts?.Length ?? 0))];
            else if (t_counting)
                Array.Clear(t_counts!);
            t_counting = true;
            _counts = t_counts!;
            _touched = t_touched ??= [];
            _touched.Clear();
        }
        var values = SpeakerValues.For(context.AtomicReader);
        _starts = values.Starts;
        _speakerAt = _speakers.SpeakersAt(values);
    }

    public void Count(int doc)
    {
        for (int at = _starts[doc], end = _starts[doc + 1]; at < end; at++)
        {
            var speaker = _speakerAt[at];
            if (_counts[speaker]++ == 0)
                _touched.Add(speaker);
        }
    }

    public void End() => (_starts, _speakerAt) = ([], []);

    /// <summary>The speakers with the most matching documents, then by name; ends the counting.</summary>
    public IReadOnlyList<Bucket> Top(int size)
    {
        if (_speakers is null)
            return [];
        var counts = _counts;
        var top = Best(counts, size).Select(s => new Bucket(_speakers.NameAt(s), counts[s])).ToList();
        foreach (var speaker in _touched)
            counts[speaker] = 0;
        _touched.Clear();
        t_counting = false;
        return top;
    }

    /// <summary>
    /// The <paramref name="size"/> speakers touched with the most documents, then by name, best first: a heap
    /// of that size, since sorting every speaker a broad search touches (thousands, by count and name) was
    /// 6% of a search's time on the corpus (a perf profile of <c>Search.Bench queries</c>). Names are compared
    /// by their rank (<see cref="ReaderSpeakers.NameRank"/>): most speakers a search touches are quoted once,
    /// so nearly every comparison was a tie broken by comparing two names.
    /// </summary>
    private IEnumerable<int> Best(int[] counts, int size)
    {
        // The heap's first is the weakest kept: fewer documents, or as many and a later name.
        var weakestFirst = Comparer<int>.Create((a, b) => counts[a] != counts[b]
            ? counts[a].CompareTo(counts[b])
            : _speakers!.NameRank(b).CompareTo(_speakers.NameRank(a)));
        var kept = new PriorityQueue<int, int>(size + 1, weakestFirst);
        foreach (var speaker in _touched)
        {
            if (kept.Count < size)
                kept.Enqueue(speaker, speaker);
            // Fewer documents than the weakest kept: out, without the comparer (most speakers a broad search
            // touches are quoted once, and calling the comparer for each was half of picking the best).
            else if (size > 0 && kept.Peek() is var weakest && counts[speaker] >= counts[weakest] && weakestFirst.Compare(speaker, weakest) > 0)
                kept.EnqueueDequeue(speaker, speaker);
        }
        var best = new int[kept.Count];
        for (var i = best.Length - 1; i >= 0; i--)
            best[i] = kept.Dequeue();
        return best;
    }
}
