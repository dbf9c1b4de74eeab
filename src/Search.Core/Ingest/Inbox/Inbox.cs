using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Search.Core.Storage;
using Search.Core.Text;

namespace Search.Core.Ingest.Inbox;

/// <summary>
/// What is dropped into the inbox, in its folders too: JSON Lines files (plain or gzip) and pages
/// (<c>.txt</c>, <c>.html</c>, <c>.htm</c>), taken through the same <see cref="Intake"/> as requests.
/// A JSON Lines file is validated whole before anything of it is stored, and goes to <c>failed/</c>
/// with the reasons when a line is bad; a page is stored, or refused with its reason; an undated page is
/// stored and reported as undated. One file never stops the others. Only regular files are taken: a
/// FIFO, socket, device or link is skipped and named once in the log. A file that cannot be moved out
/// once taken is held (<see cref="HeldFiles"/>): logged, left where it is, never taken again while it
/// is unchanged, and moved as soon as that works. Names from the inbox are logged escaped (<see cref="LogText"/>).
/// </summary>
internal sealed partial class Inbox(string dataPath, Intake intake, ILogger logger)
{
    private readonly InboxFolders _folders = new(dataPath);
    private readonly HeldFiles _held = new(dataPath);
    private readonly HashSet<string> _skippedLogged = new(StringComparer.Ordinal);
    private string? _unusable;
    private StorageProblem? _storage;

    public string Folder => _folders.Inbox;

    /// <summary>Takes every settled file waiting in the inbox, one after the other, until cancelled.</summary>
    public void ProcessWaiting(CancellationToken cancellationToken)
    {
        InboxListing waiting;
        try
        {
            _folders.Create();
            _folders.SetAsideUnnamable();
            waiting = _folders.Waiting();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The inbox cannot be looked at this time (a folder going away, done/ not writable): try
            // again next time, saying so once rather than at every look.
            if (_unusable != e.Message)
                LogInboxUnusable(LogText.Escape(e.Message));
            _unusable = e.Message;
            return;
        }
        _unusable = null;
        LogSkipped(waiting.Skipped);
        _held.KeepOnly(waiting.Files.Select(_folders.NameOf));
        foreach (var file in waiting.Files)
        {
            if (cancellationToken.IsCancellationRequested || !Take(file, cancellationToken))
                return;
        }
    }

    /// <summary>Takes one file; false when the archive cannot store anything now (a full disk): the rest waits too.</summary>
    private bool Take(string path, CancellationToken cancellationToken)
    {
        var name = _folders.NameOf(path);
        long length;
        DateTime modified;
        try
        {
            var file = new FileInfo(path);
            (length, modified) = (file.Length, file.LastWriteTimeUtc);
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        if (_held.Find(name, length, modified) is { } held)
        {
            MoveHeld(path, held);
            return true;
        }
        InboxOutcome outcome;
        try
        {
            outcome = InboxFolders.IsJsonLines(path) ? TakeJsonLines(path, name, cancellationToken) : TakePage(path, name, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the file stays in the inbox and is taken again at the next start (its documents replace themselves).
            return true;
        }
        catch (Exception e) when (StorageFailures.Classify(e) is { } problem)
        {
            // The file is fine, the archive has no room: it stays and is taken again (its documents
            // replacing what of them was stored) once it has; said once, not at every look.
            if (_storage != problem)
                LogStorageRefused(LogText.Escape(name), StorageException.Describe(problem));
            _storage = problem;
            return false;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException or UnauthorizedAccessException)
        {
            outcome = Refused(name, $"{name}: the file could not be read: {e.Message}");
        }
        catch (Exception e)
        {
            // One file must never stop the inbox: it goes aside and the next one is taken.
            LogUnexpected(e, LogText.Escape(name));
            outcome = Refused(name, $"{name}: the file could not be ingested ({e.GetType().Name}); see the service log.");
        }
        _storage = null;
        Finish(path, new HeldFile(name, length, modified, outcome));
        return true;
    }

    private InboxOutcome TakeJsonLines(string path, string name, CancellationToken cancellationToken)
    {
        var report = intake.JsonLinesFile(path, cancellationToken);
        if (report.Problem is { } problem)
            return Refused(name, $"{name}: refused, nothing from it was stored: {problem}");
        if (report.Errors.Count > 0)
        {
            LogRefused(LogText.Escape(name), report.Errors.Count);
            return InboxOutcome.Refused(Refusal(name, report.Errors));
        }
        LogIngested(LogText.Escape(name), report.Accepted, report.Read, report.Replaced, report.Undated);
        return InboxOutcome.Ingested(report);
    }

    private InboxOutcome TakePage(string path, string name, CancellationToken cancellationToken)
    {
        var report = intake.PageInFile(path, name, cancellationToken);
        var page = report.Items[0];
        if (page.Status == IngestStatus.Refused)
        {
            LogPageRefused(LogText.Escape(name), LogText.Escape(page.Reason));
            return InboxOutcome.Refused($"{name}: refused, nothing from it was stored: {page.Reason}");
        }
        if (page.Undated)
            LogPageUndated(LogText.Escape(name), LogText.Escape(page.Id), LogText.Escape(page.Title));
        else
            LogPageIngested(LogText.Escape(name), LogText.Escape(page.Id), page.Status == IngestStatus.Replaced ? "replaced" : "added",
                page.Date!.Value.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture));
        return InboxOutcome.Ingested(report);
    }

    private InboxOutcome Refused(string name, string reason)
    {
        LogFailed(LogText.Escape(name), LogText.Escape(reason));
        return InboxOutcome.Refused(reason);
    }

    private static string Refusal(string name, IReadOnlyList<DocumentError> errors) =>
        $"{name}: refused, nothing from it was stored. Fix these lines and drop the file again:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => e.ToString()))
        + (errors.Count >= Intake.MaxReportedErrors ? $"{Environment.NewLine}(only the first {Intake.MaxReportedErrors} problems are listed)" : "");

    /// <summary>Moves a file that was taken to done/ or failed/; one that cannot be moved is held, so that it is never taken again.</summary>
    private void Finish(string path, HeldFile taken)
    {
        try
        {
            if (!_folders.Move(path, taken.Outcome))
                LogNoNote(LogText.Escape(taken.Name), taken.Outcome.Folder, taken.Outcome.NoteSuffix);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!File.Exists(path))
            {
                LogVanished(LogText.Escape(taken.Name));
                return;
            }
            var durable = _held.Hold(taken);
            LogCannotMove(LogText.Escape(taken.Name), taken.Outcome.Folder, LogText.Escape(e.Message),
                durable ? "" : " (and inbox-held.json could not be written: it would be taken again after a restart)");
        }
    }

    /// <summary>Tries again, quietly, to move a held file; it is released once moved.</summary>
    private void MoveHeld(string path, HeldFile held)
    {
        try
        {
            _folders.Move(path, held.Outcome);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        _held.Release(held.Name);
        LogMovedAtLast(LogText.Escape(held.Name), held.Outcome.Folder);
    }

    /// <summary>Names each skipped entry once, for as long as it stays there.</summary>
    private void LogSkipped(IReadOnlyList<(string Path, FileKind Kind)> skipped)
    {
        var names = skipped.Select(s => _folders.NameOf(s.Path)).ToList();
        for (var i = 0; i < skipped.Count; i++)
            if (_skippedLogged.Add(names[i]))
                LogNotRegular(LogText.Escape(names[i]), skipped[i].Kind switch
                {
                    FileKind.Link => "a symbolic link (links are not followed)",
                    FileKind.Fifo => "a FIFO",
                    FileKind.Socket => "a socket",
                    _ => "a device",
                });
        _skippedLogged.IntersectWith(names);
    }

    [LoggerMessage(LogLevel.Information, "Inbox: {File} ingested, {Stored} documents from {Lines} lines ({Replaced} replaced, {Undated} undated)")]
    private partial void LogIngested(string file, int stored, int lines, int replaced, int undated);

    [LoggerMessage(LogLevel.Information, "Inbox: page {File} {Status} as {Id}, dated {Date}")]
    private partial void LogPageIngested(string file, string id, string status, string date);

    [LoggerMessage(LogLevel.Warning, "Inbox: page {File} stored as {Id} but undated: no date could be read from it (title: {Title})")]
    private partial void LogPageUndated(string file, string id, string title);

    [LoggerMessage(LogLevel.Warning, "Inbox: page {File} refused: {Reason}")]
    private partial void LogPageRefused(string file, string reason);

    [LoggerMessage(LogLevel.Warning, "Inbox: {File} refused for {Count} invalid lines")]
    private partial void LogRefused(string file, int count);

    [LoggerMessage(LogLevel.Warning, "Inbox: {File} refused: {Reason}")]
    private partial void LogFailed(string file, string reason);

    [LoggerMessage(LogLevel.Error, "Inbox: {File} failed unexpectedly")]
    private partial void LogUnexpected(Exception error, string file);

    [LoggerMessage(LogLevel.Error, "Inbox: {File} could not be moved to {Folder}/ ({Reason}); it is left in the inbox and not taken again while it is unchanged{Durability}")]
    private partial void LogCannotMove(string file, string folder, string reason, string durability);

    [LoggerMessage(LogLevel.Information, "Inbox: {File}, held in the inbox since it could not be moved, is now in {Folder}/")]
    private partial void LogMovedAtLast(string file, string folder);

    [LoggerMessage(LogLevel.Warning, "Inbox: {File} is in {Folder}/ but its {Suffix} could not be written beside it")]
    private partial void LogNoNote(string file, string folder, string suffix);

    [LoggerMessage(LogLevel.Warning, "Inbox: {File} went away while it was being taken")]
    private partial void LogVanished(string file);

    [LoggerMessage(LogLevel.Warning, "Inbox: {File} is skipped: it is {Kind}, not a regular file")]
    private partial void LogNotRegular(string file, string kind);

    [LoggerMessage(LogLevel.Error, "Inbox: {File} could not be stored ({Problem}); it and the files after it stay in the inbox and are taken once the archive can store them")]
    private partial void LogStorageRefused(string file, string problem);

    [LoggerMessage(LogLevel.Error, "Inbox: the inbox cannot be looked at ({Reason}); trying again at every look")]
    private partial void LogInboxUnusable(string reason);
}
