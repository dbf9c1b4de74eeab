using System.Diagnostics;
using Search.Core;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;
using Search.Core.Stories;

namespace Search.Eval;

/// <summary>
/// The corpus as story detection sees it, for the measurements of docs/stories.md: each article's
/// fingerprint, its full shingle set on demand (every four-word run, not a sample: the exact measure
/// pairs are binned and near copies counted by), and the stories the rule makes of the whole corpus,
/// fed to the assigner in batches in file order as a rebuild would feed it.
/// </summary>
internal sealed class StoryCorpus
{
    private readonly Dictionary<string, StoryFingerprint> _full = new(StringComparer.Ordinal);
    private readonly StoryFingerprinter _exact = new(StoryFingerprinter.DefaultShingleWords, sampling: 1);

    public StoryCorpus(IReadOnlyList<DocumentRecord> documents, StoryFingerprinter fingerprinter)
    {
        Documents = documents;
        ById = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var document in documents.Take(5000))
            fingerprinter.Fingerprint(document.Body); // warm-up: the JIT's first tier would be timed otherwise
        var started = Stopwatch.GetTimestamp();
        Fingerprints = documents.Select(d => fingerprinter.Fingerprint(d.Body)).ToArray();
        FingerprintSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public IReadOnlyList<DocumentRecord> Documents { get; }

    public Dictionary<string, DocumentRecord> ById { get; }

    public StoryFingerprint[] Fingerprints { get; }

    /// <summary>Time to fingerprint every body, on one thread, after a warm-up.</summary>
    public double FingerprintSeconds { get; }

    public static StoryCorpus Load(string folder, StoryFingerprinter? fingerprinter = null) =>
        new(Commands.ReadDocuments(System.IO.Directory.GetFiles(folder, "*.jsonl.gz").Order(StringComparer.Ordinal)),
            fingerprinter ?? StoryFingerprinter.Default);

    /// <summary>Every four-word run of a body (hashed): the exact measure of how much two bodies share.</summary>
    public StoryFingerprint Full(string id)
    {
        if (!_full.TryGetValue(id, out var full))
            _full[id] = full = _exact.Fingerprint(ById[id].Body);
        return full;
    }

    /// <summary>The exact share of the smaller body found in the larger, and of the larger found in the smaller.</summary>
    public (double OfSmaller, double OfLarger) Overlap(string first, string second)
    {
        var (a, b) = (Full(first), Full(second));
        var shared = (double)a.Shared(b);
        var (small, large) = a.Count <= b.Count ? (a.Count, b.Count) : (b.Count, a.Count);
        return small == 0 ? (0, 0) : (shared / small, shared / large);
    }

    public StoryDocument Document(int i) =>
        new(Documents[i].Id, Documents[i].Date?.DayNumber, Fingerprints[i]);

    /// <summary>Stories of the whole corpus under <paramref name="rule"/>, built batch by batch; with how long the assigning took and how many indexed documents had their key changed on the way.</summary>
    public (MemoryStoryLookup Lookup, double Seconds, int Updates) Build(StoryRule rule, int batchSize = 2000)
    {
        var lookup = new MemoryStoryLookup();
        var assigner = new StoryAssigner(rule);
        var updates = 0;
        var started = Stopwatch.GetTimestamp();
        for (var start = 0; start < Documents.Count; start += batchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(batchSize, Documents.Count - start)).Select(Document).ToList();
            var assignment = assigner.Assign(lookup, batch, []);
            updates += assignment.Updates.Count;
            lookup.Apply(batch, [], assignment);
        }
        return (lookup, Stopwatch.GetElapsedTime(started).TotalSeconds, updates);
    }
}
