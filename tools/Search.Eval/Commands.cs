using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Client;
using Search.Client.Evaluation;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Searching;

namespace Search.Eval;

public static class Commands
{
    private const string SpecFile = "analysis.txt";
    private const int Depth = 100;

    public static int Index(string[] args)
    {
        var options = Options.Parse(args);
        var output = options.Required("out");
        var spec = options.Single("analysis") ?? "default";
        var started = Stopwatch.StartNew();
        var documents = ReadDocuments(options.Positional);
        Console.WriteLine($"read {documents.Count} documents in {started.Elapsed.TotalSeconds:F1} s");
        if (options.Single("blank-titles") is { } blankList)
        {
            // The titles-as-queries set with its answers' titles held out: they must be found by their bodies.
            var blank = File.ReadLines(blankList).Select(l => l.Split('\t')[1]).ToHashSet(StringComparer.Ordinal);
            documents = documents.Select(d => blank.Contains(d.Id) ? d with { Title = "" } : d).ToList();
            Console.WriteLine($"titles of {blank.Count} documents held out");
        }

        var lexicon = Specs.WantsLexicon(spec) ? Lexicon.Factory(documents) : null;
        using var analyzer = Specs.CreateAnalyzer(spec, lexicon);
        if (System.IO.Directory.Exists(output))
            System.IO.Directory.Delete(output, recursive: true);
        started.Restart();
        using (var directory = FSDirectory.Open(new DirectoryInfo(output)))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
            Similarity = SearchSimilarity.Create(),
        }))
        {
            Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                document => writer.AddDocument(LuceneDocumentMapper.ToLucene(document)));
            writer.Commit();
        }
        File.WriteAllText(Path.Combine(output, SpecFile), spec);
        Console.WriteLine($"indexed {documents.Count} documents with '{spec}' in {started.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        var indexPath = options.Required("index");
        var spec = File.ReadAllText(Path.Combine(indexPath, SpecFile)).Trim();
        var lexicon = Specs.WantsLexicon(spec) ? Lexicon.Factory(ReadDocuments(options.All("docs"))) : null;
        using var analyzer = Specs.CreateAnalyzer(spec, lexicon);
        var termsPerWord = Specs.IsStock(spec) || !Specs.Analysis(spec, lexicon).ExactForms ? 1 : 2;
        var rankings = options.All("ranking").DefaultIfEmpty("default").ToList();
        var split = options.Single("split");
        var runs = options.Single("runs");
        if (runs is not null)
            System.IO.Directory.CreateDirectory(runs);

        using var directory = FSDirectory.Open(new DirectoryInfo(indexPath));
        using var reader = DirectoryReader.Open(directory);
        Console.WriteLine($"index {indexPath}: {reader.NumDocs} documents, analysis '{spec}'");
        Console.WriteLine($"{"set",-14} {"nDCG@10",7} {"MRR@10",7} {"R@100",7} {"MAP@100",7} {"p50 ms",7}  ranking");
        foreach (var set in options.All("set"))
        {
            var (name, queries, qrels) = ReadSet(set, split);
            foreach (var rankingSpec in rankings)
            {
                var ranking = Specs.Ranking(rankingSpec);
                var searcher = new IndexSearcher(reader) { Similarity = SearchSimilarity.Create(ranking, termsPerWord) };
                var builder = new LuceneQueryBuilder(analyzer, ranking);
                var (run, latencies) = Search(searcher, builder, queries);
                var scores = RelevanceMetrics.Score(run.ToDictionary(r => r.QueryId, r => r.Docs), qrels);
                latencies.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-14} {scores.NdcgAt10,7:F4} {scores.MrrAt10,7:F4} {scores.RecallAt100,7:F4} {scores.MapAt100,7:F4} {latencies[latencies.Count / 2],7:F2}  {rankingSpec}"));
                if (runs is not null)
                    EvaluationFiles.WriteRun(Path.Combine(runs, $"{name}.{Safe(rankingSpec)}.tsv"), run.Select(r => (r.QueryId, r.Docs)));
            }
        }
        return 0;
    }

    public static int Titles(string[] args)
    {
        var options = Options.Parse(args);
        var output = options.Required("out");
        var count = int.Parse(options.Single("count") ?? "2000", CultureInfo.InvariantCulture);
        var seed = int.Parse(options.Single("seed") ?? "17", CultureInfo.InvariantCulture);
        var documents = ReadDocuments(options.Positional);
        static string Key(string title) => string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var byTitle = documents.Where(d => d.Title.Length > 0).GroupBy(d => Key(d.Title)).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToList());
        var candidates = documents.Where(d => Key(d.Title).Split(' ').Length >= 3).ToList();
        var random = new Random(seed);
        var sample = candidates.OrderBy(_ => random.Next()).DistinctBy(d => Key(d.Title)).Take(count).ToList();

        System.IO.Directory.CreateDirectory(output);
        using var jsonl = new StreamWriter(Path.Combine(output, "titles.jsonl"), false, new UTF8Encoding(false));
        using var tsv = new StreamWriter(Path.Combine(output, "titles.tsv"), false, new UTF8Encoding(false));
        using var qrels = new StreamWriter(Path.Combine(output, "titles-qrels.tsv"), false, new UTF8Encoding(false));
        var n = 0;
        foreach (var document in sample)
        {
            var qid = $"t-{++n:D4}";
            var title = Key(document.Title);
            jsonl.Write(JsonSerializer.Serialize(new { qid, query = title }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            tsv.Write($"{qid}\t{title}\n");
            foreach (var id in byTitle[title])
                qrels.Write($"{qid}\t{id}\t1\n");
        }
        Console.WriteLine($"{n} title queries from {candidates.Count} candidates written to {output}");
        return 0;
    }

    public static int Analyze(string[] args)
    {
        var options = Options.Parse(args);
        using var analyzer = Specs.CreateAnalyzer(options.Single("analysis") ?? "default", null);
        foreach (var text in options.Positional)
        {
            using var stream = analyzer.GetTokenStream(IndexFields.Body, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            var terms = new List<string>();
            while (stream.IncrementToken())
                terms.Add($"{(increment.PositionIncrement == 0 ? "" : increment.PositionIncrement > 1 ? "_ " : "| ")}{term}[{text[offset.StartOffset..offset.EndOffset]}]");
            stream.End();
            Console.WriteLine($"{text}\n  {string.Join(' ', terms)}");
        }
        return 0;
    }

    private static (List<(string QueryId, IReadOnlyList<string> Docs)> Run, List<double> Latencies) Search(
        IndexSearcher searcher, LuceneQueryBuilder builder, List<EvaluationQuery> queries)
    {
        var run = new List<(string, IReadOnlyList<string>)>(queries.Count);
        var latencies = new List<double>(queries.Count);
        var idField = new HashSet<string> { IndexFields.Id };
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var compiled = builder.Build(UserQueryParser.Parse(PlainTextQuery.Escape(query.Text)));
            var top = compiled.Query is null ? [] : searcher.Search(compiled.Query, Depth).ScoreDocs;
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            run.Add((query.Id, top.Select(hit => searcher.Doc(hit.Doc, idField).Get(IndexFields.Id)).ToList()));
        }
        return (run, latencies);
    }

    private static (string Name, List<EvaluationQuery> Queries, Dictionary<string, IReadOnlyDictionary<string, int>> Qrels) ReadSet(string set, string? split)
    {
        var eq = set.IndexOf('=');
        var files = set[(eq + 1)..].Split(',');
        if (eq <= 0 || files.Length != 2)
            throw new ArgumentException($"--set '{set}' is not NAME=QUERIES,QRELS");
        var queries = EvaluationFiles.ReadQueries(files[0]);
        var qrels = EvaluationFiles.ReadQrels(files[1]);
        if (split is "odd" or "even")
        {
            queries = queries.Where((_, i) => i % 2 == (split == "odd" ? 0 : 1)).ToList();
            var kept = queries.Select(q => q.Id).ToHashSet();
            qrels = qrels.Where(q => kept.Contains(q.Key)).ToDictionary(q => q.Key, q => q.Value);
        }
        return (set[..eq] + (split is null ? "" : "/" + split), queries, qrels);
    }

    private static List<DocumentRecord> ReadDocuments(IEnumerable<string> paths)
    {
        var reader = new JsonDocumentsReader();
        var documents = new List<DocumentRecord>();
        foreach (var path in paths)
        {
            using var text = JsonDocumentsReader.OpenFile(path);
            foreach (var (document, error) in reader.EnumerateJsonLines(text))
                if (document is not null)
                    documents.Add(document);
                else
                    Console.Error.WriteLine($"{path}: {error}");
        }
        return documents;
    }

    private static string Safe(string spec) => new(spec.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());
}

/// <summary>--name value options (repeatable) and positional arguments.</summary>
public sealed class Options
{
    private readonly Dictionary<string, List<string>> _named = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                var name = args[i][2..];
                if (!options._named.TryGetValue(name, out var values))
                    options._named[name] = values = [];
                values.Add(args[++i]);
            }
            else
            {
                options.Positional.Add(args[i]);
            }
        }
        return options;
    }

    public string? Single(string name) => _named.TryGetValue(name, out var values) ? values[^1] : null;

    public string Required(string name) => Single(name) ?? throw new ArgumentException($"--{name} is required");

    public IEnumerable<string> All(string name) => _named.TryGetValue(name, out var values) ? values : [];
}
