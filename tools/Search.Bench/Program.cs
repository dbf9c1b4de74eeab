using BenchmarkDotNet.Running;
using Search.Bench.Modes;
using Search.Bench.Support;

// The benchmarks of docs/performance.md; every mode prints one result line a measurement.
var command = args.FirstOrDefault();
var options = Arguments.Parse(args.Skip(1));
return command switch
{
    "build" => BuildMode.Run(options),
    "peer-build" => PeerBuildMode.Run(options),
    "alerts" => AlertsMode.Run(options),
    "queries" => InProcessMode.Run(options),
    "load" => await LoadMode.RunAsync(options),
    "flood" => await FloodMode.RunAsync(options),
    "genlog" => QueryLogGenerator.Run(options),
    "evallog" => EvalQueryLog.Run(options),
    "micro" => RunMicro(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int RunMicro(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        Search.Bench MODE [--option value]...
          build    --data DIR --corpus FILE... [--fraction 0.25] [--copies 2] [--linked 50]
                   stores the corpus in a fresh archive, then rebuilds the index from it (the reindex path);
                   prints wall time, MB/s, documents/s, peak memory, index size. --linked N: every N-th
                   document names the one before it as its English version, so searches resolve versions
          peer-build --tsv FILE --out DIR [--threads 1] [--ours] [--offsets]
                   the Java peer's build (lucene-java.sh index, a file from peers/jsonl2tsv.py) done by Lucene.NET, with
                   the stock ArabicAnalyzer or ours, the body's offsets or not: what Lucene.NET costs apart from the product
          alerts   --data DIR --corpus FILE... [--documents 5000] [--batch 100] [--searches 300] [--runs 3]
                   ingests and indexes in batches with no saved search and with N of them matched after each
                   batch (as the alert worker does), alternating: wall and CPU time of each
          queries  --data DIR --log FILE [--size 100] [--slowest 5]
                   replays a query log in process (no HTTP): p50/p95/p99 and queries/s
          load     --url URL --log FILE [--clients 8] [--seconds 20] [--ingest-every S --key KEY --corpus FILE...]
                   replays a query log against a running service over HTTP; with --ingest-every, posts a corpus
                   article under a new id every S seconds meanwhile (searches meeting freshly opened readers)
          flood    --url URL --log FILE [--flood-connections 32] [--victims 1] [--seconds 20]
                   [--flood-from 127.0.0.1] [--victim-from 127.0.0.2]
                   one client floods from many connections (retrying 429s at once) while another searches:
                   the other client's p50/p99, the flood's answered and limited requests
          genlog   --corpus FILE... --out FILE [--count 2000] [--seed 7]
                   draws realistic queries from the corpus (1-6 words, phrases, date ranges, facets)
          evallog  --queries FILE --out FILE [--size 100]
                   the questions of a judged set (dev-eval) as a log: plain words, top N, no snippets
          micro    [BenchmarkDotNet arguments, e.g. --filter *Analysis*]
                   micro-benchmarks: analysis MB/s, facet counting, snippets, serialisation
        """);
    return 2;
}
