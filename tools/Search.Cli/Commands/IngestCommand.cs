using System.ComponentModel;
using System.Net;
using Refit;
using Search.Cli.Input;
using Search.Cli.Output;
using Search.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>
/// Streams JSON Lines archives to <c>POST /api/documents</c> in batches, and sends pages (text and
/// HTML) to <c>POST /api/pages</c> many to a request, as they are: the service validates and reads them.
/// </summary>
public sealed class IngestCommand : ServiceCommand<IngestCommand.Settings>
{
    /// <summary>Keeps a request well under the body size limits of the service and any proxy in front of it.</summary>
    private const int MaxBatchBytes = 8 * 1024 * 1024;

    private const int MaxPagesPerRequest = 100;

    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<PATHS>")]
        [Description(".jsonl, .jsonl.gz, .txt, .html or .htm files, or folders searched recursively for them")]
        public string[] Paths { get; set; } = [];

        [CommandOption("--batch <LINES>")]
        [Description("JSON Lines documents per request (a request is also cut at about 8 MB; pages go 100 to a request)")]
        [DefaultValue(1000)]
        public int BatchSize { get; set; } = 1000;

        [CommandOption("--wait")]
        [Description("Return only once everything sent is searchable (the service's pending count is back to 0)")]
        public bool Wait { get; set; }

        [CommandOption("--stop-on-error")]
        [Description("Stop at the first refused batch or page, or unreadable file, instead of going on with the next")]
        public bool StopOnError { get; set; }

        public override ValidationResult Validate()
        {
            if (BatchSize < 1)
                return ValidationResult.Error("--batch must be at least 1.");
            if (Paths.Length == 0)
                return ValidationResult.Error("Name at least one file or folder to ingest.");
            var problems = Paths.Select(IngestFiles.Problem).OfType<string>().ToList();
            return problems.Count > 0 ? ValidationResult.Error(string.Join(Environment.NewLine, problems)) : base.Validate();
        }
    }

    protected override async Task<int> RunAsync(ISearchApi api, Settings settings, CancellationToken cancellationToken)
    {
        var files = IngestFiles.Find(settings.Paths);
        if (files.Count == 0)
        {
            AnsiConsole.MarkupLine($"[red]No {IngestFiles.Kinds} files in {Markup.Escape(string.Join(", ", settings.Paths))}.[/]");
            return 1;
        }

        var tally = new IngestTally(files.Count);
        try
        {
            await NewProgress().StartAsync(progress => SendFilesAsync(api, settings, files, tally, progress, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            IngestSummaryView.Totals(tally, cancelled: true);
            return CancelledExitCode;
        }
        IngestSummaryView.Totals(tally, cancelled: false);
        if (settings.Wait && tally.LastSequence is not null)
            await Searchable.WaitAsync(api, cancellationToken);
        return tally.HasFailures ? 1 : 0;
    }

    private static Progress NewProgress() =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new RemainingTimeColumn());

    private static async Task SendFilesAsync(
        ISearchApi api, Settings settings, IReadOnlyList<IngestFile> files, IngestTally tally, ProgressContext progress, CancellationToken cancellationToken)
    {
        var totalBytes = files.Sum(file => new FileInfo(file.Path).Length);
        var task = progress.AddTask("Reading", maxValue: Math.Max(totalBytes, 1));
        var bytesOfEarlierFiles = 0L;
        foreach (var file in files.Where(f => IngestFiles.IsJsonLines(f.Path)).Select(f => f.Path))
        {
            var carryOn = await SendFileAsync(api, settings, file, tally, cancellationToken, position =>
            {
                task.Value = bytesOfEarlierFiles + position;
                task.Description = $"{Markup.Escape(Path.GetFileName(file))}  {tally.Sent:N0} docs sent  {tally.AcceptedPerSecond:N0} docs/s";
            });
            bytesOfEarlierFiles += new FileInfo(file).Length;
            task.Value = bytesOfEarlierFiles;
            if (!carryOn)
                return;
        }
        await SendPagesAsync(api, settings, files.Where(f => IngestFiles.IsPage(f.Path)), tally, cancellationToken, (name, bytes) =>
        {
            bytesOfEarlierFiles += bytes;
            task.Value = bytesOfEarlierFiles;
            task.Description = $"{Markup.Escape(name)}  {tally.Sent:N0} docs sent";
        });
        task.Description = $"{tally.Sent:N0} docs sent";
    }

    /// <summary>Sends the pages many to a request; the service reads each and reports it.</summary>
    private static async Task SendPagesAsync(
        ISearchApi api, Settings settings, IEnumerable<IngestFile> files, IngestTally tally, CancellationToken cancellationToken, Action<string, long> reportSent)
    {
        var unreadable = false;
        var pages = files.Select(file => (file.Path, file.Name));
        foreach (var batch in PageBatch.Read(pages, MaxPagesPerRequest, MaxBatchBytes, (file, e) =>
                 {
                     unreadable = true;
                     tally.FileUnreadable();
                     IngestSummaryView.UnreadableFile(file, e);
                 }))
        {
            using var content = PagesContent.FromFiles(batch.Pages);
            var report = await api.PostPagesAsync(content, cancellationToken);
            tally.AcceptPages(report);
            IngestSummaryView.PageReport(report);
            reportSent(batch.Pages[^1].Name, batch.Bytes);
            if (settings.StopOnError && (unreadable || report.Refused > 0))
                return;
        }
    }

    /// <returns>Whether to go on with the next file.</returns>
    private static async Task<bool> SendFileAsync(
        ISearchApi api, Settings settings, string file, IngestTally tally, CancellationToken cancellationToken, Action<long> reportPosition)
    {
        try
        {
            using var reader = new JsonLinesReader(file);
            var batches = LineBatch.ReadAsync(reader.ReadLinesAsync(cancellationToken), settings.BatchSize, MaxBatchBytes, cancellationToken);
            await foreach (var batch in batches)
            {
                var accepted = await SendBatchAsync(api, file, batch, tally, cancellationToken);
                reportPosition(reader.Position);
                if (!accepted && settings.StopOnError)
                    return false;
            }
            tally.FileRead();
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            tally.FileUnreadable();
            IngestSummaryView.UnreadableFile(file, e);
            return !settings.StopOnError;
        }
    }

    /// <returns>Whether the service accepted the batch; any refusal other than a bad batch ends the run.</returns>
    private static async Task<bool> SendBatchAsync(ISearchApi api, string file, LineBatch batch, IngestTally tally, CancellationToken cancellationToken)
    {
        using var content = NdjsonContent.FromLines(batch.Body);
        try
        {
            tally.Accept(await api.PostDocumentsAsync(content, cancellationToken));
            return true;
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            tally.Refuse(batch.Count);
            IngestSummaryView.RefusedBatch(file, batch, ServiceProblem.From(e));
            return false;
        }
    }
}
