using System.Diagnostics;
using System.Globalization;
using System.Text;
using Search.Evaluation;
using Search.Core.Analysis;
using Search.Core;

namespace Search.Eval;

/// <summary>
/// The whole comparison of docs/relevance.md in one command: for each variant (name, analysis, ranking),
/// dev-eval's why/how and information-seeking questions alone and with the corpus as distractors, the
/// titles-as-queries set, the same set with the answers' titles held out, and the headlines-as-queries set
/// (<see cref="HeadlineSet"/>); and the Java Lucene peer on the very same documents and queries, in the same
/// run. Everything it builds (indexes, sets, runs) goes to the work folder, outside the repository.
/// </summary>
internal static class Table
{
    private sealed record Variant(string Name, string Analysis, string Ranking);

    private sealed record Collections(List<DocumentRecord> Dev, List<DocumentRecord> All, List<DocumentRecord> AllHeldOut)
    {
        public List<DocumentRecord> this[string name] => name switch { "dev" => Dev, "all" => All, _ => AllHeldOut };
    }

    private sealed record QuerySet(string Name, List<EvaluationQuery> Queries, Dictionary<string, IReadOnlyDictionary<string, int>> Qrels);

    /// <summary>One column of the table: a query set over a collection ("dev" alone, "all" with the corpus, "all-held-out").</summary>
    private sealed record Column(string Header, string Set, string Collection, bool Main);

    private static readonly Column[] Columns =
    [
        new("why/how + corpus nDCG@10 / MRR@10 / R@100", "whyhow", "all", Main: true),
        new("info + corpus nDCG@10 / MRR@10 / R@100", "info", "all", Main: true),
        new("why/how alone nDCG@10 / R@100", "whyhow", "dev", Main: false),
        new("info alone nDCG@10 / R@100", "info", "dev", Main: false),
        new("titles nDCG@10 / R@100", "titles", "all", Main: false),
        new("titles, held out nDCG@10 / R@100", "titles", "all-held-out", Main: false),
        new("headlines nDCG@10 / R@100", "headlines", "all", Main: false),
    ];

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        var work = Path.GetFullPath(options.Required("work"));
        var devFolder = options.Required("dev");
        var corpusFolder = options.Required("corpus");
        var peers = options.Single("peers");
        var count = int.Parse(options.Single("count") ?? "2000", CultureInfo.InvariantCulture);
        var split = options.Single("split");
        var variants = options.All("variant").Select(ParseVariant).ToList();
        if (variants.Count == 0)
            throw new ArgumentException("give at least one --variant NAME|ANALYSIS|RANKING");
        if (split is not (null or "odd" or "even"))
            throw new ArgumentException("--split is odd or even");
        System.IO.Directory.CreateDirectory(work);

        var dev = Commands.ReadDocuments([Path.Combine(devFolder, "documents.jsonl")]);
        var corpus = Commands.ReadDocuments(System.IO.Directory.GetFiles(corpusFolder, "*.jsonl.gz").Order(StringComparer.Ordinal));
        var titles = Commands.TitleSet(corpus, count, seed: 17);
        Commands.WriteSet(Path.Combine(work, "titles"), "titles", titles);
        var headlines = Commands.ReadOrBuildHeadlines(Path.Combine(work, "headlines"), corpus, count / 2, seed: 17);
        var heldOut = titles.Qrels.Values.SelectMany(j => j.Keys).ToHashSet(StringComparer.Ordinal);
        var all = dev.Concat(corpus).ToList();
        var collections = new Collections(dev, all, all.Select(d => heldOut.Contains(d.Id) ? d with { Title = "" } : d).ToList());
        var sets = new[]
        {
            new QuerySet("whyhow", EvaluationFiles.ReadQueries(Path.Combine(devFolder, "queries.jsonl")), EvaluationFiles.ReadQrels(Path.Combine(devFolder, "qrels.tsv"))),
            new QuerySet("info", EvaluationFiles.ReadQueries(Path.Combine(devFolder, "info-queries.jsonl")), EvaluationFiles.ReadQrels(Path.Combine(devFolder, "info-qrels.tsv"))),
            new QuerySet("titles", titles.Queries, titles.Qrels),
            new QuerySet("headlines", headlines.Queries, headlines.Qrels),
        }.Select(s => Split(s, split)).ToDictionary(s => s.Name);
        Console.WriteLine($"dev {dev.Count} passages; corpus {corpus.Count} articles; "
            + string.Join(", ", sets.Values.Select(s => $"{s.Name} {s.Queries.Count} queries ({s.Qrels.Values.Sum(j => j.Count)} judgments)")));

        var rows = new List<string>();
        if (peers is not null)
            rows.Add(Peer(work, peers, collections, sets));
        foreach (var variant in variants)
            rows.Add(Measure(work, variant, collections, sets));

        var header = "| variant | analysis | ranking | " + string.Join(" | ", Columns.Select(c => c.Header)) + " |\n|---|---|---|" + string.Concat(Columns.Select(_ => "---|"));
        var table = header + "\n" + string.Join("\n", rows);
        File.WriteAllText(Path.Combine(work, split is null ? "table.md" : $"table-{split}.md"), table + "\n");
        Console.WriteLine();
        Console.WriteLine(table);
        return 0;
    }

    /// <summary>Every other query (<c>odd</c>: the first, third…), to check that a gain holds on both halves of a set.</summary>
    private static QuerySet Split(QuerySet set, string? split)
    {
        if (split is null)
            return set;
        var queries = set.Queries.Where((_, i) => i % 2 == (split == "odd" ? 0 : 1)).ToList();
        return set with { Queries = queries, Qrels = queries.Where(q => set.Qrels.ContainsKey(q.Id)).ToDictionary(q => q.Id, q => set.Qrels[q.Id]) };
    }

    private static Variant ParseVariant(string text)
    {
        var parts = text.Split('|');
        return parts.Length == 3 ? new Variant(parts[0], parts[1], parts[2]) : throw new ArgumentException($"--variant '{text}' is not NAME|ANALYSIS|RANKING");
    }

    private static string Measure(string work, Variant variant, Collections collections, Dictionary<string, QuerySet> sets)
    {
        var folder = Path.Combine(work, "engine", Commands.Safe(variant.Analysis));
        var runs = Path.Combine(work, "runs", Commands.Safe(variant.Name));
        System.IO.Directory.CreateDirectory(runs);
        var started = Stopwatch.StartNew();
        var lexicons = new Dictionary<string, Func<IArabicWordKnowledge>?>();
        string Index(string name)
        {
            var path = Path.Combine(folder, name);
            if (!lexicons.ContainsKey(name))
            {
                lexicons[name] = Specs.WantsLexicon(variant.Analysis) ? Lexicon.Factory(collections[name]) : null;
                if (!EngineIndex.IsBuilt(path))
                    EngineIndex.Build(collections[name], path, variant.Analysis, Specs.Profile(variant.Analysis, "default", lexicons[name]));
            }
            return path;
        }

        var (p50, firstP50) = (0.0, 0.0);
        RelevanceScores Score(Column column)
        {
            var set = sets[column.Set];
            var index = Index(column.Collection);
            using var engine = SearchEngine.Open(index, Specs.Profile(variant.Analysis, variant.Ranking, lexicons[column.Collection]));
            // A pass to warm up, then the timed one, as the peer times its second pass (LucenePeer.java): the first
            // pass of a fresh process runs much of the search in code the runtime has not yet optimised.
            var (_, first) = Commands.Search(engine, set.Queries);
            var (run, latencies) = Commands.Search(engine, set.Queries);
            EvaluationFiles.WriteRun(Path.Combine(runs, $"{column.Set}-{column.Collection}.tsv"), run.Select(r => (r.QueryId, r.Docs)));
            if (column.Set == "whyhow" && column.Collection == "all")
                (p50, firstP50) = (Median(latencies), Median(first));
            return RelevanceMetrics.Score(run.ToDictionary(r => r.QueryId, r => r.Docs), set.Qrels);
        }
        var scores = Columns.Select(Score).ToList();
        Console.WriteLine($"{variant.Name}: {started.Elapsed.TotalSeconds:F0} s, why/how + corpus p50 {p50:F2} ms (the first pass: {firstP50:F2} ms)");
        return Row(variant.Name, $"`{variant.Analysis}`", $"`{variant.Ranking}`", scores);
    }

    private static double Median(List<double> latencies) => latencies.Order().ElementAt(latencies.Count / 2);

    /// <summary>The Java Lucene peer (stock ArabicAnalyzer, BM25, OR of the words over title and body) on the same inputs.</summary>
    private static string Peer(string work, string peers, Collections collections, Dictionary<string, QuerySet> sets)
    {
        var folder = Path.Combine(work, "peer");
        System.IO.Directory.CreateDirectory(folder);
        var script = Path.Combine(Path.GetFullPath(peers), "lucene-java.sh");
        string Index(string name)
        {
            var tsv = Path.Combine(folder, name + ".tsv");
            var index = Path.Combine(folder, "j-" + name);
            if (!System.IO.Directory.Exists(index))
            {
                WritePeerDocuments(tsv, collections[name]);
                Shell(script, "index", tsv, index);
            }
            return index;
        }
        RelevanceScores Score(Column column)
        {
            var set = sets[column.Set];
            var index = Index(column.Collection);
            var queries = Path.Combine(folder, set.Name + "-queries.tsv");
            File.WriteAllLines(queries, set.Queries.Select(q => $"{q.Id}\t{Commands.Flat(q.Text)}"), new UTF8Encoding(false));
            var run = Path.Combine(folder, $"run-{set.Name}-{Path.GetFileName(index)}.tsv");
            Shell(script, "search", index, queries, run, "100");
            var docs = File.ReadLines(run).Select(l => l.Split('\t')).GroupBy(p => p[0])
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(p => int.Parse(p[2], CultureInfo.InvariantCulture)).Select(p => p[1]).ToList());
            return RelevanceMetrics.Score(docs, set.Qrels);
        }
        return Row("Java Lucene peer", "stock `ArabicAnalyzer` (Lucene 8.7)", "BM25, OR over title and body", Columns.Select(Score).ToList());
    }

    /// <summary>The peer's input format, as its jsonl2tsv.py writes it: id, title, body, whitespace collapsed, backslashes doubled.</summary>
    private static void WritePeerDocuments(string path, List<DocumentRecord> documents)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var document in documents)
            writer.Write($"{document.Id}\t{Commands.Flat(document.Title).Replace("\\", "\\\\")}\t{Commands.Flat(document.Body).Replace("\\", "\\\\")}\n");
    }

    private static void Shell(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        Console.WriteLine($"peer {args[0]}: {process.StandardOutput.ReadToEnd().Trim()}");
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', args)} exited with {process.ExitCode}");
    }

    private static string Row(string name, string analysis, string ranking, List<RelevanceScores> scores) =>
        $"| {name} | {analysis} | {ranking} | " + string.Join(" | ", Columns.Zip(scores, Cell)) + " |";

    private static string Cell(Column column, RelevanceScores s) => column.Main
        ? string.Create(CultureInfo.InvariantCulture, $"**{s.NdcgAt10:F4}** / {s.MrrAt10:F4} / {s.RecallAt100:F4}")
        : string.Create(CultureInfo.InvariantCulture, $"{s.NdcgAt10:F4} / {s.RecallAt100:F4}");
}
