using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Core.Analysis;
using Search.Core.Text;
using Search.Core.Archive;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;
using Search.Core.Index;
using Search.Core.Index.Storage;
using Search.Core.Index.Reindex;
using Search.Core.Retrieval;
using Search.Core.Retrieval.Collecting;
using Search.Core.Retrieval.Scoring;

namespace Search.Core;

/// <summary>
/// The engine over one data folder: the archive of record (<c>archive.db</c>), the index
/// generations (<c>generations/N/</c>, one current), the feeder that carries archive changes into
/// the current generation, the reindexer that rebuilds it, and searches. Usable without any web host.
/// </summary>
public sealed class SearchEngine : IDisposable
{
    private ServingIndex _serving;
    private volatile bool _disposed;

    private SearchEngine(string dataPath, DocumentArchive archive, IndexGenerations generations, ServingIndex serving,
        IndexFeederOptions feederOptions, ILoggerFactory loggers)
    {
        DataPath = dataPath;
        Archive = archive;
        Generations = generations;
        _serving = serving;
        Feeder = new IndexFeeder(archive, serving.Index, feederOptions, loggers.CreateLogger<IndexFeeder>());
        Reindexer = new Reindexer(this, loggers.CreateLogger<Reindexer>());
    }

    public string DataPath { get; }

    public DocumentArchive Archive { get; }

    public IndexGenerations Generations { get; }

    public IndexFeeder Feeder { get; }

    public Reindexer Reindexer { get; }

    /// <summary>The current generation's index, for inspection; searches go through <see cref="AcquireIndex"/>.</summary>
    public SearchIndex Index => Volatile.Read(ref _serving).Index;

    /// <summary>The generation answering searches now.</summary>
    public long Generation => Volatile.Read(ref _serving).Generation;

    /// <summary>The analyzer version the current generation was built with.</summary>
    public string IndexAnalyzerVersion => Volatile.Read(ref _serving).Index.BuiltWithAnalyzer;

    /// <summary>True when the current generation was analysed with another analyzer version than this code's.</summary>
    public bool AnalyzerMismatch => IndexAnalyzerVersion != ArabicSearchAnalyzer.Version;

    /// <summary>Opens the data folder, removing generation folders a crash left half-built.</summary>
    public static SearchEngine Open(string dataPath, IndexFeederOptions? feederOptions = null, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        var root = Path.GetFullPath(dataPath);
        Directory.CreateDirectory(root);
        var archive = new DocumentArchive(Path.Combine(root, "archive.db"));
        try
        {
            var generations = new IndexGenerations(root);
            var generation = generations.Current();
            var stale = generations.DeleteAllBut(generation);
            if (stale.Count > 0)
                loggers.CreateLogger<SearchEngine>().LogWarning("Removed index generations {Generations} left by an unfinished reindex", stale);
            var serving = new ServingIndex(generation, NewIndex(generations, generation), generations);
            return new SearchEngine(root, archive, generations, serving, feederOptions ?? IndexFeederOptions.Default, loggers);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>Stores documents durably in the archive and wakes the feeder; returns the archive sequence to wait for.</summary>
    public long Accept(IReadOnlyList<DocumentRecord> documents) => Write(documents).LastSequence;

    /// <summary>Like <see cref="Accept"/>, and says which documents replaced one the archive held.</summary>
    public ArchiveWrite Write(IReadOnlyList<DocumentRecord> documents)
    {
        if (documents.Count == 0)
            return new ArchiveWrite(Archive.LastSequence, []);
        var write = Archive.Write(documents);
        Feeder.Signal();
        return write;
    }

    /// <summary>Deletes a document from the archive (and so from the index); false when there is none.</summary>
    public bool Delete(string id)
    {
        if (!Archive.Delete(id))
            return false;
        Feeder.Signal();
        return true;
    }

    /// <exception cref="Retrieval.QueryLanguage.QuerySyntaxException">The text cannot be read.</exception>
    public SearchResult Search(SearchRequest request)
    {
        using var lease = AcquireIndex();
        return lease.Serving.Searcher.Search(request);
    }

    /// <inheritdoc cref="SearchService.MarkAll"/>
    public IReadOnlyList<string> MarkAll(string? query, IReadOnlyList<string> texts)
    {
        using var lease = AcquireIndex();
        return lease.Serving.Searcher.MarkAll(query, texts);
    }

    /// <summary>The current generation, held until the lease is disposed (a reindex may retire it meanwhile).</summary>
    public IndexLease AcquireIndex()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var serving = Volatile.Read(ref _serving);
            if (serving.TryAcquire())
                return new IndexLease(serving);
        }
    }

    public EngineStats Stats()
    {
        using var lease = AcquireIndex();
        var index = lease.Serving.Index;
        return new EngineStats(
            Archive.Count(),
            index.DocumentCount(),
            lease.Serving.Generation,
            ArabicSearchAnalyzer.Version,
            index.BuiltWithAnalyzer,
            index.SizeInBytes(),
            index.LastCommit,
            Feeder.Pending);
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Reindexer.CancelAndWait();
        Volatile.Read(ref _serving).Release();
        Archive.Dispose();
    }

    internal SearchIndex CreateIndex(long generation) => NewIndex(Generations, generation);

    /// <summary>Makes a freshly built generation current: pointer file first, then searches; the old one is retired.</summary>
    internal void SwitchTo(long generation, SearchIndex index)
    {
        Generations.MakeCurrent(generation);
        var previous = Interlocked.Exchange(ref _serving, new ServingIndex(generation, index, Generations));
        previous.Retire();
    }

    private static SearchIndex NewIndex(IndexGenerations generations, long generation) =>
        new(generations.PathOf(generation), SearchSimilarity.Create());
}
