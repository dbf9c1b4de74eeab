using Microsoft.Data.Sqlite;
using Search.Core.Storage;

namespace Search.Core.Tests.Storage;

/// <summary>Storage failures are told from others by what the system and SQLite report, however they are wrapped.</summary>
public class StorageFailuresTests
{
    public static TheoryData<string, Exception, StorageProblem?> Failures => new()
    {
        { "ENOSPC from a file write", new IOException("No space left on device : '/data/generations/1/_0.fdt'", 28), StorageProblem.Full },
        { "EDQUOT", new IOException("Disk quota exceeded", 122), StorageProblem.Full },
        { "SQLITE_FULL", new SqliteException("SQLite Error 13: 'database or disk is full'.", 13), StorageProblem.Full },
        { "SQLITE_FULL as an extended code", new SqliteException("SQLite Error 13", 13 | (1 << 8)), StorageProblem.Full },
        { "ENOSPC inside the parallel indexing's AggregateException", new AggregateException(new IOException("No space left on device", 28)), StorageProblem.Full },
        { "ENOSPC as the cause of another exception", new InvalidOperationException("flush failed", new IOException("No space left on device", 28)), StorageProblem.Full },
        { "EROFS", new IOException("Read-only file system", 30), StorageProblem.ReadOnly },
        { "SQLITE_READONLY", new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8), StorageProblem.ReadOnly },
        { "a missing file", new FileNotFoundException("Could not find file"), null },
        { "another IOException", new IOException("Broken pipe", 32), null },
        { "another SQLite error", new SqliteException("SQLite Error 19: 'constraint failed'.", 19), null },
        { "no IOException at all", new InvalidOperationException("bug"), null },
    };

    [SkippableTheory]
    [MemberData(nameof(Failures))]
    public void Tells_a_full_or_read_only_store_from_other_failures(string what, Exception error, StorageProblem? problem)
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix error numbers");

        Assert.True(StorageFailures.Classify(error) == problem, what);
    }

    [Fact]
    public void Describes_a_failure_in_words_that_name_no_path()
    {
        Assert.Equal("The disk holding the data folder is full", StorageFailures.Describe(new IOException("No space left on device : '/srv/data/x'", 28)));
        Assert.Equal("Files of the index are missing (a generation folder removed while in use?)",
            StorageFailures.Describe(new AggregateException(new DirectoryNotFoundException("Could not find a part of the path '/srv/data/generations/1'."))));
        Assert.Equal("The data folder cannot be written (permission denied)", StorageFailures.Describe(new UnauthorizedAccessException("Access to the path '/srv/data' is denied.")));
        Assert.Equal("Indexing failed; the service log has the details", StorageFailures.Describe(new InvalidOperationException("at /srv/data")));
    }
}
