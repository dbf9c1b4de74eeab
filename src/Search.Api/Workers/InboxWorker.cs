using System.Text;
using Microsoft.Extensions.Options;
using Search.Api.Configuration;
using Search.Core;
using Search.Core.Documents;

namespace Search.Api.Workers;

/// <summary>
/// Ingests JSON Lines files (plain or gzip) dropped into the inbox. A file is read twice: first
/// to validate every line, then to store it in batches, so a file with a bad line (or a corrupt
/// or truncated gzip) stores nothing and goes to <c>failed/</c> with the reasons, whatever its size.
/// </summary>
public sealed partial class InboxWorker(
    SearchEngine engine,
    JsonDocumentsReader reader,
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
            foreach (var file in _folders.WaitingFiles())
            {
                if (stoppingToken.IsCancellationRequested)
                    return;
                Ingest(file, stoppingToken);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private void Ingest(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
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
            var stored = Store(path, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
                return;
            _folders.MoveToDone(path);
            LogIngested(name, stored, lines);
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

    private int Store(string path, CancellationToken cancellationToken)
    {
        var stored = 0;
        var batch = new List<DocumentRecord>(BatchSize);
        using var text = JsonDocumentsReader.OpenFile(path, options.Value.MaxInboxFileBytes);
        foreach (var (document, _) in reader.EnumerateJsonLines(text))
        {
            if (cancellationToken.IsCancellationRequested)
                return stored;
            batch.Add(document!);
            if (batch.Count == BatchSize)
            {
                engine.Accept(batch);
                stored += batch.Count;
                batch.Clear();
            }
        }
        engine.Accept(batch);
        return stored + batch.Count;
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
            LogFailed(Path.GetFileName(path), reason);
        }
        catch (IOException e)
        {
            LogCannotMove(Path.GetFileName(path), e.Message);
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

    [LoggerMessage(LogLevel.Information, "Inbox: {File} ingested, {Stored} documents from {Lines} lines")]
    private partial void LogIngested(string file, int stored, int lines);

    [LoggerMessage(LogLevel.Warning, "Inbox: {File} refused for {Count} invalid lines; moved to failed/")]
    private partial void LogRefused(string file, int count);

    [LoggerMessage(LogLevel.Warning, "Inbox: {File} moved to failed/: {Reason}")]
    private partial void LogFailed(string file, string reason);

    [LoggerMessage(LogLevel.Error, "Inbox: {File} failed unexpectedly")]
    private partial void LogUnexpected(Exception error, string file);

    [LoggerMessage(LogLevel.Error, "Inbox: {File} could not be moved out of the inbox: {Reason}")]
    private partial void LogCannotMove(string file, string reason);
}
