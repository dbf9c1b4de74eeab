using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Search.Api.Configuration;
using Search.Api.Features.Pages;
using Search.Client.Contracts;
using Search.Core;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;
using Search.Core.Ingest.Pages;

namespace Search.Api.Workers;

/// <summary>
/// Ingests what is dropped into the inbox, in its folders too: JSON Lines files (plain or gzip)
/// and pages (<c>.txt</c>, <c>.html</c>, <c>.htm</c>). A JSON Lines file is read twice: first to
/// validate every line, then to store it in batches, so a file with a bad line (or a corrupt or
/// truncated gzip) stores nothing and goes to <c>failed/</c> with the reasons, whatever its size.
/// A page is stored, or refused with its reason; an undated page is stored and reported as undated.
/// </summary>
public sealed partial class InboxWorker(
    SearchEngine engine,
    JsonDocumentsReader reader,
    PageIngester pages,
    IOptions<SearchOptions> options,
    ILogger<InboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 1_000;
    private const int MaxReportedErrors = 100;

    private readonly InboxFolders _folders = new(options.Value.FullDataPath);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _folders.Create();
        using var timer = new PeriodicTimer(options.Value.InboxPollInterval);
        do
        {
            IReadOnlyList<string> waiting;
            try
            {
                _folders.SetAsideUnnamable();
                waiting = _folders.WaitingFiles();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The inbox could not be looked at this time (a folder going away, a bad link): try again next time.
                LogCannotMove("(the inbox)", e.Message);
                waiting = [];
            }
            foreach (var file in waiting)
            {
                if (stoppingToken.IsCancellationRequested)
                    return;
                if (InboxFolders.IsJsonLines(file))
                    IngestJsonLines(file, stoppingToken);
                else
                    IngestPage(file);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private void IngestPage(string path)
    {
        var name = _folders.NameOf(path);
        try
        {
            var report = pages.Ingest([new PageFile(name, File.ReadAllBytes(path))]);
            var page = report.Items[0];
            if (page.Status == PageIngestStatus.Refused)
            {
                _folders.MoveToFailed(path, $"{name}: refused, nothing from it was stored: {page.Reason}");
                LogPageRefused(name, page.Reason ?? "");
                return;
            }
            _folders.MoveToDone(path, IngestReports.ToContract(report));
            if (page.Undated)
                LogPageUndated(name, page.Id!, page.Title ?? "");
            else
                LogPageIngested(name, page.Id!, page.Status == PageIngestStatus.Replaced ? "replaced" : "added",
                    page.Date!.Value.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryMoveToFailed(path, $"{name}: the file could not be read: {e.Message}");
        }
    }

    private void IngestJsonLines(string path, CancellationToken cancellationToken)
    {
        var name = _folders.NameOf(path);
        try
        {
            var errors = Validate(path, cancellationToken, out var lines);
            if (cancellationToken.IsCancellationRequested)
                return;
            if (errors.Count > 0)
            {
                _folders.MoveToFailed(path, Report(name, errors));
                LogRefused(name, errors.Count);
                return;
            }
            var report = Store(path, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
                return;
            _folders.MoveToDone(path, report);
            LogIngested(name, report.Accepted, lines, report.Replaced, report.Undated);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException or UnauthorizedAccessException)
        {
            TryMoveToFailed(path, $"{name}: the file could not be read: {e.Message}");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // One file must never stop the worker: it goes aside and the next one is taken.
            LogUnexpected(e, name);
            TryMoveToFailed(path, $"{name}: the file could not be ingested ({e.GetType().Name}); see the service log.");
        }
    }

    private List<DocumentError> Validate(string path, CancellationToken cancellationToken, out int lines)
    {
        var errors = new List<DocumentError>();
        lines = 0;
        using var text = JsonDocumentsReader.OpenFile(path, options.Value.MaxInboxFileBytes);
        foreach (var (_, error) in reader.EnumerateJsonLines(text))
        {
            if (cancellationToken.IsCancellationRequested)
                break;
            lines++;
            if (error is not null && errors.Count < MaxReportedErrors)
                errors.Add(error);
        }
        if (lines == 0 && errors.Count == 0)
            errors.Add(new DocumentError(0, null, null, "the file holds no documents"));
        return errors;
    }

    private IngestReport Store(string path, CancellationToken cancellationToken)
    {
        int stored = 0, replaced = 0, undated = 0;
        var sequence = engine.Archive.LastSequence;
        var batch = new List<DocumentRecord>(BatchSize);
        using var text = JsonDocumentsReader.OpenFile(path, options.Value.MaxInboxFileBytes);
        foreach (var (document, _) in reader.EnumerateJsonLines(text))
        {
            if (cancellationToken.IsCancellationRequested)
                break;
            batch.Add(document!);
            if (batch.Count == BatchSize)
                Write();
        }
        if (!cancellationToken.IsCancellationRequested)
            Write();
        return new IngestReport(stored, replaced, undated, 0, sequence, []);

        void Write()
        {
            var write = engine.Write(batch);
            stored += batch.Count;
            replaced += write.Replaced.Count;
            undated += batch.Count(d => d.Date is null);
            sequence = write.LastSequence;
            batch.Clear();
        }
    }

    private static string Report(string name, List<DocumentError> errors) =>
        $"{name}: refused, nothing from it was stored. Fix these lines and drop the file again:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => e.ToString()))
        + (errors.Count >= MaxReportedErrors ? $"{Environment.NewLine}(only the first {MaxReportedErrors} problems are listed)" : "");

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

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
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
