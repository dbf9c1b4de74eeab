using Lucene.Net.Index;

namespace Search.Core.Index;

/// <summary>
/// Lucene's tiered merging, suspended while an index is filled for the first time
/// (<see cref="SearchIndex.BeginFirstFilling"/>): it is merged into one segment once it is served, so
/// merging its flushed segments on the way there is the same work done twice (a sixth of a rebuild's
/// processor time on the corpus). Forced merges are never suspended.
/// </summary>
internal sealed class SuspendableMergePolicy : TieredMergePolicy
{
    private volatile bool _suspended;

    public bool Suspended
    {
        get => _suspended;
        set => _suspended = value;
    }

    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos infos) =>
        _suspended ? null : base.FindMerges(mergeTrigger, infos);
}
