using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Search.Api.Protection;
using Search.Core;

namespace Search.Api.Features.Backup;

public static partial class BackupEndpoints
{
    public const string ContentType = "application/vnd.sqlite3";

    /// <summary>What a copy is called while it is made; one left by a crash is removed by the next backup.</summary>
    private const string PartialPattern = "backup-*.db.partial";

    public static IServiceCollection AddBackups(this IServiceCollection services) => services.AddSingleton<BackupSlot>();

    public static RouteGroupBuilder MapBackup(this RouteGroupBuilder api)
    {
        api.MapPost("/admin/backup", Backup)
            .RequireAdminKey()
            .RequireWriteLimits()
            .WithName("BackupArchive")
            .WithSummary("A consistent copy of the SQLite archive (documents and saved searches), taken while the service runs, as one SQLite file.")
            .Produces(StatusCodes.Status200OK, contentType: ContentType);
        return api;
    }

    private static Results<FileStreamHttpResult, ProblemHttpResult> Backup(SearchEngine engine, BackupSlot slot, ILoggerFactory loggers)
    {
        using var held = slot.TryTake();
        if (held is null)
            return TypedResults.Problem("Another backup is being copied; ask again when it is done.",
                statusCode: StatusCodes.Status409Conflict, title: "A backup is running");
        var logger = loggers.CreateLogger(typeof(BackupEndpoints));
        // In the data folder: on the archive's disk, which has room for the archive, and not in a shared /tmp.
        // Only one copy is made at a time, so a partial file seen now is a crashed backup's.
        foreach (var leftover in Directory.EnumerateFiles(engine.DataPath, PartialPattern))
            File.Delete(leftover);
        var copy = Path.Combine(engine.DataPath, $"backup-{Guid.NewGuid():N}.db.partial");
        var started = TimeProvider.System.GetTimestamp();
        if (!engine.BackupArchive(copy))
            return TypedResults.Problem("The archive is in PostgreSQL: back it up with pg_dump (see docs/deploy.md); this endpoint copies a SQLite archive.",
                statusCode: StatusCodes.Status409Conflict, title: "The archive is not SQLite");
        var stream = new FileStream(copy, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81_920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        // Gone from the folder at once; the open stream still reads it, and its space is freed when the answer is sent
        // or abandoned, even if the process dies meanwhile.
        File.Delete(copy);
        LogCopied(logger, stream.Length, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        var name = $"archive-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.db";
        return TypedResults.File(stream, ContentType, name);
    }

    [LoggerMessage(LogLevel.Information, "Archive backup copied ({Bytes} bytes in {Milliseconds:F0} ms); sending it")]
    private static partial void LogCopied(ILogger logger, long bytes, double milliseconds);
}

/// <summary>One archive copy at a time: each reads the whole archive and writes as much to the disk.</summary>
public sealed class BackupSlot
{
    private readonly SemaphoreSlim _slot = new(1, 1);

    /// <summary>The slot, to dispose when the copy is made; null when another copy is being made.</summary>
    public IDisposable? TryTake() => _slot.Wait(0) ? new Release(_slot) : null;

    private sealed class Release(SemaphoreSlim slot) : IDisposable
    {
        public void Dispose() => slot.Release();
    }
}
