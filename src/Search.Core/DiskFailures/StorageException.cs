namespace Search.Core.DiskFailures;

/// <summary>A write refused by the data folder's storage; nothing of it was stored. The message says so in words for people.</summary>
public sealed class StorageException(StorageProblem problem, Exception inner) : IOException(Describe(problem), inner)
{
    public StorageProblem Problem { get; } = problem;

    public static string Describe(StorageProblem problem) => problem switch
    {
        StorageProblem.Full => "The disk holding the data folder is full",
        _ => "The data folder cannot be written (its file system is read-only)",
    };
}
