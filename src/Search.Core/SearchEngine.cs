using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Core.Analysis;
using Search.Core.Archive;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Searching;

namespace Search.Core;

/// <summary>
/// The engine over one data folder: the archive of record (<c>archive.db</c>), the current index
/// generation (<c>generations/N/</c>), the feeder that carries archive changes into the index, and
/// searches. Usable without any web host.
/// </summary>
public sealed class SearchEngine : IDisposable
{
    private SearchEngine(string dataPath, DocumentArchive archive, SearchIndex index, long generation, IndexFeeder feeder)
    {
        DataPath = dataPath;
        Archive = archive;
        Index = index;
        Generation = generation;
        Feeder = feeder;
        Searcher = new SearchService(index);
    }

    public string DataPath { get; }

    public DocumentArchive Archive { get; }

    public SearchIndex Index { get; }

    public long Generation { get; }

    public IndexFeeder Feeder { get; }

    public SearchService Searcher { get; }

    /// <summary>True when the open index was analysed with another analyzer version than this code's.</summary>
    public bool AnalyzerMismatch => Index.BuiltWithAnalyzer != ArabicSearchAnalyzer.Version;

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
            var index = new SearchIndex(generations.PathOf(generation), SearchSimilarity.Create());
            var feeder = new IndexFeeder(archive, index, feederOptions ?? IndexFeederOptions.Default, loggers.CreateLogger<IndexFeeder>());
            return new SearchEngine(root, archive, index, generation, feeder);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>Stores documents durably in the archive and wakes the feeder; returns the archive sequence to wait for.</summary>
    public long Accept(IReadOnlyList<DocumentRecord> documents)
    {
        if (documents.Count == 0)
            return Archive.LastSequence;
        var sequence = Archive.Store(documents);
        Feeder.Signal();
        return sequence;
    }

    public void Dispose()
    {
        Index.Dispose();
        Archive.Dispose();
    }
}
