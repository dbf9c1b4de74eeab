using System.Text.Json;
using Search.Core;

namespace Search.Api.Engine;

/// <summary>
/// The sample of Arabic statements shipped inside the service, written for this project (JSON Lines):
/// loaded into an empty archive so a first search finds something, marked as invented wherever it
/// is shown, and removed in one request once real statements arrive.
/// </summary>
public sealed class SampleStatements
{
    private const string ResourceName = "Search.Api.Engine.sample-statements.jsonl";

    private readonly Lazy<IReadOnlyList<string>> _ids;

    public SampleStatements() => _ids = new Lazy<IReadOnlyList<string>>(ReadIds);

    public byte[] Read()
    {
        using var stream = typeof(SampleStatements).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sample resource {ResourceName} is missing from the build.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>The ids of the sample's statements still in the archive (none once removed, or never loaded).</summary>
    public IReadOnlyList<string> HeldBy(SearchEngine engine) => _ids.Value.Where(id => engine.Get(id) is not null).ToList();

    /// <summary>Deletes the sample's statements from the archive and the index; how many there were.</summary>
    public int RemoveFrom(SearchEngine engine) => _ids.Value.Count(engine.Delete);

    private IReadOnlyList<string> ReadIds()
    {
        using var text = new StreamReader(new MemoryStream(Read()));
        var ids = new List<string>();
        while (text.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line))
                ids.Add(JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!);
        return ids;
    }
}
