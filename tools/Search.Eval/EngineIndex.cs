using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core;
using Search.Core.Index.Reindex;

namespace Search.Eval;

/// <summary>
/// An evaluation index is a data folder the engine itself builds, opened with a variant's profile
/// (<see cref="Specs.Profile"/>): the documents go in through the engine's ingest and the index is the
/// engine's rebuild of its archive, so what is measured is what the service would serve with that
/// analysis and ranking, not a pipeline of the harness's own.
/// </summary>
internal static class EngineIndex
{
    /// <summary>Documents sent to the engine at a time: one archive transaction each, in bounded memory.</summary>
    private const int IngestBatch = 5_000;

    /// <summary>Arabic as written, not escaped: the batches are a third of the size.</summary>
    private static readonly JsonWriterOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Names the analysis variant a folder was built with, so that it is searched with the same one.</summary>
    private const string SpecFile = "analysis.txt";

    public static bool IsBuilt(string folder) => File.Exists(Path.Combine(folder, SpecFile));

    public static string AnalysisOf(string folder) => File.ReadAllText(Path.Combine(folder, SpecFile)).Trim();

    /// <summary>Builds a fresh data folder of <paramref name="documents"/> with the analysis of <paramref name="profile"/>.</summary>
    public static void Build(IReadOnlyList<DocumentRecord> documents, string folder, string analysis, EngineProfile profile)
    {
        if (System.IO.Directory.Exists(folder))
            System.IO.Directory.Delete(folder, recursive: true);
        var started = Stopwatch.StartNew();
        using (var engine = SearchEngine.Open(folder, profile))
        {
            foreach (var batch in documents.Chunk(IngestBatch))
            {
                var report = engine.IngestDocuments(JsonLines(batch));
                if (report.Accepted != batch.Length)
                    throw new InvalidOperationException($"the engine refused documents: {report.Problem ?? string.Join("; ", report.Errors.Take(3))}");
            }
            Rebuild(engine, "evaluation");
        }
        File.WriteAllText(Path.Combine(folder, SpecFile), analysis);
        Console.WriteLine($"indexed {documents.Count} documents with '{analysis}' in {started.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Rebuilds the engine's index from its archive and waits for it; throws when the rebuild does not succeed.</summary>
    public static void Rebuild(SearchEngine engine, string reason)
    {
        var (_, job) = engine.StartReindex(reason);
        // Polled, as a client of the service polls: the engine's rebuild runs on a thread of its own.
        while (engine.FindReindex(job.Id) is { State: ReindexState.Running })
            Thread.Sleep(100);
        if (engine.FindReindex(job.Id) is { State: not ReindexState.Succeeded } failed)
            throw new InvalidOperationException($"the rebuild ({reason}) ended {failed.State}: {failed.Error}");
    }

    /// <summary>
    /// The documents as the product indexes them (its analysis, stories and quotations), built once into
    /// <paramref name="work"/> and reused: what the measurements of stories' parts read.
    /// </summary>
    public static string Product(string work, IReadOnlyList<DocumentRecord> documents)
    {
        var folder = Path.Combine(Path.GetFullPath(work), "product");
        if (!IsBuilt(folder))
            Build(documents, folder, "default", EngineProfile.Product);
        return folder;
    }

    /// <summary>
    /// The index generation the engine serves from <paramref name="folder"/>, opened read-only once the engine
    /// is closed (the folder's format: <c>generations/N/</c>): for timing a part of the engine, a story lookup
    /// or more-like-this, on the very index the service searches.
    /// </summary>
    public static DirectoryReader OpenReader(string folder)
    {
        long generation;
        using (var engine = SearchEngine.Open(folder))
            generation = engine.Stats().Generation;
        return DirectoryReader.Open(FSDirectory.Open(Path.Combine(folder, "generations", generation.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>The documents as the JSON Lines the engine's ingest reads (they were read from it, so they read back the same).</summary>
    internal static byte[] JsonLines(IEnumerable<DocumentRecord> documents)
    {
        using var buffer = new MemoryStream();
        foreach (var document in documents)
        {
            using (var json = new Utf8JsonWriter(buffer, Compact))
            {
                json.WriteStartObject();
                json.WriteString("id", document.Id);
                json.WriteString("title", document.Title);
                json.WriteString("body", document.Body);
                json.WriteString("source", document.Source);
                WriteIfAny(json, "date", document.IsoDate);
                WriteIfAny(json, "lang", document.Lang);
                WriteIfAny(json, "category", document.Category);
                WriteIfAny(json, "url", document.Url);
                json.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
        }
        return buffer.ToArray();
    }

    private static void WriteIfAny(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }
}
