using Search.Core;

namespace Search.Bench.Micro;

/// <summary>An engine on a fresh temporary folder holding <see cref="BenchText.Documents"/>, removed with it.</summary>
public sealed class BenchEngine : IDisposable
{
    private readonly string _folder;

    public BenchEngine(string name, int documents)
    {
        _folder = Path.Combine(Path.GetTempPath(), $"search-bench-{name}-{Guid.NewGuid():N}");
        Engine = SearchEngine.Open(_folder);
        foreach (var batch in BenchText.Documents(documents).Chunk(5_000))
            Engine.IngestDocuments(BenchText.AsJsonLines(batch));
        Engine.CatchUp();
    }

    public SearchEngine Engine { get; }

    public void Dispose()
    {
        Engine.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
