using System.Text.Json;
using Search.Core;

namespace Search.Api.Engine;

/// <summary>
/// The sample of Arabic statements shipped inside the service, written for this project (JSON Lines):
/// loaded into an empty archive so a first search finds something, marked as invented wherever it
/// is shown (<c>/api/status</c> lists those held, the page tags them), and removed by itself, with a
/// log line, as soon as other documents are stored (<see cref="RetireOnFirstRealDocuments"/>), or
/// sooner by one admin request (<c>DELETE /api/admin/sample</c>).
/// </summary>
public sealed partial class SampleStatements(ILogger<SampleStatements> logger)
{
    private const string ResourceName = "Search.Api.Engine.sample-statements.jsonl";

    private static readonly Lazy<IReadOnlyList<string>> SampleIds = new(ReadIds);
    private static readonly Lazy<HashSet<string>> SampleIdSet = new(() => new HashSet<string>(SampleIds.Value, StringComparer.Ordinal));

    private readonly Lock _retiring = new();
    private bool _retired;

    /// <summary>The sample's ids, in its order.</summary>
    private static IReadOnlyList<string> Ids => SampleIds.Value;

    public static byte[] Read()
    {
        using var stream = typeof(SampleStatements).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sample resource {ResourceName} is missing from the build.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>The ids of the sample's statements still in the archive (none once removed, or never loaded).</summary>
    public IReadOnlyList<string> HeldBy(SearchEngine engine) => Ids.Where(id => engine.Get(id) is not null).ToList();

    /// <summary>Deletes the sample's statements from the archive and the index; how many there were.</summary>
    public int RemoveFrom(SearchEngine engine) => Ids.Count(engine.Delete);

    /// <summary>
    /// From now on, the first write of documents that are not the sample's (by any door) first removes the
    /// sample statements the archive holds, except those it sends again, and logs it; later writes cost
    /// nothing. Called at start-up, after the sample is loaded into an empty archive.
    /// </summary>
    public void RetireOnFirstRealDocuments(SearchEngine engine) => engine.Storing += ids =>
    {
        if (Volatile.Read(ref _retired) || ids.All(SampleIdSet.Value.Contains))
            return;
        lock (_retiring)
        {
            if (_retired)
                return;
            var sent = ids.ToHashSet(StringComparer.Ordinal);
            var removed = HeldBy(engine).Where(id => !sent.Contains(id)).Count(engine.Delete);
            Volatile.Write(ref _retired, true);
            if (removed > 0)
                LogRetired(removed);
        }
    };

    [LoggerMessage(LogLevel.Information, "Real documents arrived: removed the {Count} invented sample statements loaded at first start (set Search:LoadSample=false to start without them)")]
    private partial void LogRetired(int count);

    private static List<string> ReadIds()
    {
        using var text = new StreamReader(new MemoryStream(Read()));
        var ids = new List<string>();
        while (text.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line))
                ids.Add(JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!);
        return ids;
    }
}
