using System.Diagnostics;
using System.Text;
using Search.Bench.Micro;
using Search.Bench.Support;
using Search.Core;
using Search.Core.Index.Reindex;
using Search.Core.Languages;

namespace Search.Bench.Modes;

/// <summary>
/// The full build through the project's bulk path: the corpus is stored in a fresh archive, then
/// the index is rebuilt from the archive (what <c>POST /api/admin/reindex</c> does). With
/// <c>--linked N</c>, every N-th document names the one before it as its version in another language:
/// the corpus has no translations, and an archive with none skips resolving versions altogether, which
/// hid a walk of the whole archive for each hit of every search until the nineteenth session.
/// </summary>
public static class BuildMode
{
    public static int Run(Arguments options)
    {
        var data = options.Required("data");
        if (Directory.Exists(data))
            Directory.Delete(data, recursive: true);
        var files = options.All("corpus");
        var fraction = options.Double("fraction", 1);
        var copies = options.Int("copies", 1);
        var linked = options.Int("linked", 0);

        using var engine = SearchEngine.Open(data);
        var archiving = Stopwatch.StartNew();
        long documents = 0, bytes = 0;
        foreach (var batch in Linked(CorpusFiles.Read(files, fraction, copies), linked).Chunk(1_000))
        {
            var report = engine.IngestDocuments(BenchText.AsJsonLines(batch));
            if (report.Problem is not null || report.Errors.Count > 0)
                throw new InvalidOperationException($"the corpus was refused: {report.Problem}{string.Join("; ", report.Errors)}");
            documents += batch.Length;
            bytes += batch.Sum(d => Encoding.UTF8.GetByteCount(d.Title) + Encoding.UTF8.GetByteCount(d.Body));
        }
        archiving.Stop();

        var building = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var job = engine.StartReindex("benchmark").Job;
        while (job.State == ReindexState.Running)
        {
            Thread.Sleep(50);
            job = engine.FindReindex(job.Id)!;
        }
        building.Stop();
        if (job.State != ReindexState.Succeeded)
        {
            Console.Error.WriteLine($"build {job.State}: {job.Error}");
            return 1;
        }
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var seconds = building.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"build documents={documents} MB={bytes / 1e6:F1} archive_s={archiving.Elapsed.TotalSeconds:F1} " +
            $"build_s={seconds:F1} cpu_s={cpu.TotalSeconds:F1} docs_per_s={documents / seconds:F0} MB_per_s={bytes / 1e6 / seconds:F1} " +
            $"peak_MB={process.PeakWorkingSet64 / 1048576} index_MB={engine.Stats().IndexSizeBytes / 1048576.0:F0}");
        return 0;
    }

    /// <summary>Every <paramref name="every"/>-th document linked to the one before it (none when 0).</summary>
    private static IEnumerable<DocumentRecord> Linked(IEnumerable<DocumentRecord> documents, int every)
    {
        string? previous = null;
        var count = 0;
        foreach (var document in documents)
        {
            var link = every > 0 && previous is not null && ++count % every == 0;
            yield return link ? document with { Translations = [new VersionLink("en", previous!)] } : document;
            previous = document.Id;
        }
    }
}
