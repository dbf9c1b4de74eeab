using System.Diagnostics;
using Search.Core;
using Search.Core.Documents;
using Search.Core.Searching;

var data = args[1];
switch (args[0])
{
    case "load-corpus":
    {
        using var engine = SearchEngine.Open(data);
        var reader = new JsonDocumentsReader();
        var sw = Stopwatch.StartNew();
        foreach (var file in args[2..])
        {
            using var text = JsonDocumentsReader.OpenFile(file);
            var batch = new List<DocumentRecord>();
            foreach (var (doc, _) in reader.EnumerateJsonLines(text))
            {
                batch.Add(doc!);
                if (batch.Count == 1000) { engine.Accept(batch); batch.Clear(); }
            }
            engine.Accept(batch);
        }
        Console.WriteLine($"archived in {sw.Elapsed.TotalSeconds:F1}s");
        engine.Feeder.CatchUp();
        engine.Index.Commit();
        Console.WriteLine($"indexed in {sw.Elapsed.TotalSeconds:F1}s");
        break;
    }
    case "reindex":
    {
        using var engine = SearchEngine.Open(data);
        var sw = Stopwatch.StartNew();
        engine.Reindexer.TryStart("bench", out var job);
        while (job.State == Search.Core.Reindexing.ReindexState.Running) Thread.Sleep(100);
        Console.WriteLine($"reindex {job.State} {job.Processed} in {sw.Elapsed.TotalSeconds:F1}s, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        break;
    }
    case "snippets":
    {
        using var engine = SearchEngine.Open(data);
        var queries = File.ReadAllLines(args[2]);
        using var lease = engine.AcquireIndex();
        var analyzer = lease.Serving.Index.Analyzer;
        var builder = new Search.Core.Snippets.SnippetBuilder(analyzer);
        var qb = new Search.Core.Querying.LuceneQueryBuilder(analyzer);
        var searcher = lease.Serving.Index.AcquireSearcher();
        double snip = 0, search = 0, load = 0;
        foreach (var q in queries)
        {
            var compiled = qb.Build(Search.Core.Querying.UserQueryParser.Parse(q));
            if (compiled.Query is null) continue;
            var t0 = Stopwatch.GetTimestamp();
            var top = searcher.Searcher.Search(compiled.Query, 10);
            var t1 = Stopwatch.GetTimestamp();
            var bodies = top.ScoreDocs.Select(d => searcher.Searcher.Doc(d.Doc).Get("body")).ToList();
            var t2 = Stopwatch.GetTimestamp();
            foreach (var b in bodies) builder.Build(b, compiled.HighlightTerms);
            var t3 = Stopwatch.GetTimestamp();
            search += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds; load += Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds; snip += Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
        }
        Console.WriteLine($"per query: search {search / queries.Length:F2} ms, load {load / queries.Length:F2} ms, snippets {snip / queries.Length:F2} ms");
        searcher.Dispose();
        break;
    }
    case "queries":
    {
        using var engine = SearchEngine.Open(data);
        var queries = File.ReadAllLines(args[2]);
        var withFacets = args.Length > 3;
        for (var pass = 0; pass < 2; pass++)
        {
            var lat = new List<double>();
            foreach (var q in queries)
            {
                var t = Stopwatch.GetTimestamp();
                engine.Search(new SearchRequest(q, Size: 10));
                lat.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            lat.Sort();
            Console.WriteLine($"pass {pass}: p50 {lat[lat.Count / 2]:F2} ms p99 {lat[(int)(lat.Count * 0.99)]:F2} ms mean {lat.Average():F2}");
        }
        break;
    }
}
