namespace Search.Core.Tests.TestSupport;

/// <summary>
/// Tests of the readers a thread keeps for its next searches. Any clone of a file read from disk while its copy loads,
/// made anywhere in the process (another test opening an index), has those readers dropped; so these tests run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KeptReaders
{
    public const string Name = "Kept readers";
}
