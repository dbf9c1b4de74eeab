using System.Collections.Concurrent;
using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Bench.Support;
using Search.Core.Analysis;

namespace Search.Bench.Modes;

/// <summary>
/// The Java peer's build (<c>lucene-java.sh index</c>) done by Lucene.NET: the same file, the same three fields (an id
/// kept whole, a title and a body analysed and stored), the same 256 MB buffer and one commit, on as many threads as
/// asked. It separates what Lucene.NET costs from what our analysis and our own fields add, which a profile of the
/// product's rebuild cannot: that a build is short of its target against the peer says nothing of which.
/// </summary>
public static class PeerBuildMode
{
    public static int Run(Arguments options)
    {
        var tsv = options.Required("tsv");
        if (!File.Exists(tsv))
        {
            Console.Error.WriteLine($"peer-build: no file {tsv}; make it with python3 ../shared/peers/jsonl2tsv.py {tsv} ../shared/corpus/*.jsonl.gz");
            return 2;
        }
        var started = Stopwatch.StartNew();
        var folder = options.Required("out");
        if (System.IO.Directory.Exists(folder))
            System.IO.Directory.Delete(folder, recursive: true);
        var threads = options.Int("threads", 1);
        var ours = options.Has("ours");
        var offsets = options.Has("offsets");
        using Analyzer analyzer = ours ? ArabicSearchAnalyzer.Create() : new ArabicAnalyzer(ArabicSearchAnalyzer.Lucene);
        var bodyType = new FieldType(TextField.TYPE_STORED)
        {
            IndexOptions = offsets ? IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS : IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
        }.Freeze();
        var config = new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, analyzer) { RAMBufferSizeMB = 256, OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(FSDirectory.Open(folder), config))
        {
            // Lines are read on a thread of their own, as the peer's one thread reads and indexes in turn. A failure on
            // either side stops the other, so a bad file ends the run instead of leaving the reader waiting for room.
            using var lines = new BlockingCollection<string>(boundedCapacity: 1_000);
            using var failed = new CancellationTokenSource();
            var reading = Task.Run(() => StopOthersOnFailure(failed, () =>
            {
                foreach (var line in File.ReadLines(tsv))
                    lines.Add(line, failed.Token);
                lines.CompleteAdding();
            }));
            var indexing = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() => StopOthersOnFailure(failed, () =>
            {
                foreach (var line in lines.GetConsumingEnumerable(failed.Token))
                {
                    var parts = line.Split('\t', 3);
                    writer.AddDocument(
                    [
                        new StringField("id", parts[0], Field.Store.YES),
                        new TextField("title", parts[1], Field.Store.YES),
                        new Field("body", parts.Length > 2 ? parts[2] : "", bodyType),
                    ]);
                }
            }), TaskCreationOptions.LongRunning)).ToArray();
            Task.WaitAll([reading, .. indexing]);
            writer.Commit();
        }
        Console.WriteLine($"peer-build threads={threads} analysis={(ours ? "ours" : "stock")} offsets={(offsets ? "yes" : "no")} " +
            $"seconds={started.Elapsed.TotalSeconds:F2} cpu_s={Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F2}");
        return 0;
    }

    private static void StopOthersOnFailure(CancellationTokenSource failed, Action work)
    {
        try
        {
            work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failed.Cancel();
            throw;
        }
    }
}
