namespace Search.Core.Indexing;

/// <param name="BatchSize">Archive changes read and applied at a time.</param>
/// <param name="CommitWhenIdleFor">Commit once no new change has arrived for this long.</param>
/// <param name="MaxCommitInterval">Commit at least this often while changes keep arriving.</param>
public sealed record IndexFeederOptions(int BatchSize, TimeSpan CommitWhenIdleFor, TimeSpan MaxCommitInterval)
{
    public static IndexFeederOptions Default { get; } = new(2_000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
}
