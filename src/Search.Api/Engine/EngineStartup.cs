using Microsoft.Extensions.Options;
using Search.Api.Protection;
using Search.Core;

namespace Search.Api.Engine;

/// <summary>
/// Has the engine opened while the host starts (<see cref="EngineOpening"/>), and ends the host's start once it
/// is open: it reports an index built by another analyzer version and loads the shipped sample into an empty
/// archive. Until then the server may already answer: <c>/health/ready</c> says the index is not open yet, and
/// a request that needs the engine waits for it.
/// </summary>
public sealed partial class EngineStartup(
    EngineOpening opening,
    SampleStatements sample,
    AdminKey adminKey,
    IOptions<SearchOptions> options,
    ILogger<EngineStartup> logger) : IHostedLifecycleService
{
    private volatile bool _ready;

    public bool Ready => _ready;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var engine = await opening.Opened;
        var stats = engine.Stats();
        LogOpened(engine.DataPath, stats.Generation, stats.ArchiveDocuments, stats.IndexedSequence);
        if (adminKey.GeneratedFile is { } keyFile)
            LogGeneratedKey(keyFile);
        if (stats.AnalyzerMismatch)
        {
            LogAnalyzerMismatch(stats.IndexAnalyzerVersion, stats.AnalyzerVersion);
            if (options.Value.ReindexOnAnalyzerChange)
                engine.StartReindex($"the index was built with analyzer {stats.IndexAnalyzerVersion}");
        }
        if (options.Value.LoadSample && stats.ArchiveSequence == 0)
        {
            var report = engine.IngestDocuments(SampleStatements.Read());
            if (report.Problem is not null || report.Errors.Count > 0)
                throw new InvalidOperationException($"The shipped sample is invalid: {report.Problem}{string.Join("; ", report.Errors)}");
            LogSampleLoaded(report.Sequence);
        }
        // The sample, loaded now or at an earlier start and still held, goes when real documents come.
        if (sample.HeldBy(engine).Count > 0)
            sample.RetireOnFirstRealDocuments(engine);
        _ready = true;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Data folder {DataPath}: index generation {Generation}, {Documents} documents in the archive, index at archive sequence {Sequence}")]
    private partial void LogOpened(string dataPath, long generation, long documents, long sequence);

    [LoggerMessage(LogLevel.Information, "No Search:AdminApiKey is configured: the admin key is in {KeyFile} (readable by its owner only)")]
    private partial void LogGeneratedKey(string keyFile);

    [LoggerMessage(LogLevel.Warning, "The index was built with analyzer {IndexVersion} but this service analyses with {CodeVersion}: searches may miss documents until the index is rebuilt (Search:ReindexOnAnalyzerChange starts that by itself)")]
    private partial void LogAnalyzerMismatch(string indexVersion, string codeVersion);

    [LoggerMessage(LogLevel.Information, "Empty archive: loaded the shipped sample of invented statements (up to archive sequence {Sequence}); they go by themselves when the first real documents are stored, or with DELETE /api/admin/sample; set Search:LoadSample=false to start empty")]
    private partial void LogSampleLoaded(long sequence);
}
