using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Search.Core.Ingest.Pages;

namespace Search.Core.Ingest.Inbox;

/// <summary>
/// What is dropped into the inbox, in its folders too: JSON Lines files (plain or gzip) and pages
/// (<c>.txt</c>, <c>.html</c>, <c>.htm</c>), taken through the same <see cref="Intake"/> as requests.
/// A JSON Lines file is validated whole before anything of it is stored, and goes to <c>failed/</c>
/// with the reasons when a line is bad; a page is stored, or refused with its reason; an undated page is
/// stored and reported as undated. One file never stops the others.
/// </summary>
internal sealed partial class Inbox(string dataPath, Intake intake, ILogger logger)
{
    private readonly InboxFolders _folders = new(dataPath);

    public string Folder => _folders.Inbox;

    /// <summary>Takes every settled file waiting in the inbox, one after the other, until cancelled.</summary>
    public void ProcessWaiting(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> waiting;
        try
        {
            _folders.Create();
            _folders.SetAsideUnnamable();
            waiting = _folders.WaitingFiles();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The inbox could not be looked at this time (a folder going away, a bad link): try again next time.
            LogCannotMove("(the inbox)", e.Message);
            return;
        }
        foreach (var file in waiting)
        {
            if (cancellationToken.IsCancellationRequested)
                return;
            Take(file, cancellationToken);
        }
    }

    private void Take(string path, CancellationToken cancellationToken)
    {
        var name = _folders.NameOf(path);
        try
        {
            if (InboxFolders.IsJsonLines(path))
                TakeJsonLines(path, name, cancellationToken);
            else
                TakePage(path, name, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the file stays in the inbox and is taken again at the next start (its documents replace themselves).
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException or UnauthorizedAccessException)
        {
            TryMoveToFailed(path, $"{name}: the file could not be read: {e.Message}");
        }
        catch (Exception e)
        {
            // One file must never stop the inbox: it goes aside and the next one is taken.
            LogUnexpected(e, name);
            TryMoveToFailed(path, $"{name}: the file could not be ingested ({e.GetType().Name}); see the service log.");
        }
    }

    private void TakeJsonLines(string path, string name, CancellationToken cancellationToken)
    {
        var report = intake.JsonLinesFile(path, cancellationToken);
        if (report.Problem is { } problem)
        {
            _folders.MoveToFailed(path, $"{name}: refused, nothing from it was stored: {problem}");
            LogFailed(name, problem);
            return;
        }
        if (report.Errors.Count > 0)
        {
            _folders.MoveToFailed(path, Refusal(name, report.Errors));
            LogRefused(name, report.Errors.Count);
            return;
        }
        _folders.MoveToDone(path, report);
        LogIngested(name, report.Accepted, report.Read, report.Replaced, report.Undated);
    }

    private void TakePage(string path, string name, CancellationToken cancellationToken)
    {
        var report = intake.Pages([new PageFile(name, File.ReadAllBytes(path))], cancellationToken);
        var page = report.Items[0];
        if (page.Status == IngestStatus.Refused)
        {
            _folders.MoveToFailed(path, $"{name}: refused, nothing from it was stored: {page.Reason}");
            LogPageRefused(name, page.Reason ?? "");
            return;
        }
        _folders.MoveToDone(path, report);
        if (page.Undated)
            LogPageUndated(name, page.Id!, page.Title ?? "");
        else
            LogPageIngested(name, page.Id!, page.Status == IngestStatus.Replaced ? "replaced" : "added",
                page.Date!.Value.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture));
    }

    private static string Refusal(string name, IReadOnlyList<DocumentError> errors) =>
        $"{name}: refused, nothing from it was stored. Fix these lines and drop the file again:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => e.ToString()))
        + (errors.Count >= Intake.MaxReportedErrors ? $"{Environment.NewLine}(only the first {Intake.MaxReportedErrors} problems are listed)" : "");

    private void TryMoveToFailed(string path, string reason)
    {
        try
        {
            _folders.MoveToFailed(path, reason);
            LogFailed(_folders.NameOf(path), reason);
        }
        catch (IOException e)
        {
            LogCannotMove(_folders.NameOf(path), e.Message);
        }
    }

    [LoggerMessage(LogLevel.Information, "Inbox: {File} ingested, {Stored} documents from {Lines} lines ({Replaced} replaced, {Undated} undated)")]
    private partial void LogIngested(string file, int stored, int lines, int replaced, int undated);

    [LoggerMessage(LogLevel.Information, "Inbox: page {File} {Status} as {Id}, dated {Date}")]
    private partial void LogPageIngested(string file, string id, string status, string date);

    [LoggerMessage(LogLevel.Warning, "Inbox: page {File} stored as {Id} but undated: no date could be read from it (title: {Title})")]
    private partial void LogPageUndated(string file, string id, string title);

    [LoggerMessage(LogLevel.Warning, "Inbox: page {File} refused: {Reason}; moved to failed/")]
    private partial void LogPageRefused(string file, string reason);

    [LoggerMessage(LogLevel.Warning, "Inbox: {File} refused for {Count} invalid lines; moved to failed/")]
    private partial void LogRefused(string file, int count);

    [LoggerMessage(LogLevel.Warning, "Inbox: {File} moved to failed/: {Reason}")]
    private partial void LogFailed(string file, string reason);

    [LoggerMessage(LogLevel.Error, "Inbox: {File} failed unexpectedly")]
    private partial void LogUnexpected(Exception error, string file);

    [LoggerMessage(LogLevel.Error, "Inbox: {File} could not be moved out of the inbox: {Reason}")]
    private partial void LogCannotMove(string file, string reason);
}
