using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Search.Core.Storage;

/// <summary>
/// Tells storage failures from others, wherever they come from: .NET reports a Unix error as an
/// <see cref="IOException"/> whose HResult is the error number (ENOSPC 28, EDQUOT 122, EROFS 30),
/// SQLite by its result code (SQLITE_FULL 13, SQLITE_READONLY 8), and Lucene and the parallel indexing
/// wrap them in exceptions of their own, so the whole chain is looked at. PostgreSQL out of reach (refused,
/// reset, timed out, shutting down or starting up) is a storage failure too: the write is the client's to retry.
/// </summary>
internal static class StorageFailures
{
    private const int NoSpace = 28, QuotaExceeded = 122, ReadOnlyFileSystem = 30;
    private const int SqliteFull = 13, SqliteReadOnly = 8;

    public static StorageProblem? Classify(Exception error)
    {
        foreach (var e in Chain(error))
        {
            switch (e)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) == SqliteFull:
                case PostgresException { SqlState: "53100" }: // disk_full
                case IOException io when !OperatingSystem.IsWindows() && io.HResult is NoSpace or QuotaExceeded:
                    return StorageProblem.Full;
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) == SqliteReadOnly:
                case IOException io when !OperatingSystem.IsWindows() && io.HResult == ReadOnlyFileSystem:
                    return StorageProblem.ReadOnly;
                case PostgresException postgres when IsUnavailable(postgres.SqlState):
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case NpgsqlException npgsql when npgsql is not PostgresException && npgsql.IsTransient:
                    return StorageProblem.Unreachable;
            }
        }
        return null;
    }

    /// <summary>
    /// Connection exceptions (08…), a server shutting down or not yet accepting connections (57P01-57P03),
    /// too many connections (53300): what passes by itself.
    /// </summary>
    private static bool IsUnavailable(string state) => state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300";

    /// <summary>
    /// The failure in words for a health report, which anyone may read: what kind of failure, never
    /// its message (which names paths of this machine); the log has the details.
    /// </summary>
    public static string Describe(Exception error)
    {
        if (Classify(error) is { } problem)
            return StorageException.Describe(problem);
        var chain = Chain(error).ToList();
        if (chain.Any(e => e is FileNotFoundException or DirectoryNotFoundException))
            return "Files of the index are missing (a generation folder removed while in use?)";
        if (chain.Any(e => e is UnauthorizedAccessException))
            return "The data folder cannot be written (permission denied)";
        return "Indexing failed; the service log has the details";
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        var pending = new Stack<Exception>([error]);
        while (pending.TryPop(out var e))
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    pending.Push(inner);
            else if (e.InnerException is { } inner)
                pending.Push(inner);
        }
    }
}
