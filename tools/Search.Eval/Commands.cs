using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Client;
using Search.Evaluation;
using Search.Core;
using Search.Core.Ingest.Json;
using Search.Core.Index;
using Search.Core.Retrieval;
using Search.Core.Text;

namespace Search.Eval;

internal static class Commands
{
    private const int Depth = SearchRequest.MaxSize;

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
        EngineIndex.Build(documents, output, spec, Specs.Profile(spec, "default", lexicon));
        return 0;
    }

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        var indexPath = options.Required("index");
        var spec = EngineIndex.AnalysisOf(indexPath);
        var lexicon = Specs.WantsLexicon(spec) ? Lexicon.Factory(ReadDocuments(options.All("docs"))) : null;
        var rankings = options.All("ranking").DefaultIfEmpty("default").ToList();
        var split = options.Single("split");
        var runs = options.Single("runs");
        if (runs is not null)
            System.IO.Directory.CreateDirectory(runs);

        Console.WriteLine($"index {indexPath}: analysis '{spec}'");
        Console.WriteLine($"{"set",-14} {"nDCG@10",7} {"MRR@10",7} {"R@100",7} {"MAP@100",7} {"p50 ms",7}  ranking");
        foreach (var set in options.All("set"))
        {
            var (name, queries, qrels) = ReadSet(set, split);
            foreach (var rankingSpec in rankings)
            {
                using var engine = SearchEngine.Open(indexPath, Specs.Profile(spec, rankingSpec, lexicon));
                var (run, latencies) = Search(engine, queries);
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
        var set = TitleSet(ReadDocuments(options.Positional), count, seed);
        WriteSet(output, "titles", set);
        Console.WriteLine($"{set.Queries.Count} title queries written to {output}");
        return 0;
    }

    /// <summary>
    /// The second collection: the titles of <paramref name="count"/> sampled articles (three words or more) as
    /// queries, each judged relevant to every article bearing the same title up to punctuation, diacritics
    /// and letter variants (agency copy reprinted by several outlets is the same answer).
    /// </summary>
    public static (List<EvaluationQuery> Queries, Dictionary<string, IReadOnlyDictionary<string, int>> Qrels) TitleSet(
        IReadOnlyList<DocumentRecord> documents, int count, int seed)
    {
        var byTitle = documents.Where(d => d.Title.Length > 0).GroupBy(d => TitleKey(d.Title)).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToList());
        var candidates = documents.Where(d => Flat(d.Title).Split(' ').Length >= 3).ToList();
        var random = new Random(seed);
        var sample = candidates.OrderBy(_ => random.Next()).DistinctBy(d => TitleKey(d.Title)).Take(count).ToList();
        var queries = new List<EvaluationQuery>();
        var qrels = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var document in sample)
        {
            var qid = $"t-{queries.Count + 1:D4}";
            queries.Add(new EvaluationQuery(qid, Flat(document.Title)));
            qrels[qid] = byTitle[TitleKey(document.Title)].ToDictionary(id => id, _ => 1, StringComparer.Ordinal);
        }
        return (queries, qrels);
    }

    public static int Headlines(string[] args)
    {
        var options = Options.Parse(args);
        var output = options.Required("out");
        var count = int.Parse(options.Single("count") ?? "1000", CultureInfo.InvariantCulture);
        var seed = int.Parse(options.Single("seed") ?? "17", CultureInfo.InvariantCulture);
        var minShared = double.Parse(options.Single("min-shared") ?? HeadlineSet.MinShared.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var set = HeadlineSet.Build(ReadDocuments(options.Positional), count, seed, minShared);
        WriteSet(output, "headlines", set);
        Console.WriteLine($"{set.Queries.Count} headline queries, {set.Qrels.Values.Sum(j => j.Count)} judged copies, written to {output}");
        return 0;
    }

    /// <summary>The headlines set of <paramref name="folder"/>, built there first when it is not (finding near-copies takes a minute).</summary>
    public static (List<EvaluationQuery> Queries, Dictionary<string, IReadOnlyDictionary<string, int>> Qrels) ReadOrBuildHeadlines(
        string folder, IReadOnlyList<DocumentRecord> corpus, int count, int seed)
    {
        var queries = Path.Combine(folder, "headlines.jsonl");
        var qrels = Path.Combine(folder, "headlines-qrels.tsv");
        if (!File.Exists(qrels))
            WriteSet(folder, "headlines", HeadlineSet.Build(corpus, count, seed));
        return (EvaluationFiles.ReadQueries(queries), EvaluationFiles.ReadQrels(qrels));
    }

    /// <summary>A built set as NAME.jsonl, NAME.tsv and NAME-qrels.tsv in <paramref name="output"/>.</summary>
    public static void WriteSet(string output, string name, (List<EvaluationQuery> Queries, Dictionary<string, IReadOnlyDictionary<string, int>> Qrels) set)
    {
        System.IO.Directory.CreateDirectory(output);
        var utf8 = new UTF8Encoding(false);
        var json = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllLines(Path.Combine(output, name + ".jsonl"), set.Queries.Select(q => JsonSerializer.Serialize(new { qid = q.Id, query = q.Text }, json)), utf8);
        File.WriteAllLines(Path.Combine(output, name + ".tsv"), set.Queries.Select(q => $"{q.Id}\t{q.Text}"), utf8);
        File.WriteAllLines(Path.Combine(output, name + "-qrels.tsv"), set.Queries.SelectMany(q => set.Qrels[q.Id].Keys.Select(id => $"{q.Id}\t{id}\t1")), utf8);
    }

    /// <summary>A title up to punctuation, diacritics and letter variants: two outlets printing one headline give one key.</summary>
    public static string TitleKey(string title) =>
        string.Join(' ', new string(FoldTitle(title).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The product's letter folding (<see cref="ArabicLetters"/>) but for hamza on a seat, kept as written
    /// (<c>ؤ</c> and <c>ئ</c>, their variants <c>ٶ</c> and <c>ٸ</c> read as them), as the titles and headlines
    /// sets have been keyed since they were first built: a key the search's folding does not make.
    /// </summary>
    private static string FoldTitle(string title)
    {
        var text = ArabicPresentationForms.Contains(title) ? ArabicPresentationForms.Expand(title) : title;
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var letter = c switch { '\u0624' or '\u0676' => '\u0624', '\u0626' or '\u0678' => '\u0626', _ => ArabicLetters.Fold(c) };
            if (letter != '\0')
                folded.Append(letter);
        }
        return folded.ToString();
    }

    /// <summary>Text on one line, runs of whitespace as one space.</summary>
    public static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

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

    /// <summary>Analysis alone, one thread, over the documents' titles and bodies: tokens per second of each variant, interleaved.</summary>
    public static int Speed(string[] args)
    {
        var options = Options.Parse(args);
        var documents = ReadDocuments(options.Positional);
        var specs = options.All("analysis").DefaultIfEmpty("default").ToList();
        var rounds = int.Parse(options.Single("rounds") ?? "3", CultureInfo.InvariantCulture);
        var analyzers = specs.Select(spec => Specs.CreateAnalyzer(spec, null)).ToList();
        var best = new double[specs.Count];
        for (var round = 0; round < rounds; round++)
            for (var i = 0; i < specs.Count; i++)
            {
                var started = Stopwatch.StartNew();
                long tokens = 0;
                foreach (var document in documents)
                    foreach (var text in (string[])[document.Title, document.Body])
                    {
                        using var stream = analyzers[i].GetTokenStream(IndexFields.Body, text);
                        stream.Reset();
                        while (stream.IncrementToken())
                            tokens++;
                        stream.End();
                    }
                var seconds = started.Elapsed.TotalSeconds;
                best[i] = round == 0 ? seconds : Math.Min(best[i], seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round} {specs[i],-30} {seconds,6:F2} s {tokens,12:N0} tokens"));
            }
        for (var i = 0; i < specs.Count; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best {specs[i],-30} {best[i],6:F2} s ({best[i] / best[0]:F2}x)"));
        return 0;
    }

    /// <summary>
    /// Each query's first <see cref="Depth"/> documents as the engine's search ranks them (every copy of a
    /// story, as the judgments list them; no snippets), and how long each search took.
    /// </summary>
    public static (List<(string QueryId, IReadOnlyList<string> Docs)> Run, List<double> Latencies) Search(SearchEngine engine, List<EvaluationQuery> queries)
    {
        var run = new List<(string, IReadOnlyList<string>)>(queries.Count);
        var latencies = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var request = new SearchRequest(PlainTextQuery.Escape(query.Text), Sort: SortOrder.Relevance, Size: Depth, Snippets: false, Collapse: false);
            var hits = string.IsNullOrWhiteSpace(query.Text) ? [] : engine.Search(request).Hits;
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            run.Add((query.Id, hits.Select(hit => hit.Id).ToList()));
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

    public static List<DocumentRecord> ReadDocuments(IEnumerable<string> paths)
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

    /// <summary>A variant spec as a file or folder name.</summary>
    public static string Safe(string spec) => new(spec.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());
}
