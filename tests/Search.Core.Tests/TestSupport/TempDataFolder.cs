namespace Search.Core.Tests.TestSupport;

/// <summary>
/// A unique folder under the system temp folder for one test, deleted when the test is done,
/// and the engines opened on it (a real archive and a real Lucene index on disk).
/// </summary>
public sealed class TempDataFolder : IDisposable
{
    private readonly List<SearchEngine> _engines = [];

    public TempDataFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "search-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The full path of a file in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Opens (or reopens) the engine on this folder; it is disposed with the folder unless closed before.</summary>
    public SearchEngine OpenEngine(SearchEngineOptions? options = null)
    {
        var engine = SearchEngine.Open(Path, options);
        _engines.Add(engine);
        return engine;
    }

    /// <summary>Opens the engine and makes the documents searchable (accepted into the archive, then applied).</summary>
    public SearchEngine OpenEngineWith(IEnumerable<DocumentRecord> documents, SearchEngineOptions? options = null)
    {
        var engine = OpenEngine(options);
        engine.Accept(documents.ToList());
        engine.CatchUp();
        return engine;
    }

    /// <summary>Disposes an engine opened here, e.g. before reopening the folder.</summary>
    public void Close(SearchEngine engine)
    {
        if (_engines.Remove(engine))
            engine.Dispose();
    }

    public void Dispose()
    {
        foreach (var engine in _engines)
            engine.Dispose();
        _engines.Clear();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open must not fail the test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
