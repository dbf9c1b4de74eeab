using System.Reflection;
using Lucene.Net.Index;

namespace Search.Core.Index;

/// <summary>
/// Lucene's concurrent merge scheduler, whose merges can be held while a rebuild replaces the index
/// (<see cref="Held"/>): every merge running or starting waits at its next check, and goes on when let go. The
/// idle merge that follows a bulk load (2.5 s of a core for the corpus posted through the API) was still running
/// when a rebuild started right after it, as <c>perf.py</c> starts one, and took a core from the rebuild for work
/// thrown away with the generation; discarding the generation aborts it (<see cref="IndexWriter.Rollback"/>), and
/// a rebuild that fails lets it go on.
/// </summary>
internal sealed class HoldableMergeScheduler : ConcurrentMergeScheduler
{
    /// <summary>
    /// Lucene's own way to pause a merge at its next check (<c>OneMerge.SetPause</c>, which this scheduler's base
    /// uses to keep to its thread count), internal in Lucene.NET 4.8: reached once by reflection, and null should
    /// another version not have it (merges then run as before). <see cref="CanPauseMerges"/> is tested.
    /// </summary>
    private static readonly Action<MergePolicy.OneMerge, bool>? SetPause =
        typeof(MergePolicy.OneMerge).GetMethod("SetPause", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(bool)])
            ?.CreateDelegate<Action<MergePolicy.OneMerge, bool>>();

    private volatile bool _held;

    public static bool CanPauseMerges => SetPause is not null;

    public bool Held
    {
        get => _held;
        set
        {
            _held = value;
            UpdateMergeThreads();
        }
    }

    /// <summary>
    /// The base pauses the merges beyond its thread count and lets the others go whenever merges start or end;
    /// while held, every merge stays paused instead. Under the scheduler's own lock, which the base takes too,
    /// as its list of merge threads changes under it.
    /// </summary>
    protected override void UpdateMergeThreads()
    {
        lock (this)
        {
            if (!_held)
            {
                base.UpdateMergeThreads();
                return;
            }
            foreach (var thread in m_mergeThreads)
                if (thread.CurrentMerge is { } merge)
                    SetPause?.Invoke(merge, true);
        }
    }

    /// <summary>
    /// The base stalls the thread that flushed a segment while as many merges as it allows are under way, until one
    /// ends: while held, none ends, and the indexing thread stalled there kept the live index's lock that the rebuild's
    /// switch waits for. So a held scheduler never stalls: the merges found meanwhile start paused, as few as the
    /// merge policy finds, and are let go with the others.
    /// </summary>
    protected override int MergeThreadCount => _held ? 0 : base.MergeThreadCount;

    /// <summary>A merge handed over while held is paused before its thread starts, so that it does no work at all.</summary>
    protected override MergeThread GetMergeThread(IndexWriter writer, MergePolicy.OneMerge merge)
    {
        if (_held)
            SetPause?.Invoke(merge, true);
        return base.GetMergeThread(writer, merge);
    }
}
