using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Client.Evaluation;
using Search.Core.Analysis;
using Search.Core;
using Search.Core.Retrieval.Scoring;

namespace Search.Eval;

/// <summary>
/// The whole comparison of docs/relevance.md in one command: for each variant (name, analysis, ranking),
/// dev-eval alone, dev-eval with the corpus as distractors, the titles-as-queries set, and the same set
/// with the answers' titles held out; and the Java Lucene peer on the very same documents and queries,
/// in the same run. Everything it builds goes to the work folder, outside the repository.
/// </summary>
internal static class Table
{
    private sealed record Variant(string Name, string Analysis, string Ranking);

    private sealed record Collections(List<DocumentRecord> Dev, List<DocumentRecord> All, List<DocumentRecord> AllHeldOut);

    private sealed record QuerySet(string Name, List<EvaluationQuery> Queries, Dictionary<string, IReadOnlyDictionary<string, int>> Qrels);

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        var work = Path.GetFullPath(options.Required("work"));
        var devFolder = options.Required("dev");
        var corpusFolder = options.Required("corpus");
        var peers = options.Single("peers");
        var count = int.Parse(options.Single("count") ?? "2000", CultureInfo.InvariantCulture);
        var variants = options.All("variant").Select(ParseVariant).ToList();
        if (variants.Count == 0)
            throw new ArgumentException("give at least one --variant NAME|ANALYSIS|RANKING");
        System.IO.Directory.CreateDirectory(work);

        var dev = Commands.ReadDocuments([Path.Combine(devFolder, "documents.jsonl")]);
        var corpus = Commands.ReadDocuments(System.IO.Directory.GetFiles(corpusFolder, "*.jsonl.gz").Order(StringComparer.Ordinal));
        var titles = Commands.TitleSet(corpus, count, seed: 17);
        Commands.WriteTitleSet(Path.Combine(work, "titles"), titles);
        var heldOut = titles.Qrels.Values.SelectMany(j => j.Keys).ToHashSet(StringComparer.Ordinal);
        var all = dev.Concat(corpus).ToList();
        var collections = new Collections(dev, all, all.Select(d => heldOut.Contains(d.Id) ? d with { Title = "" } : d).ToList());
        var sets = new Dictionary<string, QuerySet>
        {
            ["dev"] = new("dev", EvaluationFiles.ReadQueries(Path.Combine(devFolder, "queries.jsonl")), EvaluationFiles.ReadQrels(Path.Combine(devFolder, "qrels.tsv"))),
            ["titles"] = new("titles", titles.Queries, titles.Qrels),
        };
        Console.WriteLine($"dev {dev.Count} passages, {sets["dev"].Queries.Count} questions; corpus {corpus.Count} articles; titles set {titles.Queries.Count} queries ({heldOut.Count} judged articles)");

        var rows = new List<string>();
        if (peers is not null)
            rows.Add(Peer(work, peers, collections, sets));
        foreach (var variant in variants)
            rows.Add(Measure(work, variant, collections, sets));

        var header = "| variant | analysis | ranking | dev alone nDCG@10 / MRR@10 / R@100 | dev + corpus nDCG@10 / MRR@10 / R@100 | titles nDCG@10 / R@100 | titles, held out nDCG@10 / R@100 |\n|---|---|---|---|---|---|---|";
        var table = header + "\n" + string.Join("\n", rows);
        File.WriteAllText(Path.Combine(work, "table.md"), table + "\n");
        Console.WriteLine();
        Console.WriteLine(table);
        return 0;
    }

    private static Variant ParseVariant(string text)
    {
        var parts = text.Split('|');
        return parts.Length == 3 ? new Variant(parts[0], parts[1], parts[2]) : throw new ArgumentException($"--variant '{text}' is not NAME|ANALYSIS|RANKING");
    }

    private static string Measure(string work, Variant variant, Collections collections, Dictionary<string, QuerySet> sets)
    {
        var folder = Path.Combine(work, "index", Commands.Safe(variant.Analysis));
        var started = Stopwatch.StartNew();
        var lexicons = new Dictionary<string, Func<ArabicNormalizer, IArabicWordKnowledge>?>();
        string Index(string name, List<DocumentRecord> documents)
        {
            var path = Path.Combine(folder, name);
            lexicons[name] = Specs.WantsLexicon(variant.Analysis) ? Lexicon.Factory(documents) : null;
            if (!File.Exists(Path.Combine(path, Commands.SpecFile)))
                Commands.BuildIndex(documents, variant.Analysis, path, lexicons[name]);
            return path;
        }
        var devIndex = Index("dev", collections.Dev);
        var allIndex = Index("all", collections.All);
        var heldOutIndex = Index("all-held-out", collections.AllHeldOut);

        var ranking = Specs.Ranking(variant.Ranking);
        (RelevanceScores Scores, double P50) Score(string index, string collection, QuerySet set)
        {
            using var analyzer = Specs.CreateAnalyzer(variant.Analysis, lexicons[collection]);
            var termsPerWord = Specs.TermsPerWord(variant.Analysis, lexicons[collection]);
            using var directory = FSDirectory.Open(new DirectoryInfo(index));
            using var reader = DirectoryReader.Open(directory);
            var searcher = new IndexSearcher(reader) { Similarity = SearchSimilarity.Create(ranking, termsPerWord) };
            var (run, latencies) = Commands.Search(searcher, new Search.Core.Retrieval.Scoring.LuceneQueryBuilder(analyzer, ranking), set.Queries);
            latencies.Sort();
            return (RelevanceMetrics.Score(run.ToDictionary(r => r.QueryId, r => r.Docs), set.Qrels), latencies[latencies.Count / 2]);
        }
        var devAlone = Score(devIndex, "dev", sets["dev"]).Scores;
        var (devAll, p50) = Score(allIndex, "all", sets["dev"]);
        var titles = Score(allIndex, "all", sets["titles"]).Scores;
        var titlesHeldOut = Score(heldOutIndex, "all-held-out", sets["titles"]).Scores;
        Console.WriteLine($"{variant.Name}: {started.Elapsed.TotalSeconds:F0} s, dev + corpus p50 {p50:F2} ms");
        return Row(variant.Name, $"`{variant.Analysis}`", $"`{variant.Ranking}`", devAlone, devAll, titles, titlesHeldOut);
    }

    /// <summary>The Java Lucene peer (stock ArabicAnalyzer, BM25, OR of the words over title and body) on the same inputs.</summary>
    private static string Peer(string work, string peers, Collections collections, Dictionary<string, QuerySet> sets)
    {
        var folder = Path.Combine(work, "peer");
        System.IO.Directory.CreateDirectory(folder);
        var script = Path.Combine(Path.GetFullPath(peers), "lucene-java.sh");
        string Index(string name, List<DocumentRecord> documents)
        {
            var tsv = Path.Combine(folder, name + ".tsv");
            var index = Path.Combine(folder, "j-" + name);
            if (!System.IO.Directory.Exists(index))
            {
                WritePeerDocuments(tsv, documents);
                Shell(script, "index", tsv, index);
            }
            return index;
        }
        RelevanceScores Score(string index, QuerySet set)
        {
            var queries = Path.Combine(folder, set.Name + "-queries.tsv");
            File.WriteAllLines(queries, set.Queries.Select(q => $"{q.Id}\t{Flat(q.Text)}"), new UTF8Encoding(false));
            var run = Path.Combine(folder, $"run-{set.Name}-{Path.GetFileName(index)}.tsv");
            Shell(script, "search", index, queries, run, "100");
            var docs = File.ReadLines(run).Select(l => l.Split('\t')).GroupBy(p => p[0])
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(p => int.Parse(p[2], CultureInfo.InvariantCulture)).Select(p => p[1]).ToList());
            return RelevanceMetrics.Score(docs, set.Qrels);
        }
        var dev = Index("dev", collections.Dev);
        var all = Index("all", collections.All);
        var heldOut = Index("all-held-out", collections.AllHeldOut);
        return Row("Java Lucene peer", "stock `ArabicAnalyzer` (Lucene 8.7)", "BM25, OR over title and body",
            Score(dev, sets["dev"]), Score(all, sets["dev"]), Score(all, sets["titles"]), Score(heldOut, sets["titles"]));
    }

    /// <summary>The peer's input format, as its jsonl2tsv.py writes it: id, title, body, whitespace collapsed, backslashes doubled.</summary>
    private static void WritePeerDocuments(string path, List<DocumentRecord> documents)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var document in documents)
            writer.Write($"{document.Id}\t{Flat(document.Title).Replace("\\", "\\\\")}\t{Flat(document.Body).Replace("\\", "\\\\")}\n");
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

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

    private static string Row(string name, string analysis, string ranking, RelevanceScores devAlone, RelevanceScores devAll, RelevanceScores titles, RelevanceScores heldOut) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {analysis} | {ranking} | {devAlone.NdcgAt10:F4} / {devAlone.MrrAt10:F4} / {devAlone.RecallAt100:F4} | **{devAll.NdcgAt10:F4}** / {devAll.MrrAt10:F4} / {devAll.RecallAt100:F4} | {titles.NdcgAt10:F4} / {titles.RecallAt100:F4} | {heldOut.NdcgAt10:F4} / {heldOut.RecallAt100:F4} |");
}
