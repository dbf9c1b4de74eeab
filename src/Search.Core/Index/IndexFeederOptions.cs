namespace Search.Core.Index;

/// <param name="BatchSize">Archive changes read and applied at a time.</param>
/// <param name="CommitWhenIdleFor">Commit once no new change has arrived for this long.</param>
/// <param name="MaxCommitInterval">Commit at least this often while changes keep arriving.</param>
/// <param name="IdleSegments">At a pause in the stream, an index of more segments than this is merged down to this many.</param>
public sealed record IndexFeederOptions(int BatchSize, TimeSpan CommitWhenIdleFor, TimeSpan MaxCommitInterval, int IdleSegments = 3)
{
    public static IndexFeederOptions Default { get; } = new(2_000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
}
