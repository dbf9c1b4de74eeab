using System.Diagnostics;
using System.Text;
using Search.Bench.Micro;
using Search.Bench.Support;
using Search.Core;
using Search.Core.Index.Reindex;

namespace Search.Bench.Modes;

/// <summary>
/// The full build through the project's bulk path: the corpus is stored in a fresh archive, then
/// the index is rebuilt from the archive (what <c>POST /api/admin/reindex</c> does).
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

        using var engine = SearchEngine.Open(data);
        var archiving = Stopwatch.StartNew();
        long documents = 0, bytes = 0;
        foreach (var batch in CorpusFiles.Read(files, fraction, copies).Chunk(1_000))
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
}
