namespace Search.Core.Storage;

/// <summary>A write refused by the data folder's storage; nothing of it was stored. The message says so in words for people.</summary>
public sealed class StorageException(StorageProblem problem, Exception inner) : IOException(Describe(problem), inner)
{
    public StorageProblem Problem { get; } = problem;

    /// <summary>
    /// <paramref name="error"/> as the storage failure it is (a full disk, a read-only folder, an archive
    /// database out of reach), wherever in the engine it was thrown; null when it is none of those.
    /// </summary>
    public static StorageException? From(Exception error) =>
        error as StorageException ?? (StorageFailures.Classify(error) is { } problem ? new StorageException(problem, error) : null);

    public static string Describe(StorageProblem problem) => problem switch
    {
        StorageProblem.Full => "The disk holding the data folder is full",
        StorageProblem.Unreachable => "The archive's database cannot be reached",
        _ => "The data folder cannot be written (its file system is read-only)",
    };
}
