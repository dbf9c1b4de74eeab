namespace Search.Core.Index;

/// <summary>How the indexing loop is doing: healthy, or failing since when and why (in words anyone may read).</summary>
/// <param name="Problem">Null while indexing works.</param>
/// <param name="FailingSince">When the current run of failures began.</param>
/// <param name="Failures">Attempts failed in a row.</param>
/// <param name="ArchiveOutOfReach">
/// Only the archive's shared database is out of reach: the index is whole and serves, new writes are refused
/// until the database answers again.
/// </param>
public sealed record IndexingHealth(string? Problem, DateTimeOffset? FailingSince, int Failures, bool ArchiveOutOfReach = false)
{
    public static IndexingHealth Healthy { get; } = new(null, null, 0);

    public bool IsHealthy => Problem is null;
}
